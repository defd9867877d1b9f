package io.welno.console.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

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
        assertEquals(6379, s.port());
        assertEquals(0, s.database());
        assertFalse(s.tls());
        assertNull(s.user());
        assertNull(s.password());
        assertEquals("tilko_session:", s.keyPrefix());
    }

    @Test
    void passwordOnlyUrlsUseTheDefaultUser() {
        RedisConnectionSettings s = RedisConnectionSettings.parse("redis://:secret@host:1/0");
        assertNull(s.user());
        assertEquals("secret", s.password());
    }

    @Test
    void thePasswordNeverAppearsInDescriptionsOrErrors() {
        RedisConnectionSettings s = RedisConnectionSettings.parse("redis://ops:hunter2@host:6379/0");
        assertFalse(s.toString().contains("hunter2"));
        assertEquals("redis://ops:***@host:6379/0", s.redactedUrl());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RedisConnectionSettings.parse("http://ops:hunter2@host:6379/0"));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RedisConnectionSettings.parse("redis://host:1/x"));
    }
}
