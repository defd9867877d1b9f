package io.welno.console.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.testing.Fixtures;
import io.welno.console.text.Masking;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SessionEditorTest {

    private final SessionCodec codec = new SessionCodec();
    // 2026-11-20 05:00:00.5 UTC = 14:00:00.5 in Seoul.
    private final Timestamps timestamps = new Timestamps(
            Clock.fixed(Instant.parse("2026-11-20T05:00:00.500Z"), ZoneOffset.UTC), Timestamps.DEFAULT_ZONE);

    @Test
    void timestampsAreNaiveLocalWithMicrosecondsLikePython() {
        assertEquals("2026-11-20T14:00:00.500000", timestamps.now());
        assertEquals("2026-11-20T14:05:00.500000", timestamps.nowPlusSeconds(300));
        assertEquals("2026-01-06T10:00:00", Timestamps.format(LocalDateTime.of(2026, 1, 6, 10, 0)));
        assertEquals("2026-01-06T10:00:00.123456",
                Timestamps.format(LocalDateTime.of(2026, 1, 6, 10, 0, 0, 123_456_789)));
    }

    @Test
    void editsFollowTheBackendConventionsAndKeepEverythingElse() {
        SessionDocument before = (SessionDocument) codec.parse("welno_8c09b37123eb0d9dcec63788149e576b",
                Fixtures.text("11_campaign_with_unknown_fields.json"));
        SessionEditor edit = new SessionEditor(before.tree().deepCopy(), timestamps);
        edit.status(SessionStatus.AUTH_COMPLETED)
                .authData(before.tempAuthData().orElseThrow())
                .progress(Progress.AUTH_COMPLETED, true)
                .message(MessageType.SUCCESS, "인증이 완료되었습니다.");
        SessionDocument after = (SessionDocument) codec.parse(before.id(), codec.write(edit.tree()));

        assertEquals(SessionStatus.AUTH_COMPLETED, after.status());
        assertEquals("2026-11-20T14:00:00.500000", after.updatedAt().raw());
        assertEquals(before.expiresAt().raw(), after.expiresAt().raw());
        assertEquals(AuthCredentials.Casing.PASCAL, after.authData().orElseThrow().casing());
        assertEquals("CX000011-7d1e", after.tree().at("/auth_data/CxId").asText());
        assertEquals(before.messageCount() + 1, after.messageCount());
        assertEquals("success", after.lastMessage().orElseThrow().typeWire());
        assertEquals(before.tree().get("x_future_field"), after.tree().get("x_future_field"));
        assertEquals(before.tree().get("oid"), after.tree().get("oid"));
        // Fields keep their original order; new ones go at the end.
        var names = new java.util.ArrayList<String>();
        after.tree().fieldNames().forEachRemaining(names::add);
        var original = new java.util.ArrayList<String>();
        before.tree().fieldNames().forEachRemaining(original::add);
        assertEquals(original, names.subList(0, original.size()));
    }

    @Test
    void newDocumentsLookLikeCreateSession() {
        String id = NewSessionDocuments.newSessionId("welno");
        assertTrue(id.matches("welno_[0-9a-f]{32}"), id);
        var tree = NewSessionDocuments.initiated(id, "welno",
                new UserInfo("김하늘", "19900101", "01012345678", "M", "4"), timestamps);
        SessionDocument doc = (SessionDocument) codec.parse(id, codec.write(tree));
        assertEquals(SessionStatus.INITIATED, doc.status());
        assertEquals("2026-11-20T14:10:00.500000", doc.expiresAt().raw());
        assertTrue(doc.warnings().isEmpty());
        assertEquals("김하늘님의 인증 세션이 시작되었습니다.", doc.messages().get(0).text());
    }

    @Test
    void maskingHidesPersonalDataEverywhere() {
        SessionDocument doc = (SessionDocument) codec.parse("x", Fixtures.text("04_auth_completed.json"));
        String masked = codec.write(DocumentMasker.mask(doc));
        for (String secret : new String[] {"최지우", "01045678901", "19950718", "tok.0004.Zm9vYmFyYmF6"}) {
            assertTrue(!masked.contains(secret), secret + " leaked");
        }
        assertTrue(masked.contains("최*우"));
        assertTrue(masked.contains("010-****-8901"));
        assertEquals("김*", Masking.name("김하"));
        assertEquals("1990****", Masking.birthdate("19900101"));
        // The original tree is untouched.
        assertEquals("최지우", doc.userInfo().name());
    }
}
