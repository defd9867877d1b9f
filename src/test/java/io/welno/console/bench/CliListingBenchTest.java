package io.welno.console.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the P1-CLI bench writes about a command it started: never the Redis URL, which may hold a password. */
class CliListingBenchTest {

    @Test
    void aCommandIsShownWithoutItsRedisUrl() {
        List<String> command = List.of("java", "-jar", "welno-console.jar", "list", "--json", "--redis",
                "redis://bench:s3cret@127.0.0.1:6390/0");
        assertEquals("java -jar welno-console.jar list --json --redis URL", CliListingBench.shown(command));
    }
}
