package io.welno.console.demo;

import io.welno.console.text.FileWords;
import io.welno.console.text.NetworkWords;
import io.welno.console.text.Phrase;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why the demo's own Redis server did not start, in the server's own words. embedded-redis wraps them in English
 * sentences of its own ("Failed to start Redis service", caused by "Redis-server process appears not to have
 * started. … standard-err contains this: …"); the first would name no cause and the second would put a foreign
 * sentence inside a Korean one, so only what the server printed is kept, as the phrase's argument. When the server
 * did not get to run (its binary could not be copied or started, no port was free), the deepest cause's message is
 * the argument instead: the system's own words, as for any other I/O failure.
 */
final class RedisStartFailure {

    /** What the library says before the server's output of each stream (it spells "standard" "stdandard"). */
    private static final Pattern SAID = Pattern.compile("std?andard-(out|err) contains this:\\s*(.*?)\\s*"
            + "(?=No output was found in standard-|std?andard-err contains this:|$)", Pattern.DOTALL);
    /** Redis's log line prefix ("17724:M 05 Dec 2026 02:42:38.323 # "): the same on every line, it says nothing. */
    private static final Pattern LOG_PREFIX = Pattern.compile("^\\d+:[A-Z] \\d{1,2} \\w{3} \\d{4} [\\d:.]+ [#*.-] ");
    /** The server says why it stops last (after its start-up lines); a few lines hold it. */
    private static final int LAST_LINES = 3;
    private static final String NOT_STARTED = "Redis-server process appears not to have started.";
    /** The JDK's words when a program cannot be started: {@code Cannot run program "/path": error=13, ...}. */
    private static final Pattern PROGRAM = Pattern.compile("^Cannot run program \"([^\"]+)\"");

    private RedisStartFailure() {
    }

    static Phrase of(Throwable error) {
        String deepest = deepestMessage(error);
        if (deepest != null && deepest.startsWith(NOT_STARTED)) {
            String said = serverOutput(deepest);
            return said.isEmpty() ? Phrase.of("demo.redisSilent") : Phrase.of("demo.redisFailed", said);
        }
        // not the server's exit: the binary could not be copied or run, or no port was free — in the system's words
        // where they have ours (a folder mounted noexec, a program an endpoint guard blocks, a full disk)
        Phrase known = systemWords(error);
        if (known != null) {
            return Phrase.of("demo.redisFailed", known);
        }
        return Phrase.of("demo.redisFailed", deepest == null ? error.getClass().getSimpleName() : deepest);
    }

    /** The deepest I/O failure in words of both languages, naming the program that could not run; null if none fit. */
    private static Phrase systemWords(Throwable error) {
        IOException io = null;
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException found) {
                io = found;
            }
        }
        if (io == null) {
            return null;
        }
        Matcher program = PROGRAM.matcher(String.valueOf(io.getMessage()));
        Path target = null;
        if (program.find()) {
            try {
                target = Path.of(program.group(1));
            } catch (InvalidPathException e) {
                target = null;
            }
        }
        Phrase words = FileWords.of(io, target);
        if (!words.key().equals("text.verbatim")) {
            return words;
        }
        Phrase network = NetworkWords.of(io);
        return network.key().equals("text.verbatim") ? null : network;
    }

    /**
     * The last lines of the server's standard error, then of its standard output (Redis logs there), as one text;
     * empty when it was silent.
     */
    static String serverOutput(String libraryMessage) {
        String out = "";
        String err = "";
        Matcher m = SAID.matcher(libraryMessage);
        while (m.find()) {
            if (m.group(1).equals("err")) {
                err = lastLines(m.group(2));
            } else {
                out = lastLines(m.group(2));
            }
        }
        return err.isEmpty() ? out : out.isEmpty() ? err : err + " / " + out;
    }

    private static String lastLines(String output) {
        List<String> lines = output.lines().map(line -> LOG_PREFIX.matcher(line.strip()).replaceFirst(""))
                .filter(line -> !line.isBlank()).toList();
        return String.join(" / ", lines.subList(Math.max(0, lines.size() - LAST_LINES), lines.size()));
    }

    private static String deepestMessage(Throwable error) {
        String deepest = null;
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                deepest = cause.getMessage();
            }
        }
        return deepest;
    }
}
