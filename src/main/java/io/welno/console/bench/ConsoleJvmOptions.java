package io.welno.console.bench;

import java.util.List;

/**
 * The memory and collector options the app image starts the window with (packaging/jpackage/app.txt): the JVMs the
 * bench measures the loader, the feed, the rows and the window in are started with them, so a figure is the shipped
 * console's and not the JVM's defaults'.
 */
public final class ConsoleJvmOptions {

    public static final List<String> OPTIONS = List.of("-Xms128m", "-Xmx1g", "-XX:+UseG1GC",
            "-XX:+UseStringDeduplication", "-XX:MaxGCPauseMillis=30", "-Dfile.encoding=UTF-8");

    private ConsoleJvmOptions() {
    }
}
