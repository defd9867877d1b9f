package io.welno.console.view;

import java.util.Locale;
import java.util.Optional;

/**
 * How times of day are written: on the 24-hour clock ("14:03:22", the default: support staff compare times with
 * the backend's logs) or as the language writes them ("2:03:22 PM", "오후 2:03:22"). One setting for the table,
 * the messages, the detail pane and the charts ({@link Formats}).
 */
public enum TimeStyle {
    H24,
    LOCALE;

    /** The name kept in the preferences. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TimeStyle> fromWire(String wire) {
        for (TimeStyle style : values()) {
            if (wire != null && style.wire().equals(wire.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(style);
            }
        }
        return Optional.empty();
    }
}
