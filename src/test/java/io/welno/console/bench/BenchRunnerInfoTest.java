package io.welno.console.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** What the bench quotes from Redis's INFO reaches the terminal and the report escaped, as every server's word does. */
class BenchRunnerInfoTest {

    @Test
    void aFieldIsReadAsTheServerWroteIt() {
        assertEquals("518.72M", BenchRunner.info("# Memory\r\nused_memory:1\r\nused_memory_human:518.72M\r\n",
                "used_memory_human"));
        assertEquals("unknown", BenchRunner.info("# Memory\r\n", "used_memory_human"));
    }

    @Test
    void aServerThatSendsControlsCannotWorkTheTerminal() {
        String said = BenchRunner.info("used_memory_human:1M\u001b[2J\u001b[H\u001b]0;pwned\u0007 \u202egnp.exe\r\n",
                "used_memory_human");
        assertFalse(said.chars().anyMatch(c -> c == 0x1b || c == 0x07 || c == 0x202e), said);
        assertEquals("1M\\u001b[2J\\u001b[H\\u001b]0;pwned\\u0007 \\u202egnp.exe", said);
    }
}
