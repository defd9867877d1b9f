package io.welno.console.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.store.StoreFailure;
import io.welno.console.testing.Words;
import io.welno.console.text.Phrase;
import io.welno.console.text.PhrasedException;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * A profile's own mistakes (a hand-edited role, a Tilko address without http) are said as such and in the reader's
 * language, before anything is sent, not as "Redis answered with an error: <an English sentence>"; and a failure a
 * step of the console named in words of its own keeps them.
 */
class ProfileMistakesTest {

    private static ConnectionProfile profile(String role, String tilkoUrl) {
        // Port 1: nothing is asked of it, the profile is refused first.
        return new ConnectionProfile("p", "redis://127.0.0.1:1/0", role, "Asia/Seoul", "development", false, tilkoUrl);
    }

    @Test
    void anUnknownRoleIsNamedInEitherLanguage() {
        List<ConnectionCheck.Finding> found = ConnectionCheck.run(profile("admin", null), null);
        assertEquals(1, found.size());
        assertTrue(found.get(0).blocking());
        assertEquals("Unknown role \"admin\": use viewer, operator or developer.", Words.en(found.get(0).phrase()));
        assertTrue(Words.ko(found.get(0).phrase()).startsWith("알 수 없는 역할"), Words.ko(found.get(0).phrase()));
    }

    @Test
    void aTilkoAddressThatIsNoUrlIsNamed() {
        List<ConnectionCheck.Finding> found = ConnectionCheck.run(profile("operator", "tilko.example.com"), null);
        assertEquals(1, found.size());
        assertEquals("The Tilko address \"tilko.example.com\" is not an http(s) URL.", Words.en(found.get(0).phrase()));
        assertTrue(Words.ko(found.get(0).phrase()).contains("http(s) URL이 아닙니다"), Words.ko(found.get(0).phrase()));
    }

    @Test
    void aTlsFailureNamedByTheConsoleIsWordedInKorean() {
        SSLHandshakeException tls = new SSLHandshakeException("no TLS answer from 10.0.1.10:6379 within 2000 ms");
        tls.initCause(new PhrasedException(Phrase.of("store.tls.noAnswer", "10.0.1.10:6379", 2000)));
        StoreFailure failure = StoreFailure.of(new JedisConnectionException(tls.getMessage(), tls));
        assertEquals(StoreFailure.Cause.TLS_FAILED, failure.cause());
        String ko = Words.ko(failure.phrase());
        assertTrue(ko.contains("2,000ms 안에 TLS 응답이 없습니다") || ko.contains("2000ms 안에 TLS 응답이 없습니다"), ko);
        assertTrue(!ko.contains("no TLS answer"), "no English sentence: " + ko);
    }
}
