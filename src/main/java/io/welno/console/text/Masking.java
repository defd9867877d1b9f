package io.welno.console.text;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one masking rule for personal data and secrets, wherever they are shown, printed, exported or logged:
 * 김*늘, 010-****-5678, 1990****, tok.…(13). Values first ({@link #name}, {@link #phone}, {@link #birthdate},
 * {@link #token}); then free text ({@link #phones} for numbers written into messages and errors) and raw text
 * that is not a readable document ({@link #raw}: truncated or broken JSON, a JSON string holding a document).
 */
public final class Masking {

    private static final Set<String> NAME_FIELDS = Set.of("name", "userName", "user_name", "UserName");
    private static final Set<String> PHONE_FIELDS = Set.of("phone_no", "phoneNo", "userCellphoneNumber",
            "UserCellphoneNumber", "phone");
    private static final Set<String> BIRTH_FIELDS = Set.of("birthdate", "birthDate", "birthday", "BirthDate");
    private static final Set<String> TOKEN_FIELDS = Set.of("token", "Token", "cxId", "CxId", "reqTxId", "ReqTxId",
            "txId", "TxId");

    /** {@code "key": "} — the start of a string field; its value is scanned by hand (see {@link #valueEnd}). */
    private static final Pattern FIELD_START = Pattern.compile("\"([A-Za-z_]+)\"\\s*:\\s*\"");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)01[016789][- ]?\\d{3,4}[- ]?\\d{4}(?!\\d)");
    /** A birth date as the backend stores it (YYYYMMDD), standing alone. */
    private static final Pattern BIRTH_DATE = Pattern.compile(
            "(?<![\\d.])(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])(?![\\d.])");
    /** A resident registration number (주민등록번호), YYMMDD-NNNNNNN. */
    private static final Pattern RESIDENT_NUMBER = Pattern.compile("(?<!\\d)(\\d{6})-([1-8]\\d{6})(?!\\d)");
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");

    private Masking() {
    }

    /**
     * "홍길동" → "홍*동", "김철" → "김*", "남궁민수" → "남**수". A letter is what is drawn as one (a grapheme cluster):
     * "홍길동" written in jamo, as macOS writes names (NFD), is three letters and masks the same, not to its first
     * consonant, a star per jamo and a lone final consonant; a letter and its accents, a flag or an emoji sequence
     * are one. Control and invisible characters do not count as letters: the first and last visible ones are kept.
     */
    public static String name(String name) {
        String stripped = withoutBlankEdges(drawn(name));
        if (stripped.isEmpty()) {
            return "";
        }
        List<String> letters = Graphemes.clusters(stripped);
        if (letters.size() == 1) {
            return "*";
        }
        if (letters.size() == 2) {
            return letters.get(0) + "*";
        }
        return letters.get(0) + "*".repeat(letters.size() - 2) + letters.get(letters.size() - 1);
    }

    /**
     * Without the whitespace and spaces (the no-break ones, which {@link String#strip} keeps, included) at either end:
     * a name of ideographic spaces is no name, not one star.
     */
    private static String withoutBlankEdges(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && (SafeText.blankAt(text, start) || Character.isWhitespace(text.codePointAt(start)))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && (SafeText.blankAt(text, end - 1) || Character.isWhitespace(text.charAt(end - 1)))) {
            end--;
        }
        return text.substring(start, end);
    }

    /** The text as {@link SafeText} draws it, without what it would escape: a joiner inside an emoji stays. */
    private static String drawn(String text) {
        return withoutUnsafe(text, true);
    }

    /**
     * "01012345678" or "010-1234-5678" → "010-****-5678": the carrier prefix and the last four digits, which
     * support staff search by, in the shape people write numbers; the stars do not tell the length. A number of
     * fewer than ten digits is not a Korean phone number and keeping seven of its digits would show nearly
     * all of it, so it becomes stars only.
     */
    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return "";
        }
        String digits = digits(phone);
        if (digits.length() < 10) {
            return "*".repeat(Math.max(4, digits.length()));
        }
        return digits.substring(0, 3) + "-****-" + digits.substring(digits.length() - 4);
    }

    /** "19880101" → "1988****": the year is enough to tell people apart. */
    public static String birthdate(String birthdate) {
        if (birthdate == null || birthdate.isBlank()) {
            return "";
        }
        String trimmed = birthdate.strip();
        if (trimmed.length() <= 4) {
            return "****";
        }
        String year = trimmed.substring(0, SafeText.cutPoint(trimmed, 4)); // never half a character
        return year + "*".repeat(trimmed.length() - year.length());
    }

    /** Opaque secrets (tokens, Tilko ids): the first four characters and the length, enough to correlate. */
    public static String token(String token) {
        if (token == null || token.isEmpty()) {
            return "";
        }
        // cut between what is drawn: four UTF-16 units may end inside an emoji, half of which no output can show
        return token.length() <= 4 ? "****"
                : token.substring(0, SafeText.cutPoint(token, 4)) + "…(" + token.length() + ")";
    }

    /** The text without its control and invisible characters, as a person reads it; null becomes "". */
    public static String visible(String text) {
        return withoutUnsafe(text, false);
    }

    /**
     * {@code text} without the characters {@link SafeText} escapes; with {@code keepSequences}, those it accepts inside
     * a sequence drawn as one (a joiner between two emoji, a flag's tags) stay. Null becomes "".
     */
    private static String withoutUnsafe(String text, boolean keepSequences) {
        if (text == null) {
            return "";
        }
        if ((keepSequences ? SafeText.firstUnsafeTyped(text) : SafeText.firstUnsafe(text)) < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (!SafeText.isUnsafe(cp) || keepSequences && VisibleSequences.partOf(text, i, cp)) {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /** The ASCII digits of {@code text}, in order (a regex here was compiled anew for every row of a listing). */
    private static String digits(String text) {
        StringBuilder digits = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.toString();
    }

    /** The last four digits of a phone number, what support staff search by. */
    public static String phoneSuffix(String phone) {
        if (phone == null) {
            return "";
        }
        String digits = digits(phone);
        return digits.length() <= 4 ? digits : digits.substring(digits.length() - 4);
    }

    /**
     * Removes every occurrence of {@code secret} (and its URL-encoded form) from a text, so a message built
     * from an exception or a server answer cannot leak an API key or a password.
     */
    public static String scrub(String text, String secret) {
        if (text == null || secret == null || secret.isEmpty()) {
            return text;
        }
        return text.replace(secret, "***").replace(URLEncoder.encode(secret, StandardCharsets.UTF_8), "***");
    }

    /**
     * Masks what looks like a Korean mobile number in any text ("010-1234-5678", "01012345678"). The document
     * masker replaces the person's own number as stored; this also catches other spellings of it in free text
     * (messages, Tilko errors).
     */
    public static String phones(String text) {
        if (text == null || text.length() < 10) {
            return text;
        }
        return MOBILE.matcher(text).replaceAll(match -> Matcher.quoteReplacement(phone(match.group())));
    }

    /**
     * Masks the personal numbers free text may hold whoever it is about: mobile numbers ({@link #phones}) and
     * resident registration numbers (900101-*******). For messages and Tilko errors shown beside a document whose own
     * person's values are masked by name; birth dates are left, since Tilko's data is full of YYYYMMDD dates that are
     * not.
     */
    public static String personalNumbers(String text) {
        String masked = phones(text);
        return masked == null || masked.length() < 14 ? masked
                : RESIDENT_NUMBER.matcher(masked).replaceAll("$1-*******");
    }

    /** What kind of personal number {@code text} holds first (mobile, resident or birth date), if any. */
    public static Optional<PersonalNumber> personalNumberIn(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (RESIDENT_NUMBER.matcher(text).find()) {
            return Optional.of(PersonalNumber.RESIDENT_NUMBER);
        }
        if (MOBILE.matcher(text).find()) {
            return Optional.of(PersonalNumber.MOBILE);
        }
        return BIRTH_DATE.matcher(text).find() ? Optional.of(PersonalNumber.BIRTH_DATE) : Optional.empty();
    }

    /** The personal numbers a text for others to read (a reason) must not hold. */
    public enum PersonalNumber { MOBILE, RESIDENT_NUMBER, BIRTH_DATE }

    /**
     * Masks a stored value that is not a readable document, where no tree can be walked: the values of the
     * known personal and token fields wherever they stand (a value cut off by truncation too, and fields of a
     * document stored as a JSON string, one escape level down), every other occurrence of those values (the
     * backend writes the name into message texts), and whatever looks like a mobile number, a birth date
     * (YYYYMMDD) or a resident registration number.
     */
    public static String raw(String raw) {
        if (raw == null || raw.isEmpty()) {
            return raw;
        }
        Map<String, String> found = new LinkedHashMap<>();
        String text = maskFields(raw, found);
        if (raw.contains("\\\"")) {
            // a document inside a JSON string: its fields are one escape level down
            maskFields(raw.replace("\\\\", "\u0000").replace("\\\"", "\"").replace("\u0000", "\\"), found);
        }
        // the longest first, so a value is never left half replaced by a shorter one inside it (most texts have
        // none, and the history masks every changed value it keeps, thousands a second: no sort for them)
        if (!found.isEmpty()) {
            for (Map.Entry<String, String> r : found.entrySet().stream()
                    .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed())
                    .toList()) {
                text = text.replace(r.getKey(), r.getValue());
            }
        }
        text = personalNumbers(text);
        return BIRTH_DATE.matcher(text).replaceAll(match -> match.group().substring(0, 4) + "****");
    }

    /** Masks the known fields in place and collects their values (and masks) in {@code found}. */
    private static String maskFields(String raw, Map<String, String> found) {
        StringBuilder out = new StringBuilder(raw.length());
        Matcher m = FIELD_START.matcher(raw);
        int copied = 0;
        int from = 0;
        while (from < raw.length() && m.find(from)) {
            int valueStart = m.end();
            int valueEnd = valueEnd(raw, valueStart);
            boolean cutOff = valueEnd == raw.length(); // no closing quote: the text ends inside the value
            from = cutOff ? valueEnd : valueEnd + 1;
            UnaryOperator<String> masker = maskerFor(m.group(1));
            String value = raw.substring(valueStart, valueEnd);
            if (masker == null || value.isEmpty()) {
                continue;
            }
            String plain = unescape(value);
            String masked = masker.apply(plain);
            // Very short values (a one-letter name, the first digits of a cut-off number) would mask unrelated
            // text; they are masked where they stand only.
            if (plain.strip().length() >= (cutOff ? 4 : 2)) {
                found.put(plain.strip(), masked);
                found.put(value, masked);
            }
            out.append(raw, copied, valueStart).append(masked);
            copied = valueEnd;
        }
        return out.append(raw, copied, raw.length()).toString();
    }

    /**
     * Where a JSON string value that starts at {@code start} ends: the index of its closing quote, or the end
     * of the text when it was cut off. A loop, not a regular expression: a long value made a regex's
     * alternation recurse until the stack overflowed.
     */
    private static int valueEnd(String raw, int start) {
        int i = start;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '"') {
                return i;
            }
            i += c == '\\' ? 2 : 1;
        }
        return raw.length();
    }

    private static UnaryOperator<String> maskerFor(String key) {
        if (NAME_FIELDS.contains(key)) {
            return Masking::name;
        }
        if (PHONE_FIELDS.contains(key)) {
            return Masking::phone;
        }
        if (BIRTH_FIELDS.contains(key)) {
            return Masking::birthdate;
        }
        if (TOKEN_FIELDS.contains(key)) {
            return Masking::token;
        }
        return null;
    }

    /** JSON's \\uXXXX escapes (ASCII-escaped Korean), so the masked value shows the first letter. */
    private static String unescape(String value) {
        if (value.indexOf('\\') < 0) {
            return value;
        }
        return UNICODE_ESCAPE.matcher(value)
                .replaceAll(match -> Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(match.group(1), 16))));
    }
}
