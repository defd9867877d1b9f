package io.welno.console.view;

import io.welno.console.session.SessionStatus;
import io.welno.console.session.StuckPolicy;
import io.welno.console.session.StuckReason;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import io.welno.console.text.Phrase;

/**
 * What "stuck" means and why one session is: the Stuck bucket's tooltip lists the policy's limits, and a stuck
 * session's line says how long it has waited in which step against which limit. The rule itself is
 * {@link StuckPolicy}'s; this only puts it into phrases.
 */
public final class StuckExplanation {

    private StuckExplanation() {
    }

    /** "A session is stuck when it stays in one step longer than it should: Initiated 10m, …". */
    public static Phrase bucket(StuckPolicy policy) {
        List<Phrase> limits = new ArrayList<>();
        policy.thresholds().entrySet().stream()
                .sorted(Comparator.comparingInt(e -> SessionStatus.KNOWN.indexOf(e.getKey())))
                .forEach(e -> limits.add(Phrase.of("stuck.limit", e.getKey(), e.getValue())));
        return Phrase.of("bucket.stuck.tip", limits, StuckPolicy.EXPIRY_MARGIN);
    }

    /**
     * Why the session is in the Stuck bucket at {@code now}, or empty when it is not there. The bucket and the reason
     * are one rule ({@link StuckPolicy}): a lapsed claim, the approaching expiry, or the status's threshold.
     */
    public static Optional<Phrase> of(SessionRow row, StuckPolicy policy, LocalDateTime now) {
        if (row == null || row.isEnded() || !row.readable() || !row.isStuck(policy, now)) {
            return Optional.empty();
        }
        return policy.why(row.document(), now).map(StuckReason::phrase);
    }
}
