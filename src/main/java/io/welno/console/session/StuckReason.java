package io.welno.console.session;

import io.welno.console.text.Phrase;
import java.time.Duration;

/**
 * Why a session is in the stuck bucket, for the window's tooltip and the reset guard's message.
 *
 * @param idle   how long since the session last made progress
 * @param amount for {@link Kind#IDLE} the status's threshold; for {@link Kind#EXPIRES_SOON} the time left
 *               before {@code expires_at}; for {@link Kind#LEASE_LAPSED} how long ago the lease ran out
 */
public record StuckReason(Kind kind, SessionStatus status, Duration idle, Duration amount) {

    public enum Kind {
        /** No progress for longer than the status's threshold. */
        IDLE,
        /** Not moving, and the backend deletes it soon. */
        EXPIRES_SOON,
        /** A console claimed it and stopped renewing its lease (it died or lost Redis). */
        LEASE_LAPSED
    }

    public Phrase phrase() {
        return switch (kind) {
            case IDLE -> Phrase.of("stuck.idle", status, idle, amount);
            case EXPIRES_SOON -> Phrase.of("stuck.expiresSoon", status, idle, amount);
            case LEASE_LAPSED -> Phrase.of("stuck.leaseLapsed", status, amount);
        };
    }
}
