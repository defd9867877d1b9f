package io.welno.console.store;

import io.welno.console.testing.Words;
import io.welno.console.text.PhrasedException;
import io.welno.console.text.SafeText;
import io.welno.console.view.BundleTexts;
import io.welno.console.view.Wording;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedisConnectionSettingsTest {

    @Test
    void parsesEveryPartOfTheUrl() {
        RedisConnectionSettings s = RedisConnectionSettings.parse(
                "rediss://ops:p%40ss%2Fw0rd@redis.internal:6380/2?prefix=staging_session:&connectTimeout=1500"
                        + "&socketTimeout=9000&ca=/etc/ca.pem&verify=ca");
        assertEquals("redis.internal", s.host());
        assertEquals(6380, s.port());
        assertTrue(s.tls());
        assertEquals("ops", s.user());
        assertEquals("p@ss/w0rd", s.password());
        assertEquals(2, s.database());
        assertEquals("staging_session:", s.keyPrefix());
        assertEquals(1500, s.connectTimeoutMillis());
        assertEquals(9000, s.socketTimeoutMillis());
        assertEquals(Path.of("/etc/ca.pem"), s.caCertificate());
        assertEquals(RedisConnectionSettings.TlsVerification.CA, s.verification());
        assertEquals("staging_session:abc", s.key("abc"));
        assertEquals("abc", s.idOf("staging_session:abc"));
    }

    @Test
    void defaultsAreTheBackendsOwn() {
        RedisConnectionSettings s = RedisConnectionSettings.parse("redis://127.0.0.1");
        assertEquals(RedisConnectionSettings.DEFAULT_PORT, s.port());
        assertEquals(0, s.database());
        assertFalse(s.tls());
        assertNull(s.user());
        assertNull(s.password());
        assertEquals("tilko_session:", s.keyPrefix());
        assertEquals(RedisConnectionSettings.TlsVerification.FULL, s.verification());
        assertEquals(0, RedisConnectionSettings.parse("redis://h/").database());
    }

    @Test
    void passwordOnlyUrlsUseTheDefaultUser() {
        RedisConnectionSettings s = RedisConnectionSettings.parse("redis://:secret@host:1/0");
        assertNull(s.user());
        assertEquals("secret", s.password());
    }

    @Test
    void aPasswordWithAnUnescapedAtOrSlashStillParses() {
        RedisConnectionSettings s = RedisConnectionSettings.parse("redis://ops:p@ss/w@rd@host:6380/3");
        assertEquals("p@ss/w@rd", s.password());
        assertEquals("host", s.host());
        assertEquals(6380, s.port());
        assertEquals(3, s.database());
        assertEquals("redis://ops:***@host:6380/3", s.redactedUrl());
        assertEquals("pa#ss", RedisConnectionSettings.parse("redis://ops:pa#ss@host").password());
    }

    @Test
    void ipv6AddressesAreWrittenInBrackets() {
        RedisConnectionSettings s = RedisConnectionSettings.parse("redis://[::1]:6390/1");
        assertEquals("::1", s.host());
        assertEquals(6390, s.port());
        assertEquals("redis://[::1]:6390/1", s.redactedUrl());
        assertEquals(RedisConnectionSettings.DEFAULT_PORT, RedisConnectionSettings.parse("redis://[fe80::1%eth0]").port());
    }

    @Test
    void thePasswordNeverAppearsInDescriptionsOrErrors() {
        RedisConnectionSettings s = RedisConnectionSettings.parse("redis://ops:hunter2@host:6380/0");
        assertFalse(s.toString().contains("hunter2"));
        assertEquals("redis://ops:***@host:6380/0", s.redactedUrl());
        for (String url : new String[] {"http://ops:hunter2@host:6380/0", "redis://ops:hunter2@host:abc/0",
            "redis://ops:hun@ter2@/0", "redis://ops:hunter2%zz@host", "redis://ops:hun?ter2@host:6380/0",
            "ops:hunter2@host:6380", "redis://ops:hun/ter2@host:99999", "redis://ops:hunter2?x=1@host:6380/0",
            "redis://ops:4711?prefix=hunter2@host:6380/0", "redis://ops:hunter2"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RedisConnectionSettings.parse(url), url);
            for (String said : List.of(e.getMessage(), english(e), korean(e))) {
                assertFalse(said.contains("hunter2") || said.contains("hun") && url.contains("hun@"), said);
                assertFalse(said.contains("ter2"), url + " → " + said);
            }
        }
    }

    /**
     * A ? before the last @ may be the password's: read as the start of the parameters, the part of the password
     * before it became the port (quoted in the error) or the rest a key prefix (saved with the profile).
     */
    @Test
    void anAtAfterTheQuestionMarkIsRefusedWhicheverWayItWasMeant() {
        for (String url : new String[] {"redis://support:4711?prefix=TopSecret@127.0.0.1:6390/0",
            "redis://admin:S3cretPart?x=1@10.0.0.5:6390/0", "redis://h:6390/0?prefix=a@b"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RedisConnectionSettings.parse(url), url);
            assertTrue(english(e).contains("An @ after the ? of a Redis URL is not accepted"), english(e));
        }
        assertEquals("a@b", RedisConnectionSettings.parse("redis://h:6390/0?prefix=a%40b").keyPrefix());
        assertEquals("4711?prefix=x", RedisConnectionSettings.parse("redis://support:4711%3Fprefix=x@h").password());
    }

    /** Each malformed URL gets one sentence naming the bad part and the accepted form. */
    @Test
    void malformedUrlsAreRefusedWithASentenceNamingThePart() {
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("", "empty");
        cases.put("   ", "empty");
        cases.put("redis://", "no host");
        cases.put("redis:///0", "no host");
        cases.put("http://x", "starts with redis:// or rediss://, not http://");
        cases.put("x", "starts with redis:// or rediss://");
        cases.put("redis://h/abc", "database in a Redis URL is a number from 0 (e.g. /0), not '/abc'");
        cases.put("redis://h/-1", "database");
        cases.put("redis://h/99999999999", "database");
        cases.put("redis://h:abc", "port in the Redis URL is a number from 1 to 65535; if what follows the :");
        cases.put("redis://h:99999", "not '99999'");
        cases.put("redis://h:0", "not '0'");
        cases.put("redis://h:", "port in the Redis URL is empty");
        cases.put("redis://h?connectTimeout=abc", "connectTimeout in the Redis URL is a number of milliseconds");
        cases.put("redis://h?connectTimeout=-5", "connectTimeout");
        cases.put("redis://h?socketTimeout=0", "socketTimeout");
        cases.put("redis://h?verify=bogus", "verify in the Redis URL is full, ca or insecure, not 'bogus'");
        cases.put("redis://h?conectTimeout=1", "Unknown parameter 'conectTimeout'");
        cases.put("redis://h?prefix=", "prefix in the Redis URL is empty");
        cases.put("redis://h?prefix=%1b%5b2J", "control");
        cases.put("redis://h?ca=", "ca in the Redis URL names a certificate file");
        // read as written, these say TLS, but redis:// would send the password in the clear
        cases.put("redis://u:pw@h?ca=/etc/ca.pem", "The ca in the Redis URL is for TLS, which redis:// does not use: "
                + "write rediss:// to connect over TLS");
        cases.put("REDIS://h?verify=full", "The verify in the Redis URL is for TLS");
        cases.put("redis://[::1", "lacks its closing ]");
        cases.put("redis://[::1]x", "After the ]");
        cases.put("redis://[zz]:1", "not an IPv6 address");
        cases.put("redis://::1:6380", "written in brackets");
        cases.put("redis://ho st:1", "not a host name");
        cases.put("redis://h\u001b[2J:1", "control or invisible character");
        cases.put("redis://h#frag", "no #fragment");
        // checked as written, then decoded: the name is shown in the connection dialog and logged
        cases.put("redis://%E2%80%AEnimda:pw@h", "user name in the Redis URL contains a control or invisible");
        cases.put("redis://%1B%5B2J@h", "user name in the Redis URL contains a control or invisible");
        cases.forEach((url, expected) -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RedisConnectionSettings.parse(url), url);
            String said = english(e);
            assertTrue(said.contains(expected), url + " → " + said);
            assertEquals(-1, SafeText.firstUnsafe(said), said);
            assertFalse(said.contains("\n"), said);
            // the window says it in Korean: a sentence of its own, not the English one
            String korean = korean(e);
            assertTrue(korean.codePoints()
                    .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL),
                    url + " → " + korean);
            assertFalse(korean.contains("Redis URL"), korean);
            assertEquals(-1, SafeText.firstUnsafe(korean), korean);
        });
    }

    /** What the command line says: the phrase the parse named, in English. */
    private static String english(IllegalArgumentException e) {
        return Words.en(((PhrasedException) e).phrase());
    }

    private static String korean(IllegalArgumentException e) {
        return Wording.window(new BundleTexts(BundleTexts.KOREAN)).render(((PhrasedException) e).phrase());
    }

    @Test
    void theKeyPrefixOptionIsCheckedLikeTheParameter() {
        RedisConnectionSettings s = RedisConnectionSettings.parse("redis://h");
        assertThrows(IllegalArgumentException.class, () -> s.withKeyPrefix(""));
        assertThrows(IllegalArgumentException.class, () -> s.withKeyPrefix("a\nb"));
        assertEquals("x:", s.withKeyPrefix("x:").keyPrefix());
    }
}
