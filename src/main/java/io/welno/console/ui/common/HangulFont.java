package io.welno.console.ui.common;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javafx.scene.text.Font;
import org.slf4j.LoggerFactory;

/**
 * JavaFX's default font on Linux often has no Hangul glyphs and does not fall back, so names and
 * messages would render as boxes. Pick a family that has them: an installed one (Windows and macOS ship one; on
 * Linux the Noto CJK or Nanum packages, which the deb and rpm depend on), else Pretendard, which the app carries
 * under {@code fonts/} beside its licence (SIL OFL 1.1), so Korean renders even on a desktop without any.
 * The choice is made once: loading the bundled font costs a tenth of a second, so the window's start-up does it on
 * its own thread ({@link #prepare()}) before the first frame needs it.
 */
public final class HangulFont {

    /** The family of the fonts under {@code fonts/}. */
    public static final String BUNDLED_FAMILY = "Pretendard";

    /** Regular and bold: the window's CSS uses no other weight (SemiBold would register as a family of its own). */
    static final List<String> BUNDLED_FILES = List.of("fonts/Pretendard-Regular.otf", "fonts/Pretendard-Bold.otf");

    /**
     * Not the older Linux families (UnDotum, Baekmuk Gulim): they hold KS X 1001 and little more, so the window's
     * dashes and marks would be boxes where nothing falls back; the bundled family has them all.
     */
    static final List<String> CANDIDATES = List.of("Malgun Gothic", "Apple SD Gothic Neo",
            "Noto Sans CJK KR", "Noto Sans KR", "NanumGothic", "Nanum Gothic");

    private static final List<String> MONO_CANDIDATES = List.of("D2Coding", "Noto Sans Mono CJK KR",
            "NanumGothicCoding", "Malgun Gothic", "Apple SD Gothic Neo");

    private static Optional<String> chosen;
    private static Optional<String> chosenMono;

    private HangulFont() {
    }

    /**
     * Makes the choice (and loads the bundled font when it is needed) now, on the calling thread: the console's
     * start-up thread calls it so that the FX thread finds the answer ready.
     */
    public static void prepare() {
        family();
    }

    /** The family the window uses for Korean: an installed one, else the bundled one; empty if neither loads. */
    public static synchronized Optional<String> family() {
        if (chosen == null) {
            List<String> installed = Font.getFamilies();
            chosen = choose(installed, HangulFont::loadBundled);
            chosenMono = MONO_CANDIDATES.stream().filter(installed::contains).findFirst().or(() -> chosen);
        }
        return chosen;
    }

    /** An installed family from the candidates first; the bundled one only when none is installed and it loads. */
    static Optional<String> choose(List<String> installed, BooleanSupplier loadBundled) {
        Optional<String> system = CANDIDATES.stream().filter(installed::contains).findFirst();
        if (system.isPresent()) {
            return system;
        }
        return loadBundled.getAsBoolean() ? Optional.of(BUNDLED_FAMILY) : Optional.empty();
    }

    /**
     * For JSON and diffs: a monospaced family with Hangul, else the Hangul family (proportional, but readable:
     * a monospaced font without Hangul would show boxes).
     */
    public static synchronized String monoStyle() {
        family();
        return style(chosenMono);
    }

    /**
     * For a text in one of the stylesheet's monospaced classes ({@code .cell-mono}, {@code .detail-title}): none for
     * ASCII, which keeps the class's monospaced face (ids line up); {@link #monoStyle()} for any other text. The
     * generic "monospace" on a Linux desktop without a Korean font has no Hangul and does not fall back to the
     * bundled family, so an id cell's "(ID 없음)" or a Korean session id would be boxes. On Windows and macOS the
     * family chosen is an installed Korean one, so the rule holds there too.
     */
    public static String monoStyleFor(String text) {
        return text == null || text.chars().allMatch(c -> c < 0x80) ? "" : monoStyle();
    }

    /** The root style that makes every control use the chosen family, or "" when none is available. */
    public static String rootStyle() {
        return style(family());
    }

    private static String style(Optional<String> family) {
        return family.map(f -> "-fx-font-family: \"" + f + "\";").orElse("");
    }

    private static boolean loadBundled() {
        boolean loaded = false;
        for (String file : BUNDLED_FILES) { // at any size: loading registers the face for every size
            try (InputStream in = HangulFont.class.getResourceAsStream(file)) {
                Font font = in == null ? null : Font.loadFont(in, 12);
                if (font == null) {
                    LoggerFactory.getLogger(HangulFont.class).warn("The bundled font {} did not load", file);
                } else {
                    loaded |= BUNDLED_FAMILY.equals(font.getFamily());
                }
            } catch (IOException e) {
                LoggerFactory.getLogger(HangulFont.class).warn("The bundled font {} did not load: {}", file, e.toString());
            }
        }
        return loaded;
    }
}
