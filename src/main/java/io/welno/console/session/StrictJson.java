package io.welno.console.session;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Steps over JSON values in UTF-8 bytes, checking each byte as it goes, without making a token or a string: for the
 * parts of a document no reader needs (docs/live.md, "Reading"). It accepts only plain JSON (RFC 8259: no comments,
 * no non-finite numbers, no leading zeros, no unescaped control characters), strings whose other bytes are UTF-8
 * sequences of a lead byte and as many continuation bytes as it announces (overlong forms and surrogates are the
 * codec's strict check, made before), nesting up to {@link #MAX_DEPTH} and numbers up to {@link #MAX_NUMBER_LENGTH}
 * characters: less than the console's Jackson parsers accept, never more, so a value it steps over is one they would
 * have read. Anything else gives {@link #REFUSED}, and the caller leaves the value to Jackson, which says what is
 * wrong or reads it after all.
 */
final class StrictJson {

    /** What the methods give for bytes they do not accept. */
    static final int REFUSED = -1;
    /** Containers inside containers; Jackson's own bound is far higher. */
    static final int MAX_DEPTH = 64;
    /** Characters of a number; Jackson refuses more than 1,000. */
    static final int MAX_NUMBER_LENGTH = 100;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long SPACES = 0x2020202020202020L;

    private StrictJson() {
    }

    /**
     * @param at the value's first byte (white space before it is stepped over)
     * @return the offset just after the value, or {@link #REFUSED}
     */
    static int valueEnd(byte[] b, int at) {
        long objects = 0; // bit d: whether the container at depth d + 1 is an object
        int depth = 0;
        int i = at;
        while (true) {
            // a value is expected at i
            i = space(b, i);
            if (i >= b.length) {
                return REFUSED;
            }
            byte c = b[i];
            if (c == '{' || c == '[') {
                if (depth == MAX_DEPTH) {
                    return REFUSED;
                }
                boolean object = c == '{';
                objects = object ? objects | 1L << depth : objects & ~(1L << depth);
                depth++;
                i = space(b, i + 1);
                if (i < b.length && b[i] == (object ? '}' : ']')) {
                    depth--;
                    i++;
                } else {
                    if (object && (i = memberName(b, i)) < 0) {
                        return REFUSED;
                    }
                    continue;
                }
            } else {
                i = scalarEnd(b, i, c);
                if (i < 0) {
                    return REFUSED;
                }
            }
            // after a value: close containers, or find the next value
            while (true) {
                if (depth == 0) {
                    return i;
                }
                i = space(b, i);
                if (i >= b.length) {
                    return REFUSED;
                }
                boolean inObject = (objects & 1L << (depth - 1)) != 0;
                c = b[i];
                if (c == ',') {
                    i++;
                    if (inObject && (i = memberName(b, space(b, i))) < 0) {
                        return REFUSED;
                    }
                    break;
                }
                if (c != (inObject ? '}' : ']')) {
                    return REFUSED;
                }
                depth--;
                i++;
            }
        }
    }

    /**
     * @param at the opening quote of a member's name
     * @return the offset after the colon that follows the name, or {@link #REFUSED}
     */
    static int memberName(byte[] b, int at) {
        if (at >= b.length || b[at] != '"') {
            return REFUSED;
        }
        int i = stringEnd(b, at + 1);
        if (i < 0) {
            return REFUSED;
        }
        i = space(b, i);
        return i < b.length && b[i] == ':' ? i + 1 : REFUSED;
    }

    /** The first offset from {@code at} that is not JSON white space. */
    static int space(byte[] b, int at) {
        int i = at;
        // A run of spaces at a time: indentation is two fifths of a pretty-printed document's bytes.
        while (i + Long.BYTES <= b.length) {
            long notSpace = (long) LONGS.get(b, i) ^ SPACES; // zero in the lanes holding a space
            if (notSpace == 0) {
                i += Long.BYTES;
                continue;
            }
            i += Long.numberOfTrailingZeros(notSpace) >>> 3; // the first byte is the lowest lane
            byte c = b[i];
            if (c != '\n' && c != '\r' && c != '\t') {
                return i;
            }
            i++;
        }
        while (i < b.length) {
            byte c = b[i];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                break;
            }
            i++;
        }
        return i;
    }

    private static int scalarEnd(byte[] b, int at, byte c) {
        return switch (c) {
            case '"' -> stringEnd(b, at + 1);
            case 't' -> word(b, at, TRUE);
            case 'f' -> word(b, at, FALSE);
            case 'n' -> word(b, at, NULL);
            default -> c == '-' || (c >= '0' && c <= '9') ? numberEnd(b, at) : REFUSED;
        };
    }

    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    /** A literal; what follows it is checked by the caller (a separator, a closing bracket, or the end). */
    private static int word(byte[] b, int at, byte[] word) {
        if (at + word.length > b.length) {
            return REFUSED;
        }
        for (int k = 0; k < word.length; k++) {
            if (b[at + k] != word[k]) {
                return REFUSED;
            }
        }
        return at + word.length;
    }

    /** {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}; what follows is checked by the caller. */
    private static int numberEnd(byte[] b, int at) {
        int i = at;
        if (b[i] == '-') {
            i++;
        }
        if (i >= b.length || !digit(b[i])) {
            return REFUSED;
        }
        if (b[i] == '0') {
            i++; // a leading zero stands alone: "01" ends here, and the caller refuses the '1' after it
        } else {
            i = digitsEnd(b, i);
        }
        if (i < b.length && b[i] == '.') {
            int fraction = digitsEnd(b, i + 1);
            if (fraction == i + 1) {
                return REFUSED;
            }
            i = fraction;
        }
        if (i < b.length && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (i < b.length && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            int exponent = digitsEnd(b, i);
            if (exponent == i) {
                return REFUSED;
            }
            i = exponent;
        }
        return i - at <= MAX_NUMBER_LENGTH ? i : REFUSED;
    }

    private static int digitsEnd(byte[] b, int at) {
        int i = at;
        while (i < b.length && digit(b[i])) {
            i++;
        }
        return i;
    }

    private static boolean digit(byte c) {
        return c >= '0' && c <= '9';
    }

    /**
     * @param at the byte after the opening quote
     * @return the offset after the closing quote, or {@link #REFUSED}
     */
    static int stringEnd(byte[] b, int at) {
        int i = at;
        while (i < b.length) {
            int c = b[i] & 0xFF;
            switch (STRING_BYTES[c]) {
                case PLAIN -> i++;
                case QUOTE -> {
                    return i + 1;
                }
                case LEAD_OF_TWO -> i = sequenceEnd(b, i, 1);
                case LEAD_OF_THREE -> i = sequenceEnd(b, i, 2); // every Hangul syllable
                case LEAD_OF_FOUR -> i = sequenceEnd(b, i, 3);
                case BACKSLASH -> i = escapeEnd(b, i + 1);
                default -> {
                    return REFUSED; // a control character, a continuation byte with no lead, C0, C1 or F5–FF
                }
            }
            if (i < 0) {
                return REFUSED;
            }
        }
        return REFUSED;
    }

    private static final byte PLAIN = 0;
    private static final byte QUOTE = 1;
    private static final byte BACKSLASH = 2;
    private static final byte LEAD_OF_TWO = 3;
    private static final byte LEAD_OF_THREE = 4;
    private static final byte LEAD_OF_FOUR = 5;
    private static final byte NEVER = 6;
    /** What each byte is inside a string. */
    private static final byte[] STRING_BYTES = new byte[256];

    static {
        for (int c = 0; c < 256; c++) {
            STRING_BYTES[c] = c < 0x20 ? NEVER : c == '"' ? QUOTE : c == '\\' ? BACKSLASH : c < 0x80 ? PLAIN
                    : c >= 0xC2 && c <= 0xDF ? LEAD_OF_TWO : c >= 0xE0 && c <= 0xEF ? LEAD_OF_THREE
                    : c >= 0xF0 && c <= 0xF4 ? LEAD_OF_FOUR : NEVER;
        }
    }

    /** The lead byte at {@code at} and its {@code continuations} continuation bytes (80–BF). */
    private static int sequenceEnd(byte[] b, int at, int continuations) {
        if (at + continuations >= b.length) {
            return REFUSED;
        }
        for (int k = 1; k <= continuations; k++) {
            if ((b[at + k] & 0xC0) != 0x80) {
                return REFUSED;
            }
        }
        return at + continuations + 1;
    }

    /** After a backslash: one of {@code " \ / b f n r t}, or {@code u} and four hex digits. */
    private static int escapeEnd(byte[] b, int at) {
        if (at >= b.length) {
            return REFUSED;
        }
        switch (b[at]) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
                return at + 1;
            }
            case 'u' -> {
                if (at + 4 >= b.length) {
                    return REFUSED;
                }
                for (int k = 1; k <= 4; k++) {
                    if (Character.digit(b[at + k], 16) < 0) {
                        return REFUSED;
                    }
                }
                return at + 5;
            }
            default -> {
                return REFUSED;
            }
        }
    }
}
