package io.welno.console.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.session.NewSessionDocuments;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.Timestamps;
import io.welno.console.store.FileCopy;
import io.welno.console.store.FileSessionStore;
import io.welno.console.store.RedisSessionStore;
import io.welno.console.store.RetryPolicy;
import io.welno.console.store.StoredSession;
import io.welno.console.testing.Await;
import io.welno.console.testing.Fixtures;
import io.welno.console.testing.RecordingListener;
import io.welno.console.testing.RedisServerExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.params.SetParams;

/**
 * The feed with the backend's fallback folder beside it: a session only in its file is delivered as a session of its
 * own and leaves when its file goes; Redis's copy replaces it when Redis gets the key; every session with a file has
 * a place that follows both copies.
 */
class FileFallbackFeedTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final Timestamps TIMESTAMPS = Timestamps.system();
    private static final SessionCodec CODEC = new SessionCodec(TIMESTAMPS.zone());

    @TempDir
    Path dir;

    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, FileCopy> places = new HashMap<>();

    private ObjectNode doc(String fixture, String id) throws Exception {
        ObjectNode doc = (ObjectNode) mapper.readTree(Fixtures.live(fixture));
        doc.put("session_id", id);
        doc.put("expires_at", TIMESTAMPS.nowPlusSeconds(600));
        return doc;
    }

    private void redis(String id, ObjectNode doc) {
        REDIS.client().set("tilko_session:" + id, CODEC.write(doc), SetParams.setParams().ex(1800));
    }

    private void file(String id, ObjectNode doc) throws Exception {
        Files.writeString(dir.resolve(id + ".json"), CODEC.write(doc), StandardCharsets.UTF_8);
    }

    private synchronized void told(List<FileFallbackFeed.Place> changed) {
        changed.forEach(p -> places.put(p.id(), p.copy()));
        notifyAll();
    }

    private synchronized FileCopy place(String id) {
        return places.get(id);
    }

    private void awaitPlace(String id, FileCopy.Where where) {
        Await.until(id + " is " + where, Await.EVENTUALLY, () -> place(id) != null && place(id).where() == where);
    }

    @Test
    void fileOnlySessionsComeAndGoAndPlacesFollowBothCopies() throws Exception {
        String fileOnly = NewSessionDocuments.newSessionId("welno");
        String diverged = NewSessionDocuments.newSessionId("welno");
        String equal = NewSessionDocuments.newSessionId("welno");
        ObjectNode waiting = doc("03_auth_request_sent.json", fileOnly);
        file(fileOnly, waiting);
        ObjectNode completed = doc("04_auth_completed.json", diverged);
        redis(diverged, completed);
        ObjectNode older = completed.deepCopy();
        older.put("status", "auth_request_sent");
        file(diverged, older);
        ObjectNode same = doc("01_initiated.json", equal);
        redis(equal, same);
        file(equal, same);

        RecordingListener listener = new RecordingListener();
        try (RedisSessionStore redis = RedisSessionStore.open(REDIS.settings(), CODEC, TIMESTAMPS);
             FileFallbackFeed feed = new FileFallbackFeed(new RedisSessionFeed(REDIS.settings(), CODEC,
                     FeedOptions.defaults().withMayEnableNotifications(true)), redis,
                     new FileSessionStore(dir, CODEC, TIMESTAMPS, RetryPolicy.DEFAULT), Duration.ofMillis(100))) {
            feed.subscribe(new FeedListener() { // a second listener, on its own: told the places after their rows
                @Override
                public void onBatch(FeedBatch batch) {
                }

                @Override
                public void onPlaces(List<FileFallbackFeed.Place> places) {
                    told(places);
                }
            });
            feed.start(listener);

            listener.await("the file-only session is delivered from its file", () -> listener.has(fileOnly));
            assertEquals("auth_request_sent", listener.status(fileOnly));
            assertEquals(StoredSession.UNKNOWN_TTL, listener.session(fileOnly).ttlMillis(), "read from the file");
            awaitPlace(fileOnly, FileCopy.Where.FILE_ONLY);
            awaitPlace(diverged, FileCopy.Where.DIVERGED);
            assertEquals(List.of("status"), place(diverged).differing());
            assertTrue(feed.fileCopy(diverged).orElseThrow().parsed() instanceof io.welno.console.session.SessionDocument d
                    && "auth_request_sent".equals(d.status().wire()), "the file's copy, for the diff");
            awaitPlace(equal, FileCopy.Where.BOTH_EQUAL);
            listener.await("Redis's copy of the diverged session is the one delivered",
                    () -> "auth_completed".equals(listener.status(diverged)));

            redis(fileOnly, waiting); // Redis answers again and the backend writes the key
            listener.await("Redis's copy replaces the file's",
                    () -> listener.has(fileOnly) && listener.session(fileOnly).ttlMillis() > 0);
            awaitPlace(fileOnly, FileCopy.Where.BOTH_EQUAL);

            redis(diverged, older); // the backend's later write: both copies the same again
            awaitPlace(diverged, FileCopy.Where.BOTH_EQUAL);

            REDIS.client().del("tilko_session:" + equal); // gone from Redis, still in the file
            listener.await("the session lives on in its file", () -> listener.has(equal)
                    && listener.session(equal).ttlMillis() == StoredSession.UNKNOWN_TTL);
            awaitPlace(equal, FileCopy.Where.FILE_ONLY);

            Files.delete(dir.resolve(equal + ".json"));
            listener.await("a file-only session leaves with its file", () -> !listener.has(equal));
            Files.delete(dir.resolve(fileOnly + ".json"));
            awaitPlace(fileOnly, FileCopy.Where.REDIS_ONLY);
            assertTrue(listener.has(fileOnly), "still in Redis");
            assertEquals(FileCopy.Where.BOTH_EQUAL, feed.places().get(diverged).where());
        }
    }
}
