package io.welno.console.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.live.ChangeKind;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.SessionStatus;
import io.welno.console.store.StoredSession;
import io.welno.console.text.Phrase;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
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
        assertEquals("1.10", row.document().tree().get("n").toString(), "numbers exactly as stored");
        assertEquals("김하늘", row.document().userInfo().name());
        assertTrue(SessionRow.search("5678").test(row), "searchable by the last phone digits");

        SessionRow ended = row.ended(ChangeKind.EXPIRED, LocalDateTime.of(2026, 11, 25, 15, 0));
        assertSame(row.bytes(), ended.bytes());
        assertEquals(ChangeKind.EXPIRED, ended.endedKind());
        assertEquals(row.maskedName(), ended.maskedName());
        assertFalse(row.isEnded());
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
}
