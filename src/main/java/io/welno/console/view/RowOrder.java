package io.welno.console.view;

import java.time.LocalDateTime;
import java.util.Comparator;

/**
 * The session table's orders by time. Written out rather than {@code Comparator.comparing(…, nullsFirst(…))}: the
 * JDK's composed comparators share one lambda class per kind, so the calls inside them see every comparator of the
 * process and the JIT cannot inline them. The table keeps its rows in the chosen order as they change (the default,
 * the last update, moves every written session), thousands of comparisons a frame; while the JIT had not compiled the
 * composed chain yet, they were most of the FX thread's own work in the first seconds after a large load.
 */
public final class RowOrder {

    /** Oldest update first; a row without one (unreadable) before every other. */
    public static final Comparator<SessionRow> BY_UPDATE = (a, b) -> byTime(a.updatedAt(), b.updatedAt());
    /** Nearest expiry first; a row without one before every other. */
    public static final Comparator<SessionRow> BY_EXPIRY = (a, b) -> byTime(a.expiresAt(), b.expiresAt());
    /** Youngest first (the smallest age); a row whose start is unknown after every other. */
    public static final Comparator<SessionRow> BY_AGE = (a, b) -> byTime(b.createdAt(), a.createdAt());

    private RowOrder() {
    }

    /** Two times in order, a missing one before every time. */
    static int byTime(LocalDateTime a, LocalDateTime b) {
        if (a == null || b == null) {
            return a == b ? 0 : a == null ? -1 : 1;
        }
        return a.compareTo(b);
    }
}
