package io.welno.console.tilko;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class TilkoMaskingTest {

    @Test
    void masksPersonalData() {
        assertEquals("홍*동", TilkoMasking.name("홍길동"));
        assertEquals("김*", TilkoMasking.name("김철"));
        assertEquals("남**수", TilkoMasking.name("남궁민수"));
        assertEquals("010****1234", TilkoMasking.phone("010-1234-1234"));
        assertEquals("1988****", TilkoMasking.birthDate("19880101"));
        assertEquals("abcd…(10)", TilkoMasking.secret("abcdefghij"));
    }

    @Test
    void toStringsNeverShowPersonalDataOrTokens() {
        String person = new TilkoPerson("홍길동", "19880101", "01012341234").toString();
        assertFalse(person.contains("홍길동") || person.contains("19880101") || person.contains("01012341234"), person);
        String creds = new TilkoCredentials("cx-secret-id", "4", "req-secret", "token-secret", "tx-secret").toString();
        assertFalse(creds.contains("token-secret") || creds.contains("cx-secret-id"), creds);
    }

    @Test
    void scrubRemovesPlainAndUrlEncodedKey() {
        String key = "k+y/with=chars";
        String text = "GET /api?APIkey=" + java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8)
                + " failed for " + key;
        String scrubbed = TilkoMasking.scrub(text, key);
        assertFalse(scrubbed.contains(key), scrubbed);
        assertFalse(scrubbed.contains("k%2By"), scrubbed);
    }
}
