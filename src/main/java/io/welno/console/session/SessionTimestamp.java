package io.welno.console.session;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * A timestamp as found in a session document. The backend writes naive local ISO strings and compares
 * them naively, so a value with an offset is readable for us but breaks the backend ({@link #hasOffset()}).
 *
 * @param raw      the exact string in the document
 * @param local    the wall-clock time in the backend's zone (offset values converted into that zone)
 * @param hasOffset whether the string carried an offset or {@code Z}
 */
public record SessionTimestamp(String raw, LocalDateTime local, boolean hasOffset) {

    /** Parses a document value; returns {@code null} when the string is not an ISO-8601 date-time. */
    public static SessionTimestamp parse(String raw, ZoneId backendZone) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.trim();
        try {
            return new SessionTimestamp(raw, LocalDateTime.parse(text), false);
        } catch (DateTimeParseException notNaive) {
            try {
                OffsetDateTime withOffset = OffsetDateTime.parse(text);
                return new SessionTimestamp(raw, withOffset.atZoneSameInstant(backendZone).toLocalDateTime(), true);
            } catch (DateTimeParseException notIso) {
                return null;
            }
        }
    }

    public ZonedDateTime inZone(ZoneId backendZone) {
        return local.atZone(backendZone);
    }
}
