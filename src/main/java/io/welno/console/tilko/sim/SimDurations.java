package io.welno.console.tilko.sim;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Parses the human durations of the CLI and the control API: "500ms", "5s", "2m", "PT5S", "manual". */
public final class SimDurations {

    private SimDurations() {
    }

    /**
     * @return the duration, or null for "manual"/"never"/"off" (approval only on explicit approve)
     * @throws IllegalArgumentException for anything else
     */
    public static Duration parseOrManual(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("manual") || t.equals("never") || t.equals("off")) {
            return null;
        }
        return parse(t);
    }

    /** A non-negative duration: a bare number means seconds. */
    public static Duration parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Duration d;
        try {
            if (t.startsWith("pt") || t.startsWith("p")) {
                d = Duration.parse(t.toUpperCase(Locale.ROOT));
            } else if (t.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).strip()));
            } else if (t.endsWith("s")) {
                d = Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1).strip()) * 1000));
            } else if (t.endsWith("m")) {
                d = Duration.ofSeconds(Math.round(Double.parseDouble(t.substring(0, t.length() - 1).strip()) * 60));
            } else {
                d = Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (try 500ms, 5s, 2m or manual)");
        }
        if (d.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative: " + text);
        }
        return d;
    }
}
