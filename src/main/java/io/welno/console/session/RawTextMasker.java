package io.welno.console.session;

import io.welno.console.session.Masking;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data in a stored value that is not a readable document (not JSON, truncated, wrong
 * shapes), where {@code DocumentMasker} cannot walk a tree: the values of the known personal and token
 * fields are masked wherever they stand (a truncated value too), every other occurrence of those values
 * (the backend writes the name into message texts) is replaced, and anything that looks like a Korean
 * mobile number is masked as well. Pure and cheap; used for the raw view, the table and exports.
 */
public final class RawTextMasker {

    private static final Set<String> NAME_FIELDS = Set.of("name", "userName", "user_name", "UserName");
    private static final Set<String> PHONE_FIELDS = Set.of("phone_no", "phoneNo", "userCellphoneNumber",
            "UserCellphoneNumber", "phone");
    private static final Set<String> BIRTH_FIELDS = Set.of("birthdate", "birthDate", "birthday", "BirthDate");
    private static final Set<String> TOKEN_FIELDS = Set.of("token", "Token", "cxId", "CxId", "reqTxId", "ReqTxId",
            "txId", "TxId");

    /** "key": "value" — the value may be cut off by the end of the text (a truncated document). */
    private static final Pattern FIELD = Pattern.compile("\"([A-Za-z_]+)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)(\"|$)");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)01[016789][- ]?\\d{3,4}[- ]?\\d{4}(?!\\d)");
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");

    private RawTextMasker() {
    }

    public static String mask(String raw) {
        if (raw == null || raw.isEmpty()) {
            return raw;
        }
        Map<String, String> replacements = new LinkedHashMap<>();
        StringBuilder out = new StringBuilder(raw.length());
        Matcher m = FIELD.matcher(raw);
        while (m.find()) {
            String key = m.group(1);
            String value = m.group(2);
            UnaryOperator<String> masker = maskerFor(key);
            String replacement = m.group(0);
            if (masker != null && !value.isEmpty()) {
                String plain = unescape(value);
                String masked = masker.apply(plain);
                if (!TOKEN_FIELDS.contains(key) && plain.strip().length() >= 2) {
                    replacements.put(plain.strip(), masked);
                    replacements.put(value, masked);
                }
                replacement = raw.substring(m.start(), m.start(2)) + masked + m.group(3);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        String text = out.toString();
        for (Map.Entry<String, String> r : replacements.entrySet()) {
            text = text.replace(r.getKey(), r.getValue());
        }
        return maskPhones(text);
    }

    /**
     * Masks what looks like a Korean mobile number in any text ("010-1234-5678", "01012345678"). The
     * document masker replaces the person's own number as stored; this also catches other spellings
     * of it in free text (messages, Tilko errors). Applied to everything shown or exported masked.
     */
    public static String maskPhones(String text) {
        if (text == null || text.length() < 10) {
            return text;
        }
        return MOBILE.matcher(text).replaceAll(match -> Matcher.quoteReplacement(Masking.phone(match.group())));
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
