package io.welno.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.welno.console.session.BackendRules;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.Timestamps;
import io.welno.console.testing.CliRun;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.testing.RunningCli;
import io.welno.console.testing.TestRows;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code list}, {@code show} and {@code watch} read the clock as the guards do, in microseconds ({@code Timestamps.nowLocal}), the
 * precision the backend writes and compares its naive timestamps in: half a microsecond after a session's expires_at
 * the guards (and the backend's {@code datetime.now() > expires_at}) still serve it, and the commands must not call it
 * expired. A microsecond later all of them do.
 */
class CommandClockTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final LocalDateTime EXPIRY = LocalDateTime.of(2026, 3, 2, 12, 0, 0, 1_000); // …12:00:00.000001
    /** Half a microsecond after EXPIRY, in the backend's zone. */
    private static final Clock CLOCK = Clock.fixed(EXPIRY.atZone(Timestamps.DEFAULT_ZONE).toInstant().plusNanos(500),
            ZoneOffset.UTC);
    private static final String AT_EXPIRY = "welno_clock_at_expiry";
    private static final String PAST_EXPIRY = "welno_clock_past_expiry";

    private static SessionDocument seed(String id, LocalDateTime expiry) {
        TestRows row = TestRows.session(id, "auth_request_sent", EXPIRY.minusMinutes(5)).expires(expiry);
        REDIS.client().set("tilko_session:" + id, row.json());
        return (SessionDocument) row.stored().parsed();
    }

    @Test
    void listAndShowCallASessionExpiredAtTheSameMicrosecondAsTheGuards() throws Exception {
        SessionDocument atExpiry = seed(AT_EXPIRY, EXPIRY);
        SessionDocument pastExpiry = seed(PAST_EXPIRY, EXPIRY.minusNanos(1_000));
        LocalDateTime guardsNow = new Timestamps(CLOCK, Timestamps.DEFAULT_ZONE).nowLocal();
        assertTrue(BackendRules.canRead(atExpiry, guardsNow), "the guards' premise: not expired yet");
        assertFalse(BackendRules.canRead(pastExpiry, guardsNow), "the guards' premise: expired");

        CliRun list = CliRun.at(CLOCK, "list", "--redis", REDIS.url());
        assertEquals(0, list.exit(), list.all());
        assertFalse(row(list, AT_EXPIRY).contains("expired"), row(list, AT_EXPIRY));
        assertTrue(row(list, PAST_EXPIRY).endsWith("!expired"), row(list, PAST_EXPIRY));

        CliRun json = CliRun.at(CLOCK, "list", "--json", "--redis", REDIS.url());
        ObjectMapper mapper = new ObjectMapper();
        assertTrue(mapper.readTree(row(json, AT_EXPIRY)).get("backendCanRead").asBoolean(), row(json, AT_EXPIRY));
        JsonNode past = mapper.readTree(row(json, PAST_EXPIRY));
        assertFalse(past.get("backendCanRead").asBoolean(), past.toString());

        CliRun show = CliRun.at(CLOCK, "show", AT_EXPIRY, "--redis", REDIS.url());
        assertEquals(0, show.exit(), show.all());
        assertFalse(show.out().contains("EXPIRED"), show.out());
        CliRun showPast = CliRun.at(CLOCK, "show", PAST_EXPIRY, "--redis", REDIS.url());
        assertTrue(showPast.out().lines().anyMatch(l -> l.startsWith("EXPIRED   ")), showPast.out());
    }

    @Test
    void watchCallsASessionExpiredAtTheSameMicrosecondAsTheGuards() throws Exception {
        seed(AT_EXPIRY, EXPIRY);
        seed(PAST_EXPIRY, EXPIRY.minusNanos(1_000));
        RunningCli watch = CliRun.startAt(CLOCK, "watch", "--json", "--redis", REDIS.url());
        try {
            watch.await("both sessions listed", out -> out.contains(AT_EXPIRY) && out.contains(PAST_EXPIRY));
        } finally {
            watch.stop();
        }
        ObjectMapper mapper = new ObjectMapper();
        String lines = watch.out();
        JsonNode at = mapper.readTree(lines.lines().filter(l -> l.contains(AT_EXPIRY)).findFirst().orElseThrow());
        JsonNode past = mapper.readTree(lines.lines().filter(l -> l.contains(PAST_EXPIRY)).findFirst().orElseThrow());
        assertTrue(at.get("backendCanRead").asBoolean(), at.toString());
        assertTrue(at.get("expiredForSeconds").isNull(), at.toString());
        assertFalse(past.get("backendCanRead").asBoolean(), past.toString());
    }

    private static String row(CliRun run, String id) {
        return run.out().lines().filter(l -> l.contains(id)).findFirst().orElseThrow(() -> new AssertionError(run.all()));
    }
}
