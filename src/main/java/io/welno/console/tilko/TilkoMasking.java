package io.welno.console.tilko;

/**
 * Masks personal data and secrets for logs and {@code toString()}: the product rule is that no name,
 * birthdate, phone number, token or API key is ever logged in clear.
 */
public final class TilkoMasking {

    private TilkoMasking() {
    }

    /** "홍길동" → "홍*동", "김철" → "김*", null → "". */
    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        int[] cps = name.strip().codePoints().toArray();
        if (cps.length == 1) {
            return "*";
        }
        StringBuilder sb = new StringBuilder().appendCodePoint(cps[0]);
        sb.append("*".repeat(Math.max(1, cps.length - 2)));
        if (cps.length > 2) {
            sb.appendCodePoint(cps[cps.length - 1]);
        }
        return sb.toString();
    }

    /** "01012341234" → "010****1234": keeps the carrier prefix and the last four digits operators search by. */
    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return "";
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() < 8) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
    }

    /** "19880101" → "1988****": the year is enough to tell people apart in a log. */
    public static String birthDate(String birthDate) {
        if (birthDate == null || birthDate.isBlank()) {
            return "";
        }
        String b = birthDate.strip();
        return b.length() <= 4 ? "****" : b.substring(0, 4) + "*".repeat(b.length() - 4);
    }

    /** Opaque secrets (tokens, ids): the first four characters and the length, enough to correlate. */
    public static String secret(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return value.length() <= 4 ? "****" : value.substring(0, 4) + "…(" + value.length() + ")";
    }

    /**
     * Removes every occurrence of {@code secret} (and its URL-encoded form) from a text, so a message
     * built from an exception or a server answer cannot leak the API key.
     */
    public static String scrub(String text, String secret) {
        if (text == null || secret == null || secret.isEmpty()) {
            return text;
        }
        String out = text.replace(secret, "***");
        String encoded = java.net.URLEncoder.encode(secret, java.nio.charset.StandardCharsets.UTF_8);
        return out.replace(encoded, "***");
    }
}
