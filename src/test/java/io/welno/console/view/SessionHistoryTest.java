package io.welno.console.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.flow.ActionKind;
import io.welno.console.flow.AuditRecord;
import io.welno.console.flow.Role;
import io.welno.console.live.ChangeKind;
import io.welno.console.live.FeedBatch;
import io.welno.console.live.SessionChange;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.Timestamps;
import io.welno.console.store.StoredSession;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The history's bounds, its authors from marks and the audit stream, and its masking, without Redis. */
class SessionHistoryTest {

    private static final SessionCodec CODEC = new SessionCodec(Timestamps.DEFAULT_ZONE);

    private final SessionHistory history = new SessionHistory(CODEC, Runnable::run, Clock.systemUTC(),
            new SessionHistory.Bounds(20, 50, 30, 1L << 30));

    @Test
    void aSessionKeepsItsNewestTwentyOfAHundredVersions() {
        for (int i = 0; i <= 100; i++) {
            history.onBatch(batch(ChangeKind.UPDATED, "s1", doc("s1", "initiated", i)));
        }
        List<HistoryVersion> versions = history.versions("s1");
        assertEquals(20, versions.size());
        assertEquals("100", versions.get(0).fields().get(0).now(), "the newest first");
        assertEquals("81", versions.get(19).fields().get(0).now(), "the oldest kept");
        assertTrue(history.origin("s1").isPresent(), "the first sight is kept as the origin");
    }

    @Test
    void allSessionsTogetherKeepTheTotalBoundOldestFirst() {
        for (int i = 0; i <= 10; i++) {
            for (String id : List.of("a", "b", "c", "d", "e", "f", "g")) {
                history.onBatch(batch(ChangeKind.UPDATED, id, doc(id, "initiated", i)));
            }
        }
        int kept = 0;
        for (String id : List.of("a", "b", "c", "d", "e", "f", "g")) {
            kept += history.versions(id).size();
            assertEquals("10", history.versions(id).get(0).fields().get(0).now(), "the newest stays");
        }
        assertTrue(kept <= 50, "kept " + kept);
        assertTrue(history.size() <= 50);
        assertEquals(50, kept, "exactly the bound once it is reached");
    }

    @Test
    void longFieldsPushOutOldVersionsWithinTheByteBudget() {
        SessionHistory small = new SessionHistory(CODEC, Runnable::run, Clock.systemUTC(),
                new SessionHistory.Bounds(20, 1_000, 30, 20_000));
        for (int i = 0; i <= 40; i++) {
            ObjectNode doc = doc("s" + (i % 4), "initiated", i);
            doc.put("note", "x".repeat(500) + i);
            small.onBatch(batch(ChangeKind.UPDATED, "s" + (i % 4), doc));
        }
        assertTrue(small.keptBytes() <= 20_000, "kept " + small.keptBytes());
        assertTrue(small.size() > 0 && small.size() < 37, "kept " + small.size());
        assertEquals("40", small.versions("s0").get(0).fields().get(0).now(), "the newest stays");
    }

    @Test
    void aVersionWithAnotherConsolesMarkIsThatConsolesActionNamedFromTheAudit() {
        history.onBatch(batch(ChangeKind.ADDED, "s1", doc("s1", "auth_request_sent", 0)));
        history.onAudit(new AuditRecord(Instant.now(), "0badcafe", AuditRecord.ATTEMPT, "park", Role.DEVELOPER,
                ActionKind.MANUAL_COMPLETE.wire(), "s1", "customer called", false, "auth_request_sent",
                "auth_completed", "APPLIED", null, null));
        ObjectNode marked = doc("s1", "auth_completed", 0);
        marked.withArray("messages").addObject().put("timestamp", "2026-11-20T14:05:00").put("type", "info")
                .put("message", "김하늘님 인증 완료 처리 [콘솔 park · 사유: customer called · #0badcafe]");
        history.onBatch(batch(ChangeKind.UPDATED, "s1", marked));
        history.onBatch(batch(ChangeKind.EXPIRED, "s1", null));

        List<HistoryVersion> versions = history.versions("s1");
        assertEquals(2, versions.size());
        assertEquals(HistoryVersion.Kind.EXPIRED, versions.get(0).kind());
        HistoryVersion.Author author = versions.get(1).author();
        assertEquals(HistoryVersion.Author.Type.OTHER_CONSOLE, author.type());
        assertEquals("0badcafe", author.actionId());
        assertEquals("park", author.operator());
        assertEquals(ActionKind.MANUAL_COMPLETE, author.action());
        String fields = versions.get(1).fields().toString();
        assertTrue(fields.contains("messages.0"), "the new message is its own field: " + fields);
        assertFalse(fields.contains("김하늘"), "the person's name is masked: " + fields);
        assertTrue(Wording.cli().render(author.phrase()).contains("#0badcafe"), Wording.cli().render(author.phrase()));
    }

    @Test
    void aRenamedPersonsOldValuesAreMaskedForTheOldPersonAndTheNewForTheNew() {
        ObjectNode first = doc("s1", "auth_completed", 0);
        first.withArray("messages").addObject().put("type", "info").put("message", "김하늘님 인증 요청");
        history.onBatch(batch(ChangeKind.ADDED, "s1", first));
        ObjectNode renamed = first.deepCopy();
        ((ObjectNode) renamed.get("user_info")).put("name", "이바다");
        ((ObjectNode) renamed.withArray("messages").get(0)).put("message", "이바다님 인증 요청");
        history.onBatch(batch(ChangeKind.UPDATED, "s1", renamed));
        ObjectNode counted = renamed.deepCopy().put("counter", 1);
        counted.withArray("messages").addObject().put("type", "info").put("message", "이바다님 수집 시작");
        history.onBatch(batch(ChangeKind.UPDATED, "s1", counted));

        List<HistoryVersion> versions = history.versions("s1");
        assertEquals(2, versions.size());
        String renaming = versions.get(1).fields().toString();
        assertTrue(renaming.contains("user_info.name") && renaming.contains("messages"), renaming);
        assertFalse(renaming.contains("김하늘") || renaming.contains("이바다"), "both names are masked: " + renaming);
        String appended = versions.get(0).fields().toString();
        assertTrue(appended.contains("messages.1") && appended.contains("counter"), appended);
        assertFalse(appended.contains("이바다"), "the unchanged person masks the new message: " + appended);
    }

    @Test
    void anUnchangedResyncIsNoVersion() {
        history.onBatch(batch(ChangeKind.ADDED, "s1", doc("s1", "initiated", 1)));
        history.onBatch(batch(ChangeKind.UPDATED, "s1", doc("s1", "initiated", 1)));
        assertEquals(List.of(), history.versions("s1"));
    }

    @Test
    void whatAPassFoundIsAVersionFoundThenAndAnEndItFoundIsGoneNotAGuessedKind() {
        history.onBatch(batch(ChangeKind.ADDED, "s1", doc("s1", "auth_request_sent", 0)));
        history.onBatch(found(ChangeKind.UPDATED, "s1", doc("s1", "auth_completed", 0)));
        history.onBatch(found(ChangeKind.EXPIRED, "s1", null)); // the feed's guess: its TTL had run out
        history.onBatch(batch(ChangeKind.ADDED, "s2", doc("s2", "initiated", 0)));
        history.onBatch(batch(ChangeKind.UPDATED, "s2", doc("s2", "auth_requesting", 0)));
        history.onBatch(batch(ChangeKind.REMOVED, "s2", null));

        List<HistoryVersion> versions = history.versions("s1");
        assertEquals(HistoryVersion.Kind.GONE, versions.get(0).kind());
        assertEquals(HistoryVersion.Author.Type.UNKNOWN, versions.get(0).author().type());
        assertTrue(versions.get(0).found() && versions.get(1).found());
        assertEquals(HistoryVersion.Kind.CHANGED, versions.get(1).kind());
        java.time.ZoneId zone = java.time.ZoneId.of("Asia/Seoul");
        java.time.LocalDateTime now = java.time.LocalDateTime.now(zone);
        Wording words = Wording.cli();
        assertTrue(HistoryLines.heading(versions.get(0), words, zone, now)
                .endsWith(" · Gone, found missing when the console read every session again"),
                HistoryLines.heading(versions.get(0), words, zone, now));
        assertTrue(HistoryLines.heading(versions.get(1), words, zone, now).contains(
                " · found when the console read every session again (it changed earlier) · Backend · "),
                HistoryLines.heading(versions.get(1), words, zone, now));

        List<HistoryVersion> told = history.versions("s2");
        assertEquals(HistoryVersion.Kind.REMOVED, told.get(0).kind(), "an end told as it happened keeps its kind");
        assertFalse(told.get(0).found() || told.get(1).found());
        assertFalse(HistoryLines.heading(told.get(1), words, zone, now).contains("found"));
    }

    static ObjectNode doc(String id, String status, int counter) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("session_id", id).put("status", status).put("counter", counter);
        doc.putObject("user_info").put("name", "김하늘").put("phone_no", "01012345678").put("birthdate", "19900101");
        doc.putArray("messages");
        return doc;
    }

    /** The change as a pass reading every session again brings it. */
    static FeedBatch found(ChangeKind kind, String id, ObjectNode doc) {
        SessionChange change = batch(kind, id, doc).changes().get(0);
        return new FeedBatch(List.of(new SessionChange(kind, id, change.session(), true)), true, false);
    }

    static FeedBatch batch(ChangeKind kind, String id, ObjectNode doc) {
        if (doc == null) {
            return new FeedBatch(List.of(new SessionChange(kind, id, null)), false, false);
        }
        byte[] bytes = CODEC.write(doc).getBytes(StandardCharsets.UTF_8);
        return new FeedBatch(List.of(new SessionChange(kind, id,
                new StoredSession(CODEC.parse(id, bytes), 1_000_000, bytes))), false, false);
    }
}
