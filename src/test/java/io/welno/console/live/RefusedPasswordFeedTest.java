package io.welno.console.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.welno.console.session.SessionCodec;
import io.welno.console.testing.RecordingListener;
import io.welno.console.testing.RedisServerExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A password the server refuses stays refused: the feed says so once and stops, instead of retrying for ever. */
class RefusedPasswordFeedTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.withPassword("the-right-one");

    private long connectionsReceived() {
        String stats = REDIS.client().info("stats");
        return stats.lines().filter(l -> l.startsWith("total_connections_received:"))
                .mapToLong(l -> Long.parseLong(l.substring(l.indexOf(':') + 1).strip())).findFirst().orElseThrow();
    }

    @Test
    void aRefusedPasswordEndsOfflineWithoutRetrying() throws Exception {
        RecordingListener listener = new RecordingListener();
        RedisSessionFeed feed = new RedisSessionFeed(REDIS.settings().withPassword("wrong"), new SessionCodec(),
                FeedOptions.defaults().withReconnect(Duration.ofMillis(20), Duration.ofMillis(40)));
        try {
            feed.start(listener);
            listener.awaitMode(FeedMode.OFFLINE);
            listener.await("the refusal is reported", () -> listener.modeSequence().size() >= 2
                    && feed.mode() == FeedMode.OFFLINE);
            long after = connectionsReceived();
            // Nothing to await: the point is that nothing happens. With retries every 20-40 ms, a second would
            // bring a few dozen connections.
            Thread.sleep(1000);
            assertEquals(after, connectionsReceived(), "no connection since: no retry");
            assertEquals(FeedMode.OFFLINE, feed.mode());
            assertEquals("feed.refusedPassword", listener.lastReported(FeedMode.OFFLINE).detail().key());
        } finally {
            feed.close();
        }
    }
}
