package io.welno.console.fault;

import io.welno.console.testing.Await;
import io.welno.console.testing.CliRun;
import io.welno.console.testing.RecordingListener;
import static io.welno.console.fault.FlowRig.DEVELOPER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.demo.EmbeddedRedis;
import io.welno.console.flow.ActionKind;
import io.welno.console.flow.ActionRequest;
import io.welno.console.flow.ActionResult;
import io.welno.console.live.FeedOptions;
import io.welno.console.live.RedisSessionFeed;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.UnreadableSession;
import io.welno.console.store.Precondition;
import io.welno.console.store.RedisConnectionSettings;
import io.welno.console.store.StoredSession;
import io.welno.console.store.UpdateResult;
import io.welno.console.text.Phrase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;
import redis.clients.jedis.Jedis;

/**
 * Values no backend writes, under the session prefix: a 10 MB document, 10 MB of broken JSON, bytes that are not
 * UTF-8, JSON nested 100,000 deep, and a hash. Through the store, the live feed, the CLI and the flow service: each
 * is listed (summarized or unreadable with the reason), nothing throws, unreadable ones keep only a bounded preview,
 * and nothing is ever written back — the stored bytes stay exactly as they were.
 */
@Timeout(300)
class HostileValueTest {

    private static final int MB10 = 10 * 1024 * 1024;
    private static EmbeddedRedis redis;
    private static final Map<String, byte[]> STORED = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        redis = EmbeddedRedis.start(List.of("proto-max-bulk-len 64mb"));
        String big = "가".repeat(MB10 / 3);
        STORED.put("huge", utf8("{\n  \"session_id\": \"huge\",\n  \"status\": \"completed\",\n  \"expires_at\": "
                + "\"2026-11-25T14:00:00.000000\",\n  \"messages\": [],\n  \"health_data\": {\"blob\": \"" + big
                + "\"}\n}"));
        STORED.put("hugebroken", utf8("{\"session_id\": \"hugebroken\", \"status\": \"initiated\", \"x\": \"" + big));
        byte[] badUtf8 = utf8("{\"session_id\": \"badutf8\", \"status\": \"initiated\", \"expires_at\": "
                + "\"2026-11-25T14:00:00.000000\", \"messages\": [], \"user_info\": {\"name\": \"@@\"}}");
        int at = new String(badUtf8, StandardCharsets.ISO_8859_1).indexOf("@@");
        badUtf8[at] = (byte) 0xC3; // a lead byte followed by '@' is not UTF-8
        badUtf8[at + 1] = (byte) 0xFF;
        STORED.put("badutf8", badUtf8);
        STORED.put("deep", utf8("{\"session_id\": \"deep\", \"status\": \"initiated\", \"x\": "
                + "[".repeat(100_000) + "]".repeat(100_000) + "}"));
        try (Jedis admin = admin()) {
            STORED.forEach((id, value) -> admin.set(key(id), value));
            admin.hset("tilko_session:hash", "status", "initiated");
            admin.set("tilko_session:ok", "{\"session_id\": \"ok\", \"status\": \"initiated\", \"expires_at\": "
                    + "\"2026-11-25T14:00:00.000000\", \"messages\": []}");
        }
    }

    @AfterAll
    static void stop() {
        redis.close();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] key(String id) {
        return utf8("tilko_session:" + id);
    }

    private static Jedis admin() {
        return new Jedis("127.0.0.1", redis.port(), 10_000);
    }

    private static RedisConnectionSettings settings() {
        return RedisConnectionSettings.parse(redis.url());
    }

    private static void assertUntouched() {
        try (Jedis admin = admin()) {
            STORED.forEach((id, value) -> assertArrayEquals(value, admin.get(key(id)), id + " was written"));
            assertEquals("hash", admin.type("tilko_session:hash"));
            assertEquals(Map.of("status", "initiated"), admin.hgetAll("tilko_session:hash"));
        }
    }

    /** Every value is accounted for: the big document summarized, the others unreadable with a bounded preview. */
    private static void assertListed(Map<String, StoredSession> seen) {
        assertEquals(java.util.Set.of("huge", "hugebroken", "badutf8", "deep", "hash", "ok"), seen.keySet());
        assertInstanceOf(SessionDocument.class, seen.get("ok").parsed());
        SessionDocument huge = assertInstanceOf(SessionDocument.class, seen.get("huge").parsed());
        assertEquals("completed", huge.status().wire());
        assertTrue(seen.get("huge").rawBytes() > MB10 - 1000, "its size is known: " + seen.get("huge").rawBytes());
        for (String id : List.of("hugebroken", "badutf8", "deep", "hash")) {
            UnreadableSession unreadable = assertInstanceOf(UnreadableSession.class, seen.get(id).parsed(), id);
            assertTrue(unreadable.preview().length() <= 2_000, id + " keeps only a preview");
            assertTrue(unreadable.reason().key().startsWith("unreadable."), id);
        }
        assertEquals(Phrase.of("unreadable.utf8"), ((UnreadableSession) seen.get("badutf8").parsed()).reason());
        assertEquals(Phrase.of("unreadable.notString", Phrase.of("redis.type.hash")), ((UnreadableSession) seen.get("hash").parsed()).reason());
        assertEquals(Phrase.of("unreadable.tooDeep", 1000), ((UnreadableSession) seen.get("deep").parsed()).reason());
        assertEquals("unreadable.truncated", ((UnreadableSession) seen.get("hugebroken").parsed()).reason().key());
    }

    @Test
    void theStoreListsEveryValueAndRefusesToUpdateTheUnreadableOnes() throws Exception {
        try (FlowRig rig = new FlowRig(settings(), Await.EVENTUALLY, Duration.ofSeconds(1))) {
            Map<String, StoredSession> seen = new HashMap<>();
            rig.store.scan(batch -> batch.forEach(s -> seen.put(s.id(), s)));
            assertListed(seen);
            for (String id : List.of("hugebroken", "badutf8", "deep", "hash")) {
                UpdateResult result = rig.store.update(id, Precondition.none(), (current, edit) -> edit.touch());
                assertInstanceOf(UpdateResult.Unreadable.class, result, id + ": " + result.describe());
            }
            assertUntouched();
        }
    }

    @Test
    void theLiveFeedDeliversEveryValueWithoutFailing() {
        RecordingListener recorder = new RecordingListener();
        try (RedisSessionFeed feed = new RedisSessionFeed(settings(), new SessionCodec(), FeedOptions.defaults())) {
            feed.start(recorder);
            recorder.await("the snapshot", Await.EVENTUALLY, () -> recorder.snapshotsCompleted() >= 1);
            Map<String, StoredSession> seen = new HashMap<>();
            for (String id : List.of("huge", "hugebroken", "badutf8", "deep", "hash", "ok")) {
                seen.put(id, recorder.session(id));
            }
            assertListed(seen);
        }
    }

    @Test
    void everyActionOnAnUnreadableValueIsRefusedAndNothingIsWritten() throws Exception {
        try (FlowRig rig = new FlowRig(settings(), Await.EVENTUALLY, Duration.ofSeconds(1))) {
            for (String id : List.of("hugebroken", "badutf8", "deep", "hash")) {
                for (ActionKind kind : ActionKind.values()) {
                    // A developer overriding every guard: still refused, because the value is not a session.
                    ActionResult result = rig.flow.perform(DEVELOPER,
                            ActionRequest.of(kind, id, "fault suite").withOverride());
                    assertTrue(result.outcome() == ActionResult.Outcome.REFUSED, id + " " + kind + ": "
                            + result.outcome() + " " + result.message());
                }
                assertTrue(rig.flow.preview(DEVELOPER, ActionRequest.of(ActionKind.RESET_STUCK, id, "x")).refusal()
                        != null, id);
            }
            assertUntouched();
        }
    }

    @Test
    void theCliListsAndShowsEveryValueWithoutFailing() {
        CliRun list = CliRun.of("list", "--redis", redis.url());
        assertEquals(0, list.exit(), list.err());
        String listing = list.out();
        assertTrue(listing.contains("6 session(s)"), listing);
        for (String id : List.of("hugebroken", "badutf8", "deep", "hash")) {
            assertTrue(listing.lines().anyMatch(l -> l.startsWith(id + " ") && l.contains("UNREADABLE")), listing);
        }
        assertTrue(listing.length() < 10_000, "the listing summarizes the 10 MB values: " + listing.length());
        for (String id : List.of("huge", "hugebroken", "badutf8", "deep", "hash")) {
            CliRun show = CliRun.of("show", id, "--redis", redis.url());
            assertEquals(id.equals("huge") ? 0 : 1, show.exit(), id + ": " + show.err());
            assertTrue(show.out().length() < 10_000, id + " is summarized, not printed whole");
        }
        assertUntouched();
    }
}
