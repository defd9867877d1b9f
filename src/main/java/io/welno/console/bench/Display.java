package io.welno.console.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * An X display for the figures that need a window (P2 FX, P5): the one in {@code DISPLAY} (e.g. under
 * {@code xvfb-run}), else a private Xvfb started here and stopped on {@link #close}. {@link #open} returns null
 * when there is neither, and the figure says "skipped: no display".
 */
final class Display implements AutoCloseable {

    private final String name;
    private final Process xvfb;

    private Display(String name, Process xvfb) {
        this.name = name;
        this.xvfb = xvfb;
    }

    static Display open() throws IOException, InterruptedException {
        String display = System.getenv("DISPLAY");
        if (display != null && !display.isBlank()) {
            return new Display(display, null);
        }
        int number = freeDisplay();
        if (number < 0 || !onPath("Xvfb")) {
            return null;
        }
        Process xvfb = new ProcessBuilder("Xvfb", ":" + number, "-screen", "0", "1400x900x24", "-nolisten", "tcp")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Path socket = Path.of("/tmp/.X11-unix/X" + number);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(socket) && System.nanoTime() < deadline && xvfb.isAlive()) {
            xvfb.waitFor(20, TimeUnit.MILLISECONDS);
        }
        return new Display(":" + number, xvfb);
    }

    /** The value for {@code DISPLAY}. */
    String name() {
        return name;
    }

    /** For the report: "DISPLAY" (given) or "Xvfb" (started by the bench). */
    String kind() {
        return xvfb == null ? "DISPLAY" : "Xvfb";
    }

    @Override
    public void close() throws InterruptedException {
        if (xvfb != null) {
            xvfb.destroy();
            xvfb.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static int freeDisplay() {
        for (int n = 97; n < 140; n++) {
            if (!Files.exists(Path.of("/tmp/.X11-unix/X" + n)) && !Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                return n;
            }
        }
        return -1;
    }

    private static boolean onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (new File(dir, name).canExecute()) {
                return true;
            }
        }
        return false;
    }
}
