package io.welno.console.ui.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.store.RedisConnectionSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A whole URL pasted as the address goes to the form's fields; what has no field stays in the address. */
class TypedAddressTest {

    @Test
    void aBackendsUrlIsTakenApart() {
        TypedAddress typed = TypedAddress.of("rediss://support:p%40ss@redis.internal:6380/2"
                + "?socketTimeout=3000&prefix=welno%3A&ca=/etc/ca.pem&verify=ca");
        assertEquals("rediss://redis.internal:6380?socketTimeout=3000&verify=ca", typed.address());
        assertEquals("rediss://redis.internal:6380", typed.server());
        assertEquals("support", typed.user());
        assertEquals("p@ss", typed.password());
        assertEquals(2, typed.database());
        assertEquals("welno:", typed.prefix());
        assertEquals(java.nio.file.Path.of("/etc/ca.pem").toString(), typed.ca());
        assertEquals(List.of("socketTimeout=3000", "verify=ca"), typed.options());
    }

    @Test
    void anAddressAloneStaysAsItIs() {
        TypedAddress typed = TypedAddress.of("10.0.1.10:6379");
        assertEquals("redis://10.0.1.10:6379", typed.address());
        assertNull(typed.user());
        assertNull(typed.password());
        assertNull(typed.database(), "no path: the database field is left as it is");
        assertNull(typed.prefix());
        assertEquals(0, TypedAddress.of("redis://h:1/").options().size());
        assertNull(TypedAddress.of("redis://h:1/").database(), "a bare slash names no database");
        assertEquals("secret", TypedAddress.of("redis://:secret@h").password());
        assertFalse(TypedAddress.of("redis://:secret@h").address().contains("secret"));
    }

    @Test
    void aWrongPartIsRefusedWithTheSettingsOwnSentence() {
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> TypedAddress.of("redis://u:secret@h:1/0?socketTimeout=abc"));
        assertTrue(e.getMessage().contains("socketTimeout"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), "never the password");
        assertFalse(e.getMessage().contains("prefix"), "the address as typed, not one the form made of it");
    }

    @Test
    void savedSettingsShowTheirOptionsThatDifferFromTheDefaults() {
        assertEquals("redis://h:6379", TypedAddress.shown(RedisConnectionSettings.parse("redis://h/3?prefix=x:")));
        assertEquals("rediss://h:6380?socketTimeout=3000&verify=insecure", TypedAddress.shown(
                RedisConnectionSettings.parse("rediss://u@h:6380/0?socketTimeout=3000&verify=insecure")));
        String ipv6 = TypedAddress.shown(RedisConnectionSettings.parse("redis://[::1]:6390"));
        assertEquals("redis://[::1]:6390", ipv6);
        assertEquals(ipv6, TypedAddress.of(ipv6).address(), "shown, then read back: the same");
    }
}
