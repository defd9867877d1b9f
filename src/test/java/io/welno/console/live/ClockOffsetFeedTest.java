package io.welno.console.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.session.SessionCodec;
import io.welno.console.store.RedisConnectionSettings;
import io.welno.console.testing.Await;
import io.welno.console.testing.MutableClock;
import io.welno.console.testing.RecordingListener;
import io.welno.console.testing.RedisServerExtension;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Protocol;

/**
 * The feed reads Redis's clock with TIME when it connects and compares it with the clock it was given (docs/live.md,
 * "Clocks"): the window says so when the two are far apart, since it judges expiry and stuck sessions by its own.
 */
class ClockOffsetFeedTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final Duration AHEAD = Duration.ofMinutes(5);

    private static RedisSessionFeed feed(RedisConnectionSettings settings, Clock clock) {
        return new RedisSessionFeed(settings, new SessionCodec(), FeedOptions.defaults(), FeedTopology.auto(),
                Thread::new, clock);
    }

    @Test
    void aClockAheadOfRedissIsReadAsAheadByThatMuch() {
        RecordingListener listener = new RecordingListener();
        try (RedisSessionFeed feed = feed(REDIS.settings(), Clock.offset(Clock.systemUTC(), AHEAD))) {
            feed.start(listener);
            listener.awaitMode(FeedMode.LIVE);
            ClockOffset offset = feed.clockOffset().orElseThrow();
            // Redis runs on this machine's clock, so the offset is the five minutes the feed's clock was moved
            assertTrue(Math.abs(offset.offsetMillis() + AHEAD.toMillis()) <= offset.uncertaintyMillis() + 1000,
                    offset.toString());
            assertTrue(offset.noticeable());
            assertTrue(offset.consoleAhead());
        }
    }

    @Test
    void theSameClockIsNotNoticeable() {
        RecordingListener listener = new RecordingListener();
        try (RedisSessionFeed feed = feed(REDIS.settings(), Clock.systemUTC())) {
            feed.start(listener);
            listener.awaitMode(FeedMode.LIVE);
            ClockOffset offset = feed.clockOffset().orElseThrow();
            assertFalse(offset.noticeable(), offset.toString());
        }
    }

    /**
     * The clock is read again while connected (every 60th housekeeping): a clock set wrong, or right, after the
     * console connected is seen without a reconnect.
     */
    @Test
    void aClockChangedWhileConnectedIsReadAgain() {
        MutableClock clock = new MutableClock(Instant.now().minusSeconds(1), ZoneOffset.UTC);
        RecordingListener listener = new RecordingListener();
        FeedOptions often = FeedOptions.defaults().withTopologyRefresh(Duration.ofMillis(20)); // a re-read each 1.2 s
        try (RedisSessionFeed feed = new RedisSessionFeed(REDIS.settings(), new SessionCodec(), often,
                FeedTopology.auto(), Thread::new, clock)) {
            feed.start(listener);
            listener.awaitMode(FeedMode.LIVE);
            assertTrue(feed.clockOffset().orElseThrow().offsetMillis() > 0, "a clock that stands falls behind");

            clock.set(Instant.now().plus(AHEAD));
            Await.until("the clock read again", Await.EVENTUALLY,
                    () -> feed.clockOffset().orElseThrow().offsetMillis() < -AHEAD.toMillis() + 60_000);
            assertEquals(1, listener.modeSequence().stream().filter(m -> m == FeedMode.LIVE).count(),
                    "no reconnect: " + listener.modes());
        }
    }

    /** A user whose ACL leaves TIME out still gets a live feed, with the clock not compared (nothing guessed). */
    @Test
    void aUserWithoutTimeLeavesTheOffsetUnknown() {
        REDIS.client().sendCommand(Protocol.Command.ACL, "SETUSER", "notime", "reset", "on", ">n0time",
                "~tilko_session:*", "&*", "+@all", "-time");
        RecordingListener listener = new RecordingListener();
        try (RedisSessionFeed feed = feed(RedisConnectionSettings.parse("redis://notime:n0time@127.0.0.1:"
                + REDIS.port() + "/0"), Clock.offset(Clock.systemUTC(), AHEAD))) {
            feed.start(listener);
            listener.awaitMode(FeedMode.LIVE);
            assertEquals(java.util.Optional.empty(), feed.clockOffset());
        }
    }

    @Test
    void anAnswerIsTakenAtTheMiddleOfItsRoundTrip() {
        // Redis said 1,000.5 s; asked at 1,000 ms and answered at 1,010 ms of the console's clock
        ClockOffset offset = ClockOffset.measured(List.of(ascii("1000"), ascii("500000")), 1000, 1010);
        assertEquals(1_000_500 - 1005, offset.offsetMillis());
        assertEquals(6, offset.uncertaintyMillis());
        assertFalse(offset.consoleAhead());
        assertEquals(Duration.ofSeconds(999), offset.difference());
        assertEquals(Duration.ofMinutes(10), new ClockOffset(-599_600, 1).difference(), "to the nearest second");

        assertThrows(IllegalArgumentException.class, () -> ClockOffset.measured(List.of(ascii("1000")), 0, 0));
        assertThrows(IllegalArgumentException.class, () -> ClockOffset.measured(null, 0, 0));
        assertThrows(NumberFormatException.class,
                () -> ClockOffset.measured(List.of(ascii("soon"), ascii("0")), 0, 0));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
