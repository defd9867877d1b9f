package io.welno.console.ui;

import io.welno.console.ui.common.Themes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Text stays readable in both themes: every text colour in the stylesheets, resolved through the theme's
 * looked-up colours, has a WCAG 2 contrast of at least 4.5:1 against the background it is drawn on (its
 * own rule's background, else the page and the panels); status chips and badges included. Chart lines
 * and areas are graphics and need 3:1 against the panel.
 */
class ThemeContrastTest {

    private static final Pattern VARIABLE = Pattern.compile("(-[a-z][a-z0-9-]*)\\s*:\\s*([^;]+);");
    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^}]*)}");
    private static final Pattern PROPERTY = Pattern.compile("(-fx-[a-z-]+)\\s*:\\s*([^;]+);");
    private static final String[] CHIPS = {"neutral", "progress", "wait", "ok", "bad", "odd"};
    private static final String[] SERIES = {"waiting", "approved", "collecting", "completed", "failed", "other"};

    private static String css(String name) throws IOException {
        try (InputStream in = ThemeContrastTest.class.getResourceAsStream("/io/welno/console/ui/common/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?s)/\\*.*?\\*/", "");
        }
    }

    private static Map<String, String> variables(Themes theme) throws IOException {
        Map<String, String> vars = new LinkedHashMap<>();
        Matcher m = VARIABLE.matcher(css(theme.sheet()));
        while (m.find()) {
            if (!m.group(1).startsWith("-fx-")) {
                vars.put(m.group(1), m.group(2).strip());
            }
        }
        return vars;
    }

    /** A colour as {r, g, b} in 0..255, through looked-up colours; null for what is not a plain colour. */
    static double[] resolve(String value, Map<String, String> vars) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        for (int depth = 0; depth < 10 && vars.containsKey(v); depth++) {
            v = vars.get(v).strip().toLowerCase(Locale.ROOT);
        }
        if (v.equals("white")) {
            return new double[] {255, 255, 255};
        }
        if (v.equals("black")) {
            return new double[] {0, 0, 0};
        }
        if (v.matches("#[0-9a-f]{6}")) {
            return new double[] {Integer.parseInt(v.substring(1, 3), 16), Integer.parseInt(v.substring(3, 5), 16),
                Integer.parseInt(v.substring(5, 7), 16)};
        }
        if (v.matches("#[0-9a-f]{3}")) {
            return new double[] {Integer.parseInt(v.substring(1, 2).repeat(2), 16),
                Integer.parseInt(v.substring(2, 3).repeat(2), 16), Integer.parseInt(v.substring(3, 4).repeat(2), 16)};
        }
        return null;
    }

    static double luminance(double[] rgb) {
        double[] lin = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = rgb[i] / 255.0;
            lin[i] = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
    }

    static double contrast(double[] a, double[] b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static void check(List<String> failures, String what, String fg, String bg, Map<String, String> vars,
                              double minimum) {
        double[] f = resolve(fg, vars);
        double[] b = resolve(bg, vars);
        if (f == null || b == null) {
            failures.add(what + ": cannot resolve " + (f == null ? fg : bg) + " to a colour");
            return;
        }
        double ratio = contrast(f, b);
        if (ratio < minimum) {
            failures.add(String.format(Locale.ROOT, "%s: %s on %s is %.2f:1 (< %.1f)", what, fg, bg, ratio, minimum));
        }
    }

    @ParameterizedTest
    @EnumSource(Themes.class)
    void statusChipsBadgesAndTextsHaveEnoughContrast(Themes theme) throws IOException {
        Map<String, String> vars = variables(theme);
        List<String> failures = new ArrayList<>();
        for (String chip : CHIPS) {
            check(failures, "chip " + chip, "-chip-" + chip + "-fg", "-chip-" + chip + "-bg", vars, 4.5);
        }
        String[] surfaces = {"-welno-bg", "-welno-panel"};
        int checked = 0;
        Matcher rule = RULE.matcher(css("console.css"));
        while (rule.find()) {
            String selector = rule.group(1).strip();
            Map<String, String> props = new LinkedHashMap<>();
            Matcher p = PROPERTY.matcher(rule.group(2));
            while (p.find()) {
                props.put(p.group(1), p.group(2).strip());
            }
            String background = props.containsKey("-fx-background-color")
                    ? props.get("-fx-background-color").split(",")[0].strip() : null;
            String text = props.getOrDefault("-fx-text-fill", props.get("-fx-tick-label-fill"));
            if (text == null && background != null && selector.startsWith(".env-") && !selector.contains(":")) {
                text = "white"; // .env-badge writes white on every environment colour
            }
            if (text == null || "transparent".equals(background) || text.startsWith("-fx-")) {
                continue; // -fx-text-background-color etc.: Modena's ladders pick a readable colour themselves
            }
            if (background != null) {
                check(failures, selector, text, background, vars, 4.5);
            } else {
                for (String surface : surfaces) {
                    check(failures, selector, text, surface, vars, 4.5);
                }
            }
            checked++;
        }
        assertTrue(checked > 20, "only " + checked + " text rules found in console.css");
        for (String series : SERIES) {
            check(failures, "chart series " + series, "-dash-" + series, "-welno-panel", vars, 3.0);
        }
        check(failures, "funnel bars", "-dash-bar", "-welno-panel", vars, 3.0);
        assertEquals(List.of(), failures, theme + " theme");
    }

    @org.junit.jupiter.api.Test
    void theContrastFormulaMatchesWcagReferenceValues() {
        assertEquals(21.0, contrast(new double[] {0, 0, 0}, new double[] {255, 255, 255}), 0.01);
        assertEquals(4.54, contrast(resolve("#767676", Map.of()), resolve("white", Map.of())), 0.01);
    }
}
