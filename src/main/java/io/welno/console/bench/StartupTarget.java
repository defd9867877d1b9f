package io.welno.console.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What P5 starts: the runnable jar on this JVM, or the native launcher of an app image or installation
 * ({@code bin/welno-console}), which is what the P5 budget in docs/architecture.md is about.
 *
 * @param path           the jar, or the launcher
 * @param nativeLauncher whether {@code path} is a launcher
 */
public record StartupTarget(Path path, boolean nativeLauncher) {

    public static StartupTarget jar(Path jar) {
        return new StartupTarget(jar, false);
    }

    public static StartupTarget launcher(Path launcher) {
        return new StartupTarget(launcher, true);
    }

    /**
     * A start with these JVM options and arguments; a launcher fixes its own JVM options, so they go through
     * {@code JAVA_TOOL_OPTIONS}, which every JVM reads.
     */
    ProcessBuilder process(List<String> jvmOptions, List<String> args) {
        ProcessBuilder builder = new ProcessBuilder();
        List<String> command = new ArrayList<>();
        if (nativeLauncher) {
            command.add(path.toString());
            builder.environment().put("JAVA_TOOL_OPTIONS", String.join(" ", jvmOptions));
        } else {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.add("-jar");
            command.add(path.toString());
        }
        command.addAll(args);
        return builder.command(command);
    }

    /**
     * For the report: whether the launcher's runtime carries the class-data archive its packaging makes
     * (packaging/README.md, "Start-up"): {@code "yes"}, {@code "no"}, or {@code "-"} for a jar or a layout not known
     * here. A build without a display and without xvfb-run leaves the archive out and goes on; its launcher starts
     * several hundred milliseconds slower, which a P5 figure must say.
     */
    String classDataArchive() {
        if (!nativeLauncher) {
            return "-";
        }
        Path dir = path.toAbsolutePath().getParent();
        List<Path[]> layouts = List.of(
                // Linux: bin/welno-console beside lib/runtime
                new Path[] {dir.resolveSibling("lib").resolve("runtime"), Path.of("lib", "server", "classes.jsa")},
                // macOS: Contents/MacOS/welno-console beside Contents/runtime
                new Path[] {dir.resolveSibling("runtime"), Path.of("Contents", "Home", "lib", "server", "classes.jsa")},
                // Windows: welno-console.exe beside runtime
                new Path[] {dir.resolve("runtime"), Path.of("bin", "server", "classes.jsa")});
        for (Path[] layout : layouts) {
            if (Files.isDirectory(layout[0])) {
                return Files.isRegularFile(layout[0].resolve(layout[1])) ? "yes" : "no";
            }
        }
        return "-";
    }

    /** For the report: how it was started. */
    String describe() {
        return nativeLauncher ? "the app-image launcher " + path : "java -jar " + path;
    }
}
