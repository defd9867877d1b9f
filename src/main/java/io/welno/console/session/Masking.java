package io.welno.console.session;

/** Masks personal data for tables, logs and exports: 김*늘, 010-****-5678, 1990****, tok…(masked). */
public final class Masking {

    private Masking() {
    }

    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        int[] cps = name.strip().codePoints().toArray();
        if (cps.length == 1) {
            return "*";
        }
        if (cps.length == 2) {
            return new String(cps, 0, 1) + "*";
        }
        return new String(cps, 0, 1) + "*".repeat(cps.length - 2) + new String(cps, cps.length - 1, 1);
    }

    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return "";
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() < 7) {
            return "*".repeat(digits.length());
        }
        String head = digits.substring(0, 3);
        String tail = digits.substring(digits.length() - 4);
        return head + "-****-" + tail;
    }

    public static String birthdate(String birthdate) {
        if (birthdate == null || birthdate.isBlank()) {
            return "";
        }
        String trimmed = birthdate.strip();
        return trimmed.length() <= 4 ? "****" : trimmed.substring(0, 4) + "*".repeat(trimmed.length() - 4);
    }

    public static String token(String token) {
        if (token == null || token.isEmpty()) {
            return "";
        }
        return token.length() <= 4 ? "****" : token.substring(0, 4) + "…(" + token.length() + ")";
    }

    /** The last four digits of a phone number, what support staff search by. */
    public static String phoneSuffix(String phone) {
        if (phone == null) {
            return "";
        }
        String digits = phone.replaceAll("\\D", "");
        return digits.length() <= 4 ? digits : digits.substring(digits.length() - 4);
    }
}
