package io.welno.console.view;

import io.welno.console.live.ChangeKind;
import java.util.Locale;

/**
 * How a session left Redis, as far as the console can tell: expired or deleted as the feed told it, or only gone when
 * a pass reading every session again found it missing — which of the two is then not known (the feed's kind is its
 * guess from the last TTL it saw), so nothing that says it names one (docs/live.md, "What a pass found is told as
 * found").
 */
public enum Ending {
    EXPIRED, REMOVED, GONE;

    /** @param foundByPass whether a pass found it missing rather than being told as it went */
    public static Ending of(ChangeKind kind, boolean foundByPass) {
        return foundByPass ? GONE : kind == ChangeKind.EXPIRED ? EXPIRED : REMOVED;
    }

    /** The last word of its texts' keys: "ended.gone", "detail.ended.expired", "history.version.removed". */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
