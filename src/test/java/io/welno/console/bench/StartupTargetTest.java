package io.welno.console.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the P5 line says about the launcher it started: whether its runtime has the class-data archive the
 * packaging makes, in each OS's app-image layout, since a build without a display leaves it out and goes on.
 */
class StartupTargetTest {

    @TempDir
    Path dir;

    @Test
    void aLinuxAppImageIsToldWithAndWithoutItsArchive() throws IOException {
        Path launcher = file(dir.resolve("welno-console/bin/welno-console"));
        Files.createDirectories(dir.resolve("welno-console/lib/runtime/lib/server"));
        assertEquals("no", StartupTarget.launcher(launcher).classDataArchive());

        file(dir.resolve("welno-console/lib/runtime/lib/server/classes.jsa"));
        assertEquals("yes", StartupTarget.launcher(launcher).classDataArchive());
    }

    @Test
    void aMacAppIsToldWithAndWithoutItsArchive() throws IOException {
        Path launcher = file(dir.resolve("WELNO Session Console.app/Contents/MacOS/welno-console"));
        Files.createDirectories(dir.resolve("WELNO Session Console.app/Contents/runtime/Contents/Home/lib/server"));
        assertEquals("no", StartupTarget.launcher(launcher).classDataArchive());

        file(dir.resolve("WELNO Session Console.app/Contents/runtime/Contents/Home/lib/server/classes.jsa"));
        assertEquals("yes", StartupTarget.launcher(launcher).classDataArchive());
    }

    @Test
    void aWindowsAppImageIsToldWithAndWithoutItsArchive() throws IOException {
        Path launcher = file(dir.resolve("welno-console/welno-console.exe"));
        Files.createDirectories(dir.resolve("welno-console/runtime/bin/server"));
        assertEquals("no", StartupTarget.launcher(launcher).classDataArchive());

        file(dir.resolve("welno-console/runtime/bin/server/classes.jsa"));
        assertEquals("yes", StartupTarget.launcher(launcher).classDataArchive());
    }

    @Test
    void aJarOrALauncherWithoutAKnownRuntimeIsNotGuessedAbout() throws IOException {
        assertEquals("-", StartupTarget.jar(file(dir.resolve("welno-console.jar"))).classDataArchive());
        assertEquals("-", StartupTarget.launcher(file(dir.resolve("elsewhere/bin/welno-console"))).classDataArchive());
    }

    private static Path file(Path path) throws IOException {
        Files.createDirectories(path.getParent());
        return Files.writeString(path, "");
    }
}
