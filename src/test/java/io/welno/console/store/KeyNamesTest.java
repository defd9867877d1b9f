package io.welno.console.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one naming of keys that the reader's SCAN and the subscriber's channels share (docs/live.md, "Key names"). */
class KeyNamesTest {

    private static final String PREFIX = "tilko_session:";
    private final KeyNames names = new KeyNames(PREFIX);

    @Test
    void aUtf8KeyIsItsTextAndTheOthersAreEscaped() {
        assertEquals("tilko_session:welno_김", names.name(key("welno_김".getBytes(StandardCharsets.UTF_8))));
        assertEquals("tilko_session:\uFFFD", names.name(key("\uFFFD".getBytes(StandardCharsets.UTF_8))));
        assertEquals("tilko_session:a\\b", names.name(key("a\\b".getBytes(StandardCharsets.UTF_8))),
                "a backslash that starts no escape leaves the text as it is");
        assertEquals("tilko_session:k\\xffey", names.name(key(new byte[] {'k', (byte) 0xFF, 'e', 'y'})));
        assertEquals("tilko_session:k\\\\x80", names.name(key("k\\x80".getBytes(StandardCharsets.UTF_8))),
                "a text that reads as an escaped name is escaped, so it never takes another key's name");
        assertEquals("other:\\xff", names.name(new byte[] {'o', 't', 'h', 'e', 'r', ':', (byte) 0xFF}));
        assertNull(names.bytes("tilko_session:\\x41"), "an escape the rule never writes names no key");
        assertArrayEquals("tilko_session:a\\b".getBytes(StandardCharsets.UTF_8), names.bytes("tilko_session:a\\b"));
    }

    /**
     * Keys made of the pieces where the rule could go wrong (backslashes, escape-like text, bytes that are not UTF-8,
     * a split two-byte character): every key's name gives its bytes back, and no two keys share a name.
     */
    @Test
    void everyKeyHasItsOwnNameWhichGivesItsBytesBack() {
        String[] pieces = {"\\", "x", "8", "0", "f", "a", "\\\\", "\\x80", "ff", "80", "c3", "a9", "김"};
        Random random = new Random(7);
        Map<String, byte[]> seen = new HashMap<>();
        for (int i = 0; i < 50_000; i++) {
            ByteArrayOutputStream id = new ByteArrayOutputStream();
            for (int n = random.nextInt(6); n > 0; n--) {
                String piece = pieces[random.nextInt(pieces.length)];
                boolean hexByte = piece.matches("[0-9a-f]{2}") && random.nextBoolean(); // "ff" as text or as its byte
                id.writeBytes(hexByte ? HexFormat.of().parseHex(piece) : piece.getBytes(StandardCharsets.UTF_8));
            }
            byte[] key = key(id.toByteArray());
            String name = names.name(key);
            assertArrayEquals(key, names.bytes(name), name);
            byte[] before = seen.putIfAbsent(name, key);
            if (before != null) {
                assertArrayEquals(before, key, "two keys named " + name);
            }
        }
    }

    private static byte[] key(byte[] id) {
        byte[] prefix = PREFIX.getBytes(StandardCharsets.UTF_8);
        byte[] key = Arrays.copyOf(prefix, prefix.length + id.length);
        System.arraycopy(id, 0, key, prefix.length, id.length);
        return key;
    }
}
