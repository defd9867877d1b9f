package io.welno.console.ui;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live feed and the document parser describe states in English sentences (they know nothing of
 * bundles). In another language the window shows a translated sentence for each known shape, keeping the
 * address, the delay or the position; the original sentence, with the technical cause, goes to a tooltip
 * where there is one. English gets the original unchanged, and a sentence of an unknown shape is shown as
 * it is.
 */
final class Sentences {

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

    private static final List<Shape> UNREADABLE = List.of(
            new Shape(Pattern.compile("The value is empty\\."), "unreadable.empty"),
            new Shape(Pattern.compile("The value is not valid UTF-8 text.*"), "unreadable.utf8"),
            new Shape(Pattern.compile("Truncated JSON: the value ends after (\\d+) characters.*"), "unreadable.truncated"),
            new Shape(Pattern.compile("Not valid JSON \\(line (\\d+), column (\\d+)\\).*", Pattern.DOTALL),
                    "unreadable.syntax"),
            new Shape(Pattern.compile("Not valid JSON.*", Pattern.DOTALL), "unreadable.json"),
            new Shape(Pattern.compile("The value is JSON but not an object \\(it is (.+)\\)\\."), "unreadable.notObject"),
            new Shape(Pattern.compile("\"(\\w+)\" is (.+?), not a list.*"), "unreadable.notList"),
            new Shape(Pattern.compile("\"(\\w+)\" is (.+?), not an object.*"), "unreadable.fieldNotObject"));

    /** JSON kinds as the parser names them, for the Korean sentences. */
    private static final Map<String, String> KINDS = Map.of("an array", "unreadable.kind.array",
            "a string", "unreadable.kind.string", "a number", "unreadable.kind.number",
            "a boolean", "unreadable.kind.boolean", "null", "unreadable.kind.null", "an object", "unreadable.kind.object");

    private Sentences() {
    }

    /** The feed's state sentence for the status bar, in the current language. */
    static String feed(I18n i18n, String detail) {
        return localize(i18n, detail, FEED);
    }

    /** Why a stored value is not a readable session, in the current language. */
    static String unreadable(I18n i18n, String reason) {
        return localize(i18n, reason, UNREADABLE);
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
                    String group = m.group(i + 1);
                    args[i] = KINDS.containsKey(group) ? i18n.get(KINDS.get(group)) : group;
                }
                return i18n.format(shape.key(), args);
            }
        }
        return text;
    }
}
