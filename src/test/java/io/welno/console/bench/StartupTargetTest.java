package io.welno.console.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the P5 line says about the launcher it started: whether its runtime has the class-data archive the
 * packaging makes, in each OS's app-image layout, since a build without a display leaves it out and goes on.
 */
class StartupTargetTest {

    @TempDir
    Path dir;

    /** Each OS's app image: the launcher, its runtime, and the archive inside that runtime. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "Linux, welno-console/bin/welno-console, welno-console/lib/runtime, lib/server/classes.jsa",
        "macOS, WELNO Session Console.app/Contents/MacOS/welno-console, WELNO Session Console.app/Contents/runtime, "
                + "Contents/Home/lib/server/classes.jsa",
        "Windows, welno-console/welno-console.exe, welno-console/runtime, bin/server/classes.jsa"})
    void anAppImageIsToldWithAndWithoutItsArchive(String os, String launcher, String runtime, String archive)
            throws IOException {
        StartupTarget target = StartupTarget.launcher(file(dir.resolve(launcher)));
        Files.createDirectories(dir.resolve(runtime).resolve(archive).getParent());
        assertEquals("no", target.classDataArchive(), os);

        file(dir.resolve(runtime).resolve(archive));
        assertEquals("yes", target.classDataArchive(), os);
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
