package io.welno.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.welno.console.testing.CliRun;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.testing.RunningCli;
import io.welno.console.testing.TestRows;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Protocol;

/**
 * {@code list} and {@code show} judge expiry by this computer's clock; when it is far from Redis's (read with TIME),
 * they say so on standard error, which way and by how much, and standard output stays what a script reads
 * (docs/live.md, "Clocks").
 */
class ClockNoteCommandTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final String ID = "welno_clock_note";
    private static final Clock AHEAD = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10));
    private static final Clock BEHIND = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10));

    /** Ten minutes, give or take the half round trip a busy machine may add to the reading. */
    private static final String TEN_MINUTES = "(10m|10m 0[1-2]s|9m 5[8-9]s)";

    private static boolean said(String printed, String regex) {
        return java.util.regex.Pattern.compile(regex).matcher(printed).find();
    }

    @BeforeEach
    void seed() {
        REDIS.client().set("tilko_session:" + ID,
                TestRows.session(ID, "auth_request_sent", LocalDateTime.now()).json());
    }

    @Test
    void listAndShowSayWhenThisComputersClockIsFarFromRediss() throws Exception {
        CliRun list = CliRun.at(AHEAD, "list", "--redis", REDIS.url());
        assertEquals(0, list.exit(), list.all());
        assertTrue(said(list.err(), "Note: this computer's clock is " + TEN_MINUTES + " ahead of the Redis server's\\."),
                list.err());
        assertTrue(said(list.err(), "take it as about " + TEN_MINUTES + " early"), list.err());
        assertFalse(list.out().contains("Note:"), list.out());

        CliRun json = CliRun.at(BEHIND, "list", "--json", "--redis", REDIS.url());
        assertEquals(0, json.exit(), json.all());
        assertTrue(said(json.err(), "Note: this computer's clock is " + TEN_MINUTES + " behind the Redis server's\\."),
                json.err());
        assertEquals(ID, new ObjectMapper().readTree(json.out().strip()).get("id").asText(),
                "standard output is the JSON lines alone");

        CliRun show = CliRun.at(AHEAD, "show", ID, "--redis", REDIS.url());
        assertEquals(0, show.exit(), show.all());
        assertTrue(said(show.err(), TEN_MINUTES + " ahead of the Redis server's"), show.err());
    }

    /** {@code watch} says it once it follows (the feed reads Redis's clock as it connects), on standard error. */
    @Test
    void watchSaysItOnceItFollows() throws Exception {
        RunningCli watch = CliRun.startAt(BEHIND, "watch", "--redis", REDIS.url());
        try {
            watch.await("following", out -> out.contains("== LIVE"));
            // said before the line that says it follows
            assertTrue(said(watch.err(), "Note: this computer's clock is " + TEN_MINUTES + " behind"), watch.err());
            assertFalse(watch.out().contains("Note:"), watch.out());
        } finally {
            watch.stop();
        }
    }

    @Test
    void nothingIsSaidWhenTheClocksAgreeOrTimeIsRefused() {
        CliRun same = CliRun.of("list", "--redis", REDIS.url());
        assertEquals(0, same.exit(), same.all());
        assertFalse(same.err().contains("clock"), same.err());

        REDIS.client().sendCommand(Protocol.Command.ACL, "SETUSER", "notime", "reset", "on", ">n0time", "~*", "&*",
                "+@all", "-time");
        CliRun refused = CliRun.at(AHEAD, "list", "--redis",
                "redis://notime:n0time@127.0.0.1:" + REDIS.port() + "/0");
        assertEquals(0, refused.exit(), refused.all());
        assertTrue(refused.out().contains(ID), refused.out());
        assertFalse(refused.err().contains("clock"), "not compared, so nothing said: " + refused.err());
    }
}
