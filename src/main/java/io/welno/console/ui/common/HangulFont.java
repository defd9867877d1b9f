package io.welno.console.ui.common;

import java.util.List;
import java.util.Optional;
import javafx.scene.text.Font;

/**
 * JavaFX's default font on Linux often has no Hangul glyphs and does not fall back, so names and
 * messages would render as boxes. Pick a family that has them (Windows and macOS ship one; on Linux the
 * Noto CJK or Nanum packages), and use it for the whole window.
 */
public final class HangulFont {

    private static final List<String> CANDIDATES = List.of("Malgun Gothic", "Apple SD Gothic Neo",
            "Noto Sans CJK KR", "Noto Sans KR", "NanumGothic", "Nanum Gothic", "UnDotum", "Baekmuk Gulim");

    private static final List<String> MONO_CANDIDATES = List.of("D2Coding", "Noto Sans Mono CJK KR",
            "NanumGothicCoding", "Malgun Gothic", "Apple SD Gothic Neo");

    private HangulFont() {
    }

    /** For JSON and diffs: a monospaced family with Hangul, else any family with Hangul. */
    public static String monoStyle() {
        List<String> installed = Font.getFamilies();
        return MONO_CANDIDATES.stream().filter(installed::contains).findFirst()
                .or(HangulFont::family).map(f -> "-fx-font-family: \"" + f + "\";").orElse("");
    }

    public static Optional<String> family() {
        List<String> installed = Font.getFamilies();
        return CANDIDATES.stream().filter(installed::contains).findFirst();
    }

    /** The root style that makes every control use the chosen family, or "" when none is installed. */
    public static String rootStyle() {
        return family().map(f -> "-fx-font-family: \"" + f + "\";").orElse("");
    }
}
