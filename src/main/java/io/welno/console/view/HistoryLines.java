package io.welno.console.view;

import io.welno.console.text.SafeText;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A session's observed versions as lines of text, the same in the window's History tab and in {@code watch --diff}:
 * a heading per version (time · author · status) and one line per changed field ({@code ~ field: was → now},
 * {@code + field: value}, {@code − field: value}). Values are masked already; here everything is escaped and bounded.
 */
public final class HistoryLines {

    private HistoryLines() {
    }

    /**
     * "14:03:22 KST · backend · Auth completed", "… · Expired · Redis (…)"; a version a pass found says so after its
     * time ("… · found when the console read every session again (it changed earlier) · backend · …", "… · Gone, found
     * missing …"), as the time is when it was found.
     */
    public static String heading(HistoryVersion version, Wording words, ZoneId zone, LocalDateTime now) {
        Texts texts = words.texts();
        String time = Formats.moment(texts, LocalDateTime.ofInstant(version.at(), zone), now, zone);
        String author = words.render(version.author().phrase());
        return switch (version.kind()) {
            case CHANGED -> time + (version.found() ? " · " + texts.get("history.found") : "") + " · " + author
                    + " · " + words.status(version.status());
            case REMOVED -> time + " · " + texts.get("history.version.removed");
            case EXPIRED -> time + " · " + texts.get("history.version.expired") + " · " + author;
            case GONE -> time + " · " + texts.get("history.version.gone");
        };
    }

    /** The changed fields, one line each, then how many more there were. */
    public static List<String> fields(HistoryVersion version, Wording words) {
        List<String> out = new ArrayList<>(version.fields().size() + 1);
        for (FieldDiff.Field field : version.fields()) {
            String name = SafeText.bounded(field.field(), SafeText.FIELD);
            if (field.was() == null) {
                out.add("+ " + name + ": " + value(field.now()));
            } else if (field.now() == null) {
                out.add("- " + name + ": " + value(field.was())); // ASCII: monospaced Korean fonts may lack U+2212
            } else {
                out.add("~ " + name + ": " + value(field.was()) + " → " + value(field.now()));
            }
        }
        if (version.moreFields() > 0) {
            out.add(words.texts().format("history.more", version.moreFields()));
        }
        return out;
    }

    /** The bottom line: when the console first saw the session. */
    public static String origin(SessionHistory.Origin origin, Wording words, ZoneId zone, LocalDateTime now) {
        return words.texts().format("history.origin",
                Formats.moment(words.texts(), LocalDateTime.ofInstant(origin.at(), zone), now, zone),
                words.status(origin.status()));
    }

    /** What the history keeps and why it may show fewer versions than there were writes. */
    public static String bound(SessionHistory.Bounds bounds, Wording words) {
        return words.texts().format("history.bound", bounds.perSession(), bounds.total(), bounds.maxBytes() >> 20);
    }

    private static String value(String text) {
        return SafeText.bounded(text, SafeText.TEXT);
    }
}
