package io.welno.console.flow;

import io.welno.console.text.Phrase;
import static io.welno.console.flow.FlowTestSupport.DEVELOPER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.live.ChangeKind;
import io.welno.console.live.FeedBatch;
import io.welno.console.live.FeedListener;
import io.welno.console.live.FeedMode;
import io.welno.console.live.FeedOptions;
import io.welno.console.live.RedisSessionFeed;
import io.welno.console.live.SessionChange;
import io.welno.console.session.NewSessionDocuments;
import io.welno.console.store.RedisSessionStore;
import io.welno.console.testing.Await;
import io.welno.console.testing.Fixtures;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.testing.Words;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two consoles on one Redis: one acts, the other only watches (its live feed and the shared audit stream). When the
 * backend reverts the first one's change, the watching console reports it too — the person who pressed the button
 * may have closed their window.
 */
class OtherConsoleRevertTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void theWatchingConsoleReportsTheBackendRevertingTheActingConsolesChange() throws Exception {
        String id = NewSessionDocuments.newSessionId("welno");
        ObjectNode doc = (ObjectNode) mapper.readTree(Fixtures.live("03_auth_request_sent.json"));
        doc.put("session_id", id);
        FlowTestSupport.put(REDIS, id, doc);

        RecordingListener acting = new RecordingListener();
        RecordingListener watching = new RecordingListener();
        ExecutorService pool = Executors.newCachedThreadPool();
        try (RedisSessionStore storeA = FlowTestSupport.store(REDIS);
             RedisSessionStore storeB = FlowTestSupport.store(REDIS);
             RevertWatch watchA = new RevertWatch(storeA, Duration.ofMillis(50));
             RevertWatch watchB = new RevertWatch(storeB, Duration.ofMillis(50));
             FlowService actor = FlowTestSupport.service(storeA, null, watchA, pool, FlowOptions.defaults());
             FlowService watcher = FlowTestSupport.service(storeB, null, watchB, pool, FlowOptions.defaults());
             RedisSessionFeed feed = new RedisSessionFeed(REDIS.settings(), FlowTestSupport.CODEC,
                     FeedOptions.defaults().withMayEnableNotifications(true));
             AuditTail tail = AuditTail.start(storeB.client(), RedisAuditLog.DEFAULT_KEY,
                     watcher.otherConsoles()::onAudit)) {
            actor.addListener(acting);
            watcher.addListener(watching);
            AtomicReference<FeedMode> mode = new AtomicReference<>();
            // the watcher's revert spotter follows the feed on its own, as in the console's services
            feed.subscribe(FeedListener.ofSessions(watcher.otherConsoles()::onKeyChanged,
                    watcher.otherConsoles()::onKeyRemoved));
            feed.start(new FeedListener() {
                @Override
                public void onBatch(FeedBatch batch) {
                }

                @Override
                public void onModeChanged(FeedMode now, Phrase detail) {
                    mode.set(now);
                }
            });
            Await.until("the watcher's feed to be live", Duration.ofSeconds(10), () -> mode.get() == FeedMode.LIVE);

            BackendStyleWriter backend = new BackendStyleWriter(REDIS.client());
            ObjectNode stale = backend.read(id);
            ActionResult result = actor.perform(DEVELOPER, ActionRequest.of(ActionKind.MANUAL_COMPLETE, id,
                    "user approved").withHold(Duration.ofSeconds(20)));
            assertTrue(result.applied(), Words.en(result.message()));
            // The watcher learns of the action from the audit stream and from its message in the feed.
            backend.write(id, stale);

            RevertDetected seenThere = watching.awaitRevert(id, Duration.ofSeconds(15));
            assertFalse(seenThere.ours(), "another console's action");
            assertEquals(result.actionId(), seenThere.actionId());
            assertEquals(ActionKind.MANUAL_COMPLETE, seenThere.action(), "named from the audit stream");
            assertEquals("lee", seenThere.operator());
            assertTrue(Words.en(seenThere.lost()).contains("#" + result.actionId()), Words.en(seenThere.lost()));

            RevertDetected seenHere = acting.awaitRevert(id, Duration.ofSeconds(15));
            assertTrue(seenHere.ours());
            assertEquals(1, watching.reverts.size(), "reported once by the watcher");
        } finally {
            pool.shutdownNow();
        }
    }
}
