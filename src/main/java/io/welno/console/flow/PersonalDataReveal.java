package io.welno.console.flow;

import io.welno.console.text.Phrase;
import io.welno.console.text.SafeText;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Showing one session's personal data unmasked: a developer may, and every reveal is an audited event, like an
 * action. The window's reveal button and {@code show --reveal} both go through here, so the rule and the audit
 * entry are the same wherever the data is shown. The data itself is never logged, only the session id.
 */
public final class PersonalDataReveal {

    /** The audit entry's {@code event} and {@code action}. */
    public static final String EVENT = "reveal";
    public static final String ACTION = "reveal-personal-data";
    /** The result a reveal's audit entry carries. */
    public static final String RESULT = "shown";

    private static final Logger LOG = LoggerFactory.getLogger(PersonalDataReveal.class);

    private PersonalDataReveal() {
    }

    public static boolean allowed(Role role) {
        return role == Role.DEVELOPER;
    }

    /** Why this role may not reveal personal data, or nothing when it may. */
    public static Optional<Phrase> refusal(Role role) {
        return allowed(role) ? Optional.empty() : Optional.of(Phrase.of("reveal.refused", role.wire()));
    }

    /**
     * Records the reveal of {@code sessionId} before the data is shown, or says why this operator may not see
     * it (and records nothing). An audit stream that cannot be written is logged, as for actions.
     *
     * @param where how the data is shown, for the audit entry's message: {@code audit.reveal.screen} or
     *              {@code audit.reveal.cli}
     */
    public static Optional<Phrase> reveal(AuditLog audit, Operator operator, String sessionId, Instant now,
                                          Phrase where) {
        Optional<Phrase> refused = refusal(operator.role());
        if (refused.isPresent()) {
            return refused;
        }
        LOG.info("Personal data of session {} revealed by {}", SafeText.bounded(sessionId, SafeText.FIELD),
                SafeText.bounded(operator.name(), SafeText.FIELD));
        audit.record(new AuditRecord(now, UUID.randomUUID().toString(), EVENT, operator.name(), operator.role(),
                ACTION, sessionId, "", false, "", "", RESULT, Phrase.of("audit.reveal", where), null));
        return Optional.empty();
    }
}
