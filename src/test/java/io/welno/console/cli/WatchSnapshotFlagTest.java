package io.welno.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.live.FeedBatch;
import io.welno.console.live.FeedMode;
import io.welno.console.live.FeedOptions;
import io.welno.console.live.RedisSessionFeed;
import io.welno.console.live.SessionChange;
import io.welno.console.session.SessionCodec;
import io.welno.console.testing.RecordingListener;
import io.welno.console.testing.RedisServerExtension;
import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code watch --json} says {@code "snapshot":true} of a snapshot's rows only: a pushed change that rides in a
 * resync's batch is news (a write seen), and a script that skips snapshot rows must not skip it (docs/live.md).
 */
class WatchSnapshotFlagTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static String doc(int n) {
        return "{\"status\": \"initiated\", \"n\": " + n + ", \"messages\": []}";
    }

    @Test
    void aPushedChangeInAResyncsBatchIsNotASnapshotRow() {
        REDIS.client().set("tilko_session:kept", doc(0));
        RecordingListener listener = new RecordingListener();
        // A long window: the write below is read ahead and held for the window's batch, and the resync's end, which
        // goes out at once, takes it along.
        FeedOptions options = FeedOptions.defaults().withBatchWindow(Duration.ofSeconds(5));
        try (RedisSessionFeed feed = new RedisSessionFeed(REDIS.settings(), new SessionCodec(), options)) {
            feed.start(listener);
            listener.awaitSnapshots(1);
            listener.awaitMode(FeedMode.LIVE);
            REDIS.client().set("tilko_session:first", doc(1)); // goes out at once and starts a window
            listener.await("first", () -> listener.has("first"));
            long readAhead = feed.stats().keysReadAhead();
            REDIS.client().set("tilko_session:pushed", doc(2));
            listener.await("pushed read ahead", () -> feed.stats().keysReadAhead() > readAhead);
            feed.resync();
            listener.awaitSnapshots(2);

            FeedBatch resync = listener.batches().get(listener.batches().size() - 1).batch();
            assertTrue(resync.fromSnapshot() && resync.snapshotComplete(), "the resync's batch: " + resync);
            SessionChange pushed = change(resync, "pushed");
            SessionChange kept = change(resync, "kept");
            LocalDateTime now = LocalDateTime.now();
            ObjectNode pushedLine = WatchCommand.changeJson(pushed, now);
            ObjectNode keptLine = WatchCommand.changeJson(kept, now);
            assertEquals(false, pushedLine.get("snapshot").asBoolean(true), "a write seen: " + pushedLine);
            assertEquals(true, keptLine.get("snapshot").asBoolean(false), "read again by the resync: " + keptLine);
        }
    }

    private static SessionChange change(FeedBatch batch, String id) {
        return batch.changes().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " is not in " + batch.changes()));
    }
}
