package io.welno.console.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.live.ChangeKind;
import io.welno.console.session.BackendRules;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionStatus;
import io.welno.console.store.StoredSession;
import io.welno.console.text.Phrase;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A row keeps Redis's own bytes (not a re-serialised tree), shows what its cells need from them, gives the document
 * back from them on demand, and keeps only the reason and a preview of an unreadable value.
 */
class SessionRowTest {

    private static final SessionCodec CODEC = new SessionCodec();

    /** Odd spacing, key order and number forms that a tree written out again would not keep. */
    private static final String STORED = "{\"session_id\":\"welno_a\",   \"status\": \"auth_request_sent\",\n"
            + "\"n\": 1.10, \"big\": 1e400, \"user_info\": {\"name\": \"김하늘\", \"phone_no\": \"010-1234-5678\"},\n"
            + "\"updated_at\": \"2026-11-25T14:03:27.123456\", \"messages\": [{\"timestamp\": \"2026-11-25T14:03:27.123456\","
            + " \"type\": \"info\", \"message\": \"카카오톡 앱에서 인증을 진행해주세요.\"}]}";

    private static StoredSession stored(String id, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new StoredSession(CODEC.parse(id, bytes), 60_000, bytes);
    }

    @Test
    void aRowKeepsTheStoredBytesAndGivesTheDocumentBackFromThem() {
        StoredSession stored = stored("welno_a", STORED);
        SessionRow row = SessionRow.of(stored);
        assertSame(stored.value(), row.bytes(), "the bytes Redis sent, not a copy written from a tree");
        assertArrayEquals(STORED.getBytes(StandardCharsets.UTF_8), row.bytes());
        assertEquals(stored.rawBytes(), row.rawBytes());
        assertEquals(SessionStatus.of("auth_request_sent"), row.status());
        assertEquals("김*늘", row.maskedName());
        assertEquals("카카오톡 앱에서 인증을 진행해주세요.", row.lastMessage());
        assertEquals(2, row.progressSteps());
        // the bytes keep the stored text; the tree holds the number the backend's json.loads reads (the float 1.1)
        assertEquals("1.1", row.document().tree().get("n").toString(), "numbers as the backend reads them");
        assertEquals("김하늘", row.document().userInfo().name());
        assertTrue(SessionRow.search("5678").test(row), "searchable by the last phone digits");

        SessionRow ended = row.ended(ChangeKind.EXPIRED, LocalDateTime.of(2026, 11, 25, 15, 0));
        assertSame(row.bytes(), ended.bytes());
        assertEquals(ChangeKind.EXPIRED, ended.endedKind());
        assertEquals(row.maskedName(), ended.maskedName());
        assertFalse(row.isEnded());
    }

    /**
     * Past expiry exactly where the backend's {@code datetime.now() > expires_at} is, and where the actions' guards
     * say it ({@code BackendRules.expiredFor}): the row counted by the second and was still "live" for up to a second
     * after the backend would delete it; an offset expiry, which the backend treats as missing and never deletes,
     * counts as not past.
     */
    @Test
    void pastExpiryIsTheBackendsComparisonToTheMicrosecond() {
        String doc = "{\"session_id\":\"welno_c\",\"status\":\"auth_request_sent\",\"partner_id\":\"welno\","
                + "\"expires_at\":\"%s\"}";
        SessionRow row = SessionRow.of(stored("welno_c", doc.formatted("2026-11-25T14:05:00.500000")));
        SessionDocument parsed = row.document();
        LocalDateTime expiry = LocalDateTime.of(2026, 11, 25, 14, 5, 0, 500_000_000);
        for (LocalDateTime now : List.of(expiry.minusNanos(1_000), expiry, expiry.plusNanos(1_000),
                expiry.plusNanos(200_000_000), expiry.plusSeconds(1))) {
            assertEquals(BackendRules.expiredFor(parsed, now).isPresent(), row.pastBackendExpiry(now), now.toString());
        }
        assertFalse(row.pastBackendExpiry(expiry), "not past while equal: the backend compares with >");
        assertTrue(row.pastBackendExpiry(expiry.plusNanos(200_000_000)), "past within the same second");

        SessionRow offset = SessionRow.of(stored("welno_c", doc.formatted("2026-11-25T14:05:00+09:00")));
        assertFalse(offset.pastBackendExpiry(expiry.plusDays(1)), "an offset expiry is never the backend's to delete");
        assertTrue(BackendRules.expiredFor(offset.document(), expiry.plusDays(1)).isEmpty());
    }

    @Test
    void anUnreadableRowKeepsItsReasonAndAPreviewOnly() {
        String broken = "{\"status\": \"initiated\", \"x\": \"" + "가".repeat(5_000);
        SessionRow row = SessionRow.of(stored("welno_b", broken));
        assertFalse(row.readable());
        assertNull(row.bytes());
        assertNull(row.document());
        assertEquals("unreadable.truncated", row.unreadableReason().key());
        assertEquals(2_000, row.unreadable().preview().length());
        assertEquals(broken.getBytes(StandardCharsets.UTF_8).length, row.rawBytes());
        assertEquals(Phrase.of("unreadable.truncated", broken.length()), row.unreadableReason());
    }

    /** The table's short id is cut between what is drawn, never inside an emoji or a letter and its accent. */
    @Test
    void aShortIdIsCutBetweenGraphemeClusters() {
        assertEquals("welno_abcdef12", SessionRow.shortId("welno_abcdef123456"));
        assertEquals("welno_abcdefg", SessionRow.shortId("welno_abcdefg🙂xyz"), "not half of the emoji");
        assertEquals("welno_abcdefg", SessionRow.shortId("welno_abcdefge\u0301"), "not the e without its accent");
    }
}
