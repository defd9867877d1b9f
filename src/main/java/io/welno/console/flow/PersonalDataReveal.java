package io.welno.console.flow;

import io.welno.console.store.StoreFailure;
import io.welno.console.text.Phrase;
import io.welno.console.text.SafeText;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
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
     * Why a reveal did not go ahead: the role may not ({@code auditFailure} null; nothing was recorded), or its audit
     * entry could not be written, so the data must stay masked (an unaudited reveal is what the audit exists to rule
     * out).
     */
    public record Denied(Phrase why, StoreFailure auditFailure) {

        public Denied {
            Objects.requireNonNull(why, "why");
        }
    }

    /**
     * Records the reveal of {@code sessionId}; only when that entry is written may the caller show the data. Blocks on
     * the audit stream: call it off the UI thread.
     *
     * @param where how the data is shown, for the audit entry's message: {@code audit.reveal.screen} or
     *              {@code audit.reveal.cli}
     * @return empty when the data may be shown; else why not
     */
    public static Optional<Denied> reveal(AuditLog audit, Operator operator, String sessionId, Instant now,
                                          Phrase where) {
        Optional<Phrase> refused = refusal(operator.role());
        if (refused.isPresent()) {
            return Optional.of(new Denied(refused.get(), null));
        }
        Optional<StoreFailure> unaudited = audit.record(new AuditRecord(now, ConsoleMarks.newActionId(), EVENT,
                operator.name(), operator.role(), ACTION, sessionId, "", false, "", "", RESULT,
                Phrase.of("audit.reveal", where), null));
        if (unaudited.isPresent()) {
            LOG.warn("Personal data of session {} kept masked: its reveal could not be audited",
                    SafeText.bounded(sessionId, SafeText.FIELD));
            return Optional.of(new Denied(Phrase.of(unaudited.get().mayHaveWritten() ? "reveal.auditUnconfirmed"
                    : "reveal.auditFailed", unaudited.get().phrase()), unaudited.get()));
        }
        // Who revealed it is the audit entry's to say: log lines carry roles, never operator names (docs/flow.md).
        LOG.info("Personal data of session {} revealed by the {} role", SafeText.bounded(sessionId, SafeText.FIELD),
                operator.role().wire());
        return Optional.empty();
    }
}
