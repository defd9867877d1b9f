package io.welno.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.testing.RedisServerExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command's standard error carries what a script must see (the outcome's line when it is bad news, warnings,
 * errors), not the console's INFO log: that only with {@code -v}. Run as {@code main} runs it, in a process of its own,
 * since the log's level is the process's.
 */
class CommandLogTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @TempDir
    Path dir;

    private record Run(int exit, String err) {
    }

    private Run action(String... extra) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName(), "reset",
                "welno_no_such_session", "--reason", "stuck", "--redis", REDIS.url(), "--hold", "0"));
        command.addAll(List.of(extra));
        Path err = dir.resolve("err" + extra.length + ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile());
        builder.environment().remove("WELNO_LOG_LEVEL");
        Process process = builder.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the command ends");
        return new Run(process.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void anActionLogsOnlyWarningsUnlessVerbose() throws Exception {
        Run quiet = action();
        assertEquals(1, quiet.exit(), quiet.err());
        assertTrue(quiet.err().startsWith("VANISHED ["), "the outcome's line is there: " + quiet.err());
        assertTrue(quiet.err().lines().noneMatch(l -> l.contains(" INFO ")), "no INFO log beside it: " + quiet.err());

        Run verbose = action("-v");
        assertEquals(1, verbose.exit(), verbose.err());
        assertTrue(verbose.err().lines().anyMatch(l -> l.contains(" INFO ") && l.contains("welno_no_such_session")),
                "-v logs what the console did: " + verbose.err());
    }
}
