package io.welno.console.ui;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live feed describes its state in English sentences (it knows nothing of bundles). In another
 * language the status bar shows a translated sentence for each known shape, keeping the address and the
 * retry delay; the feed's own sentence, with the technical cause, goes to the tooltip. English gets the
 * feed's sentence unchanged, and a sentence of an unknown shape is shown as it is.
 */
final class FeedDetailText {

    private record Shape(Pattern pattern, String key) {
    }

    private static final List<Shape> SHAPES = List.of(
            new Shape(Pattern.compile("Connecting to (\\S+?)…?"), "feed.detail.connecting"),
            new Shape(Pattern.compile("Subscribing to keyspace notifications on (.+)"), "feed.detail.subscribing"),
            new Shape(Pattern.compile("Live from (.+?); .*"), "feed.detail.live"),
            new Shape(Pattern.compile(".*; polling every (.+)"), "feed.detail.polling"),
            new Shape(Pattern.compile("Lost the connection to (\\S+) \\(.*\\); retrying in (.+)"),
                    "feed.detail.lost"),
            new Shape(Pattern.compile("Still cannot reach (\\S+) \\(.*\\); retrying in (.+)"), "feed.detail.unreachable"),
            new Shape(Pattern.compile("Cannot reach (\\S+) \\(.*\\); retrying in (.+)"), "feed.detail.unreachable"),
            new Shape(Pattern.compile("Stopped"), "feed.detail.stopped"));

    private FeedDetailText() {
    }

    /** The sentence for the status bar in the current language. */
    static String localize(I18n i18n, String detail) {
        if (detail == null || detail.isEmpty() || "en".equals(i18n.locale().getLanguage())) {
            return detail == null ? "" : detail;
        }
        for (Shape shape : SHAPES) {
            Matcher m = shape.pattern().matcher(detail);
            if (m.matches()) {
                Object[] args = new Object[m.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = m.group(i + 1);
                }
                return i18n.format(shape.key(), args);
            }
        }
        return detail;
    }
}
