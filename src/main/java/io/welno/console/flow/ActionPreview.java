package io.welno.console.flow;

import io.welno.console.session.SessionDocument;
import io.welno.console.text.Phrase;
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
 */
public record ActionPreview(ActionRequest request, SessionDocument before, SessionDocument after, Phrase refusal,
                            Phrase followUp) {

    public boolean allowed() {
        return refusal == null;
    }

    public Optional<Phrase> refusalReason() {
        return Optional.ofNullable(refusal);
    }
}
