package io.welno.console.flow;

import io.welno.console.session.SessionDocument;
import io.welno.console.text.Phrase;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * The change an action would make, computed from the current document without writing anything, for the
 * action dialog's before/after diff.
 *
 * <p>For simple-auth and collect the "after" is the first write (the claim); what follows depends on Tilko
 * and is described in {@link #followUp()}. The preview does not check the reason (the dialog shows it while
 * the reason is still being typed); {@link FlowService#perform} does.
 *
 * @param before   the current document, or null when it could not be read (see {@link #refusal()})
 * @param after    the document after the (first) write, or null when the action would be refused
 * @param refusal  why the action would be refused, or null when it would run
 * @param followUp what happens after the first write, or null when nothing follows
 * @param judgedUntil until when this preview is known to stay true without a write, in the backend's wall-clock time:
 *                 past it a rule that reads the clock (expiry, stuck, a lease, a stale auth request) may judge the
 *                 session otherwise ({@link Guards#judgedUntil}); null when no such rule lies ahead
 */
public record ActionPreview(ActionRequest request, SessionDocument before, SessionDocument after, Phrase refusal,
                            Phrase followUp, LocalDateTime judgedUntil) {

    /** A preview no rule of the clock can change. */
    public ActionPreview(ActionRequest request, SessionDocument before, SessionDocument after, Phrase refusal,
                         Phrase followUp) {
        this(request, before, after, refusal, followUp, null);
    }

    public boolean allowed() {
        return refusal == null;
    }

    /** Whether Redis did not give the session (its read failed): what the action would do there is not known. */
    public boolean unread() {
        return refusal != null && FlowRuntime.READ_FAILED.equals(refusal.key());
    }

    public Optional<Phrase> refusalReason() {
        return Optional.ofNullable(refusal);
    }

    /** Whether the clock alone may have made this preview untrue by {@code now} (backend wall-clock time). */
    public boolean outdatedAt(LocalDateTime now) {
        return judgedUntil != null && now.isAfter(judgedUntil);
    }
}
