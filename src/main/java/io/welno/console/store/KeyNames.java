package io.welno.console.store;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The one rule between a key's bytes and the name it is listed under, used by the reader's SCAN and by the keyspace
 * subscriber's channels, so a notification names the row the listing made (docs/live.md, "Key names"). A name is
 * the key's UTF-8 text, as every key the backend writes is named; only the part after the prefix is ever escaped:
 * <ul>
 *   <li>a part that is not UTF-8 is written with each byte that is not part of UTF-8 text as {@code \xNN} and each
 *       backslash as {@code \\}, so no two such keys share a name (bytes {@code \x80}+0xFF against 0x80 0xFF);</li>
 *   <li>a UTF-8 part whose text already reads as such an escaped name (it holds a backslash, and every backslash
 *       starts {@code \\} or {@code \xNN}) is escaped the same way, so a key literally named {@code k\x80} is listed
 *       as {@code k\\x80} and never takes the name of the key whose bytes are {@code k} 0x80.</li>
 * </ul>
 * Every name therefore stands for one key, found from the name alone: nothing is remembered per key, so nothing has
 * to be forgotten when keys go.
 */
public final class KeyNames {

    private final String prefix;
    private final byte[] prefixBytes;

    public KeyNames(String prefix) {
        this.prefix = prefix;
        this.prefixBytes = prefix.getBytes(StandardCharsets.UTF_8);
    }

    /** The name the key is listed under. */
    public String name(byte[] key) {
        String whole = new String(key, StandardCharsets.UTF_8);
        if (whole.indexOf('\uFFFD') < 0 && whole.indexOf('\\') < 0) {
            return whole; // every key the backend writes: one decode, as SCAN's listing did before this rule
        }
        int from = startsWithPrefix(key) ? prefixBytes.length : 0;
        String head = from == 0 ? "" : prefix;
        String text = new String(key, from, key.length - from, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0 && text.indexOf('\\') < 0) {
            return head + text; // only the prefix holds a backslash or U+FFFD: the rest reads as no escape
        }
        String strict = strictUtf8(key, from);
        if (strict != null && (strict.indexOf('\\') < 0 || unescape(strict) == null)) {
            return head + strict; // a U+FFFD of its own, or a backslash that starts no escape
        }
        return head + escaped(key, from);
    }

    /**
     * The bytes of the key listed under {@code name}, or null when no key is: a name typed with an escape this rule
     * never writes ({@code \x41} for {@code A}) names no key, rather than the key whose name is another.
     */
    public byte[] bytes(String name) {
        int from = name.startsWith(prefix) ? prefix.length() : 0;
        if (name.indexOf('\\', from) < 0) {
            return name.getBytes(StandardCharsets.UTF_8);
        }
        byte[] rest = unescape(name.substring(from));
        if (rest == null) {
            return name.getBytes(StandardCharsets.UTF_8); // no escape in it: its text is the key
        }
        byte[] key = from == 0 ? rest : concat(prefixBytes, rest);
        return name.equals(name(key)) ? key : null;
    }

    /** Whether a key's bytes are UTF-8 text: only such a key can the backend name, or the console parse or write. */
    public static boolean isUtf8(byte[] key) {
        return strictUtf8(key, 0) != null;
    }

    private boolean startsWithPrefix(byte[] key) {
        return key.length >= prefixBytes.length
                && Arrays.equals(key, 0, prefixBytes.length, prefixBytes, 0, prefixBytes.length);
    }

    private static CharsetDecoder strictDecoder() {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static String strictUtf8(byte[] key, int from) {
        try {
            return strictDecoder().decode(ByteBuffer.wrap(key, from, key.length - from)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The UTF-8 text of the bytes with each backslash doubled, and each byte that is not UTF-8 as {@code \xNN}. */
    private static String escaped(byte[] key, int from) {
        CharsetDecoder strict = strictDecoder();
        ByteBuffer in = ByteBuffer.wrap(key, from, key.length - from);
        CharBuffer out = CharBuffer.allocate(key.length - from); // UTF-8 never has more characters than bytes
        StringBuilder name = new StringBuilder(key.length - from + 16);
        while (true) {
            CoderResult result = strict.decode(in, out, true);
            out.flip();
            while (out.hasRemaining()) {
                char c = out.get();
                if (c == '\\') {
                    name.append('\\'); // doubled
                }
                name.append(c);
            }
            out.clear();
            if (result.isOverflow()) {
                continue; // what was decoded is in the name now
            }
            if (!result.isError()) {
                return name.toString();
            }
            for (int i = 0; i < result.length(); i++) {
                name.append(String.format("\\x%02x", in.get() & 0xFF));
            }
        }
    }

    /** The bytes an escaped part stands for; null if a backslash in it starts neither {@code \\} nor {@code \xNN}. */
    private static byte[] unescape(String part) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(part.length());
        int run = 0;
        for (int i = 0; i < part.length(); i++) {
            if (part.charAt(i) != '\\') {
                continue;
            }
            out.writeBytes(part.substring(run, i).getBytes(StandardCharsets.UTF_8));
            if (i + 1 < part.length() && part.charAt(i + 1) == '\\') {
                out.write('\\');
                i += 1;
            } else if (i + 3 < part.length() && part.charAt(i + 1) == 'x' && lowerHex(part.charAt(i + 2))
                    && lowerHex(part.charAt(i + 3))) {
                out.write(Integer.parseInt(part, i + 2, i + 4, 16));
                i += 3;
            } else {
                return null;
            }
            run = i + 1;
        }
        out.writeBytes(part.substring(run).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static boolean lowerHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
