package io.welno.console.session;

import io.welno.console.session.RawTextMasker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** Unreadable stored values are shown as text, so they are masked as text. */
class RawTextMaskerTest {

    @Test
    void personalFieldsTokensAndTheirRepetitionsAreMaskedInBrokenJson() {
        String raw = "{\"user_info\": {\"name\": \"김하늘\", \"birthdate\": \"19900101\", \"phone_no\": \"01012345678\"},"
                + " \"messages\": \"김하늘님 010-1234-5678\", \"temp_auth_data\": {\"token\": \"tok.0003.Zm9v\", \"cxId\": \"CX1";
        String masked = RawTextMasker.mask(raw);
        for (String secret : new String[] {"김하늘", "19900101", "01012345678", "010-1234-5678", "tok.0003.Zm9v", "CX1"}) {
            assertFalse(masked.contains(secret), secret + " in " + masked);
        }
        assertTrue(masked.contains("\"name\": \"김*늘\""), masked);
        assertTrue(masked.contains("\"phone_no\": \"010-****-5678\""), masked);
        assertTrue(masked.contains("\"birthdate\": \"1990****\""), masked);
        assertTrue(masked.contains("김*늘님 010-****-5678"), masked);
        assertTrue(masked.contains("\"token\": \"tok.…(13)\""), masked);
        assertTrue(masked.endsWith("\"cxId\": \"****"), "a value cut off by truncation is masked too: " + masked);
    }

    @Test
    void asciiEscapedNamesAreMasked() {
        String masked = RawTextMasker.mask("{\"name\": \"\\ucd5c\\uc9c0\\uc6b0\", \"x\": \"\\ucd5c\\uc9c0\\uc6b0님\"}");
        assertEquals("{\"name\": \"최*우\", \"x\": \"최*우님\"}", masked);
    }

    @Test
    void everyMalformedFixtureLosesItsPersonalData() {
        for (String fixture : Fixtures.MALFORMED) {
            String masked = RawTextMasker.mask(Fixtures.text(fixture));
            for (String secret : new String[] {"김하늘", "윤재현", "01012345678", "01078901234", "19900101", "19830909",
                "tok.0007.Zm9vYmFyYmF6"}) {
                assertFalse(masked.contains(secret), fixture + ": " + secret);
            }
        }
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        String text = "session welno_fd05ed9f 2026-11-20T14:03:22.123456 status initiated 0003a1b2-c3d4";
        assertEquals(text, RawTextMasker.mask(text));
        assertEquals(text, RawTextMasker.maskPhones(text));
        assertEquals("010-****-5678로 연락", RawTextMasker.maskPhones("010 1234 5678로 연락"));
    }
}
