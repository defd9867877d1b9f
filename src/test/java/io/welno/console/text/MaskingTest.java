package io.welno.console.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.testing.Fixtures;
import io.welno.console.tilko.TilkoCredentials;
import io.welno.console.tilko.TilkoPerson;
import java.text.Normalizer;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one masking rule: values, free text and raw text that is not a readable document. */
class MaskingTest {

    @Test
    void valuesAreMaskedOneWay() {
        assertEquals("홍*동", Masking.name("홍길동"));
        assertEquals("김*", Masking.name("김철"));
        assertEquals("남**수", Masking.name("남궁민수"));
        assertEquals("*", Masking.name("김"));
        assertEquals("1988****", Masking.birthdate("19880101"));
        assertEquals("abcd…(10)", Masking.token("abcdefghij"));
        assertEquals("****", Masking.token("abc"));
        assertEquals("5678", Masking.phoneSuffix("010-1234-5678"));
    }

    /**
     * A token or birth date is kept to its first four characters, which cut an emoji in two: "abc🙂defg" kept
     * "abc" and half the emoji, a lone surrogate every output then showed as an escape (\\ud83d) the token does not
     * hold. The cut is made between what is drawn, as every other cut of outside text is.
     */
    @Test
    void theKeptStartOfATokenOrABirthDateIsNeverHalfACharacter() {
        assertEquals("abc…(9)", Masking.token("abc🙂defg"));
        assertEquals("ab🙂…(8)", Masking.token("ab🙂defg"));
        assertEquals("199******", Masking.birthdate("199🙂0101"), "the rest as stars");
        assertEquals(-1, SafeText.firstUnsafe(Masking.token("abc🙂defg") + Masking.birthdate("199🙂0101")));
    }

    /**
     * A letter is what a reader sees as one (a grapheme cluster): a name in jamo as macOS writes it (NFD) masks like
     * the same name in syllables, not to its first consonant, a star per jamo and a lone final consonant.
     */
    @Test
    void aNameIsMaskedByTheLettersAReaderSees() {
        String jamo = Normalizer.normalize("홍길동", Normalizer.Form.NFD);
        assertEquals(Normalizer.normalize("홍*동", Normalizer.Form.NFD), Masking.name(jamo));
        assertEquals("J**e\u0301", Masking.name("Jose\u0301"), "an accent stays on its letter");
        assertEquals("🇰🇷*", Masking.name("🇰🇷🇯🇵"), "a flag is one letter, not two halves");
        assertEquals("👨\u200D👩\u200D👧*철", Masking.name("👨\u200D👩\u200D👧김철"), "an emoji sequence is one letter");
    }

    /** A name made of blanks is no name, whatever blank it is made of; a space inside a name is a letter. */
    @Test
    void aNameOfBlanksIsNoName() {
        assertEquals("", Masking.name("\u3164\u3164\u3164"), "Hangul fillers");
        assertEquals("", Masking.name("\u2800\u2800"), "Braille blanks");
        assertEquals("", Masking.name("\u3000\u3000"), "ideographic spaces");
        assertEquals("", Masking.name("\u00a0\u2007\u202f"), "no-break spaces, which strip() keeps");
        assertEquals("김*", Masking.name("\u3000김철\u00a0"));
        assertEquals("J*n", Masking.name("J\u3000n"));
    }

    /**
     * One phone format everywhere (the window, the CLI, exports, Tilko's log lines): "010-****-5678", what
     * the README shows and support staff read; the session and Tilko maskers used to disagree.
     */
    @Test
    void phonesKeepTheCarrierPrefixAndTheLastFourDigitsWhateverTheSpelling() {
        assertEquals("010-****-5678", Masking.phone("01012345678"));
        assertEquals("010-****-5678", Masking.phone("010-1234-5678"));
        assertEquals("010-****-5678", Masking.phone("010 1234 5678"));
        assertEquals("011-****-4567", Masking.phone("0111234567"), "ten digits (old carriers)");
        assertEquals("821-****-5678", Masking.phone("+82 10-1234-5678"));
        assertEquals("010-****-1234", TilkoPersonPhone.of("01012341234"));
    }

    /** Messages and Tilko errors may name anyone: their mobile and resident numbers are masked, dates are not. */
    @Test
    void freeTextLosesItsMobileAndResidentNumbersButKeepsItsDates() {
        assertEquals("주민번호 900101-******* 확인, 연락처 010-****-5678, 검진일 20231105",
                Masking.personalNumbers("주민번호 900101-1234567 확인, 연락처 010-1234-5678, 검진일 20231105"));
        assertEquals("order 123456-12345678", Masking.personalNumbers("order 123456-12345678"));
        assertNull(Masking.personalNumbers(null));
        assertEquals(Optional.of(Masking.PersonalNumber.RESIDENT_NUMBER), Masking.personalNumberIn("a 900101-2234567"));
        assertEquals(Optional.of(Masking.PersonalNumber.MOBILE), Masking.personalNumberIn("call 010 1234 5678"));
        assertEquals(Optional.of(Masking.PersonalNumber.BIRTH_DATE), Masking.personalNumberIn("born 19900101 in Seoul"));
        assertEquals(Optional.empty(), Masking.personalNumberIn("stuck since 2026-12-06 10:00, ends in 5678"));
    }

    @Test
    void shortNumbersShowNoDigitAtAll() {
        // keeping the first three and the last four of seven digits would show all of them
        assertEquals("*******", Masking.phone("0101234"));
        assertEquals("*********", Masking.phone("010123456"));
        assertEquals("****", Masking.phone("12"));
        assertEquals("****", Masking.phone("no digits"));
        assertEquals("", Masking.phone(" "));
    }

    @Test
    void tilkoToStringsUseTheSameRuleAndShowNoSecret() {
        String person = new TilkoPerson("홍길동", "19880101", "01012341234").toString();
        assertFalse(person.contains("홍길동") || person.contains("19880101") || person.contains("01012341234"), person);
        assertTrue(person.contains("홍*동") && person.contains("010-****-1234"), person);
        String creds = new TilkoCredentials("cx-secret-id", "4", "req-secret", "token-secret", "tx-secret").toString();
        assertFalse(creds.contains("token-secret") || creds.contains("cx-secret-id"), creds);
    }

    @Test
    void scrubRemovesPlainAndUrlEncodedSecrets() {
        String key = "k+y/with=chars";
        String text = "GET /api?APIkey=" + java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8)
                + " failed for " + key;
        String scrubbed = Masking.scrub(text, key);
        assertFalse(scrubbed.contains(key), scrubbed);
        assertFalse(scrubbed.contains("k%2By"), scrubbed);
    }

    @Test
    void personalFieldsTokensAndTheirRepetitionsAreMaskedInBrokenJson() {
        String raw = "{\"user_info\": {\"name\": \"김하늘\", \"birthdate\": \"19900101\", \"phone_no\": \"01012345678\"},"
                + " \"messages\": \"김하늘님 010-1234-5678\", \"temp_auth_data\": {\"token\": \"tok.0003.Zm9v\", \"cxId\": \"CX1";
        String masked = Masking.raw(raw);
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
        String masked = Masking.raw("{\"name\": \"\\ucd5c\\uc9c0\\uc6b0\", \"x\": \"\\ucd5c\\uc9c0\\uc6b0님\"}");
        assertEquals("{\"name\": \"최*우\", \"x\": \"최*우님\"}", masked);
    }

    /** A backend bug that stores json.dumps(json.dumps(doc)): the fields stand one escape level down. */
    @Test
    void aDocumentStoredAsAJsonStringIsMaskedToo() {
        String raw = "\"{\\\"user_info\\\": {\\\"name\\\": \\\"김하늘\\\", \\\"birthdate\\\": \\\"19900101\\\", "
                + "\\\"phone_no\\\": \\\"01012345678\\\"}, \\\"temp_auth_data\\\": {\\\"token\\\": \\\"tok.SECRET.x\\\"}}\"";
        String masked = Masking.raw(raw);
        for (String secret : new String[] {"김하늘", "19900101", "01012345678", "tok.SECRET.x"}) {
            assertFalse(masked.contains(secret), secret + " in " + masked);
        }
    }

    @Test
    void birthDatesAndResidentNumbersInFreeTextAreMasked() {
        String masked = Masking.raw("born 19900101, RRN 900101-1234567, called 010-1234-5678");
        assertEquals("born 1990****, RRN 900101-*******, called 010-****-5678", masked);
    }

    @Test
    void shortCutOffValuesDoNotMaskUnrelatedText() {
        // the truncated phone "01" must not turn every "01" of the preview into stars
        String masked = Masking.raw("{\"created_at\": \"2026-01-01T10:00:01\", \"phone_no\": \"01");
        assertTrue(masked.startsWith("{\"created_at\": \"2026-01-01T10:00:01\""), masked);
        assertTrue(masked.endsWith("\"phone_no\": \"****"), masked);
    }

    @Test
    void everyMalformedFixtureLosesItsPersonalData() {
        for (String fixture : Fixtures.MALFORMED) {
            String masked = Masking.raw(Fixtures.text(fixture));
            for (String secret : new String[] {"김하늘", "윤재현", "01012345678", "01078901234", "19900101", "19830909",
                "tok.0007.Zm9vYmFyYmF6"}) {
                assertFalse(masked.contains(secret), fixture + ": " + secret);
            }
        }
    }

    /** A value of a megabyte (broken JSON is often big) is scanned, not matched by a recursing regex. */
    @Test
    void hugeValuesDoNotOverflowTheStack() {
        String raw = "{\"x\": \"" + "가\\\"".repeat(300_000) + "\", \"name\": \"김하늘\", \"y\": \"" + "나".repeat(1_000_000);
        String masked = Masking.raw(raw);
        assertTrue(masked.contains("\"name\": \"김*늘\""));
        assertEquals(raw.length(), masked.length());
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        String text = "session welno_fd05ed9f 2026-11-20T14:03:22.123456 status initiated 0003a1b2-c3d4 1732000000000";
        assertEquals(text, Masking.raw(text));
        assertEquals(text, Masking.phones(text));
        assertEquals("010-****-5678로 연락", Masking.phones("010 1234 5678로 연락"));
    }

    /** The Tilko person's phone as its toString shows it. */
    private static final class TilkoPersonPhone {
        static String of(String digits) {
            String shown = new TilkoPerson("홍길동", "19880101", digits).toString();
            return shown.substring(shown.lastIndexOf(", ") + 2, shown.length() - 1);
        }
    }
}
