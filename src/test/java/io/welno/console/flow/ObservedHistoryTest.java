package io.welno.console.flow;

import static io.welno.console.flow.FlowTestSupport.DEVELOPER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.live.FeedBatch;
import io.welno.console.live.FeedListener;
import io.welno.console.live.FeedMode;
import io.welno.console.live.FeedOptions;
import io.welno.console.live.RedisSessionFeed;
import io.welno.console.session.NewSessionDocuments;
import io.welno.console.store.RedisSessionStore;
import io.welno.console.testing.Await;
import io.welno.console.testing.Fixtures;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.testing.Words;
import io.welno.console.view.FieldDiff;
import io.welno.console.view.HistoryVersion;
import io.welno.console.view.SessionHistory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The history of one session written five times by the backend's way (GET → change → SETEX, no console mark) and
 * once by a console action: six versions, each with what it changed, the backend's five and the action's one.
 */
class ObservedHistoryTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @Test
    void fiveBackendWritesAndOneActionAreSixVersionsWithTheirAuthorsAndDiffs() throws Exception {
        String id = NewSessionDocuments.newSessionId("welno");
        ObjectNode doc = (ObjectNode) new ObjectMapper().readTree(Fixtures.live("03_auth_request_sent.json"));
        doc.put("session_id", id);
        FlowTestSupport.put(REDIS, id, doc);

        SessionHistory history = new SessionHistory(FlowTestSupport.CODEC, Runnable::run, Clock.systemUTC(),
                SessionHistory.Bounds.DEFAULT);
        try (RedisSessionStore store = FlowTestSupport.store(REDIS);
             FlowService flow = FlowTestSupport.service(store, null, null, new DirectExecutor(), FlowOptions.defaults());
             RedisSessionFeed feed = new RedisSessionFeed(REDIS.settings(), FlowTestSupport.CODEC,
                     FeedOptions.defaults().withMayEnableNotifications(true))) {
            flow.addListener(new FlowListener() {
                @Override
                public void onSessionWritten(SessionWritten written) {
                    history.onWritten(written);
                }
            });
            AtomicReference<FeedMode> mode = new AtomicReference<>();
            feed.start(new FeedListener() {
                @Override
                public void onBatch(FeedBatch batch) {
                    history.onBatch(batch);
                }

                @Override
                public void onModeChanged(FeedMode now, io.welno.console.text.Phrase detail) {
                    mode.set(now);
                }
            });
            Await.until("the feed to be live and the session seen", Duration.ofSeconds(20),
                    () -> mode.get() == FeedMode.LIVE && history.origin(id).isPresent());

            BackendStyleWriter backend = new BackendStyleWriter(REDIS.client());
            for (int i = 1; i <= 5; i++) {
                int poll = i;
                backend.update(id, d -> d.put("poll_count", poll));
                // Each write waits to be seen: the feed coalesces writes that come faster than it reads.
                Await.until("version " + i, Duration.ofSeconds(20), () -> history.versions(id).size() == poll);
            }
            ActionResult result = flow.perform(DEVELOPER, ActionRequest.of(ActionKind.MANUAL_COMPLETE, id,
                    "user approved on the phone"));
            assertTrue(result.applied(), Words.en(result.message()));
            Await.until("the action's version", Duration.ofSeconds(20), () -> history.versions(id).size() == 6);
            // The feed brings the action's write too; it is the same version, not a seventh.
            backend.update(id, d -> d.put("poll_count", 6));
            Await.until("the backend's next write", Duration.ofSeconds(20), () -> history.versions(id).size() == 7);

            List<HistoryVersion> versions = history.versions(id);
            assertEquals(HistoryVersion.Author.Type.BACKEND, versions.get(0).author().type());
            HistoryVersion action = versions.get(1);
            assertEquals(HistoryVersion.Author.Type.THIS_CONSOLE, action.author().type(), action.toString());
            assertEquals(result.actionId(), action.author().actionId());
            assertEquals(ActionKind.MANUAL_COMPLETE, action.author().action());
            assertEquals("auth_completed", field(action, "status").now().replace("\"", ""));
            assertTrue(action.fields().stream().anyMatch(f -> f.field().startsWith("messages.") && f.was() == null
                    && f.now().contains("#" + result.actionId())), action.fields().toString());
            for (int i = 2; i <= 6; i++) {
                HistoryVersion written = versions.get(i);
                int poll = 7 - i;
                assertEquals(HistoryVersion.Author.Type.BACKEND, written.author().type(), written.toString());
                FieldDiff.Field pollCount = field(written, "poll_count");
                assertEquals(String.valueOf(poll), pollCount.now());
                assertEquals(poll == 1 ? null : String.valueOf(poll - 1), pollCount.was());
            }
            assertTrue(versions.get(2).at().compareTo(versions.get(6).at()) >= 0, "newest first");
            // The person's name in the action's message is masked like everywhere else.
            assertFalse(action.fields().toString().contains("박서준"), action.fields().toString());
        }
    }

    private static FieldDiff.Field field(HistoryVersion version, String name) {
        return version.fields().stream().filter(f -> f.field().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + version.fields()));
    }
}
