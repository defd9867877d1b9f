package io.welno.console.view;

import java.util.regex.Pattern;

/**
 * Settles the particles the Korean texts write in both forms after a placeholder ("{0}을(를)", "{0}이(가)", "{0}(으)로"):
 * the text cannot know what fills the placeholder, but once it is filled the sound it ends on decides, as it would for
 * a Korean writer — "초기화를", "'승인 대기'가", "17:05:02가", "세션을". The sound is read from a Hangul syllable's
 * final consonant and from a digit's Korean reading (1 일, 3 삼, 6 육, 7 칠, 8 팔 end on one; 2, 4, 5, 9 do not).
 * Where it cannot be told for sure — a Latin letter (a letter's name, or an English word?), 0 (영, or 십, 백 …), a
 * symbol, a parenthesis — both forms stay, as written.
 *
 * <p>Only the particles the pattern puts after a placeholder are touched ({@link #mark} sets a mark before each when the
 * pattern is parsed): what fills a placeholder comes from outside (a Tilko message, a session's field) and is shown as
 * it is, whatever it holds.
 */
final class KoreanParticles {

    /** Private use: no text of the bundles has it; put before a particle that follows a placeholder. */
    private static final char MARK = '\uE000';
    private static final Pattern AFTER_PLACEHOLDER = Pattern.compile(
            "(\\{\\d+[^}]*}(?:''|\")?)(을\\(를\\)|이\\(가\\)|은\\(는\\)|와\\(과\\)|과\\(와\\)|\\(으\\)로)");

    /** Each form as written, then its form after a final consonant, then after none. */
    private static final String[][] FORMS = {
        {"을(를)", "을", "를"},
        {"이(가)", "이", "가"},
        {"은(는)", "은", "는"},
        {"와(과)", "과", "와"},
        {"과(와)", "과", "와"},
        {"(으)로", "으로", "로"},
    };
    private static final int UNKNOWN = -1;
    private static final int NONE = 0;
    /** ㄹ: "(으)로" takes 로 after it as after no final consonant. */
    private static final int RIEUL = 8;

    private KoreanParticles() {
    }

    /** A {@link java.text.MessageFormat} pattern with a mark before each particle in both forms after a placeholder. */
    static String mark(String pattern) {
        return pattern.indexOf('(') < 0 ? pattern : AFTER_PLACEHOLDER.matcher(pattern).replaceAll("$1" + MARK + "$2");
    }

    /** A text formatted from a {@link #mark}ed pattern, each marked particle settled where the word before tells which. */
    static String settle(String text) {
        int at = text.indexOf(MARK);
        if (at < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        for (; at >= 0; at = text.indexOf(MARK, at + 1)) {
            String[] form = formAt(text, at + 1);
            if (form == null) {
                continue; // not one of ours: a mark that came with what fills a placeholder stays (one before a
                // particle's two forms is taken for ours, which at most settles that particle)
            }
            out.append(text, copied, at);
            int sound = finalSound(out);
            boolean closed = form[0].equals("(으)로") ? sound != NONE && sound != RIEUL : sound != NONE;
            out.append(sound == UNKNOWN ? form[0] : closed ? form[1] : form[2]);
            copied = at + 1 + form[0].length();
        }
        return out.append(text, copied, text.length()).toString();
    }

    private static String[] formAt(String text, int at) {
        for (String[] form : FORMS) {
            if (text.startsWith(form[0], at)) {
                return form;
            }
        }
        return null;
    }

    /** The final consonant of what {@code before} ends on (behind one closing quote): NONE, its index, or UNKNOWN. */
    private static int finalSound(CharSequence before) {
        int i = before.length() - 1;
        if (i >= 0 && "'\"’”」』".indexOf(before.charAt(i)) >= 0) {
            i--;
        }
        if (i < 0) {
            return UNKNOWN;
        }
        char c = before.charAt(i);
        if (c >= '가' && c <= '힣') {
            return (c - '가') % 28;
        }
        return switch (c) {
            case '2', '4', '5', '9' -> NONE;
            case '1', '7', '8' -> RIEUL;
            case '3' -> 16; // ㅁ
            case '6' -> 1; // ㄱ
            default -> UNKNOWN;
        };
    }
}
