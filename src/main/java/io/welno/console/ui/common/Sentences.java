package io.welno.console.ui.common;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live feed describes its states in English sentences (it knows nothing of bundles). In another language the
 * window shows a translated sentence for each known shape, keeping the address or the delay; the original
 * sentence, with the technical cause, goes to a tooltip where there is one. English gets the original unchanged, and a sentence of an unknown shape is shown as
 * it is.
 */
public final class Sentences {

    private record Shape(Pattern pattern, String key) {
    }

    private static final List<Shape> FEED = List.of(
            new Shape(Pattern.compile("Connecting to (\\S+?)…?"), "feed.detail.connecting"),
            new Shape(Pattern.compile("Subscribing to keyspace notifications on (.+)"), "feed.detail.subscribing"),
            new Shape(Pattern.compile("Live from (.+?); .*"), "feed.detail.live"),
            new Shape(Pattern.compile(".*; polling every (.+)"), "feed.detail.polling"),
            new Shape(Pattern.compile("Lost the connection to (\\S+) \\(.*\\); retrying in (.+)"),
                    "feed.detail.lost"),
            new Shape(Pattern.compile("Still cannot reach (\\S+) \\(.*\\); retrying in (.+)"), "feed.detail.unreachable"),
            new Shape(Pattern.compile("Cannot reach (\\S+) \\(.*\\); retrying in (.+)"), "feed.detail.unreachable"),
            new Shape(Pattern.compile("Stopped"), "feed.detail.stopped"));

    private Sentences() {
    }

    /** The feed's state sentence for the status bar, in the current language. */
    public static String feed(I18n i18n, String detail) {
        return localize(i18n, detail, FEED);
    }

    private static String localize(I18n i18n, String text, List<Shape> shapes) {
        if (text == null || text.isEmpty() || "en".equals(i18n.locale().getLanguage())) {
            return text == null ? "" : text;
        }
        for (Shape shape : shapes) {
            Matcher m = shape.pattern().matcher(text);
            if (m.matches()) {
                Object[] args = new Object[m.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = m.group(i + 1);
                }
                return i18n.format(shape.key(), args);
            }
        }
        return text;
    }
}
