package io.welno.console.view;

import io.welno.console.flow.AuditRecord;
import java.time.Instant;
import java.util.Locale;

/**
 * What the audit tab shows of the stream: each part blank (or null) matches everything. Operator and session match
 * a part of the value (an operator types "kim", a session its short id); action, event and result match exactly,
 * as they are chosen from the values the stream holds. Times are inclusive.
 */
public record AuditFilter(String operator, String action, String result, String session, Instant from, Instant to) {

    public boolean matches(AuditRecord entry) {
        return contains(entry.operator(), operator) && same(entry.action(), action) && same(entry.result(), result)
                && contains(entry.sessionId(), session)
                && (from == null || !entry.time().isBefore(from)) && (to == null || !entry.time().isAfter(to));
    }

    private static boolean contains(String value, String part) {
        return part == null || part.isBlank()
                || value.toLowerCase(Locale.ROOT).contains(part.strip().toLowerCase(Locale.ROOT));
    }

    private static boolean same(String value, String wanted) {
        return wanted == null || wanted.isBlank() || value.equals(wanted);
    }
}
