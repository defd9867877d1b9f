package io.welno.console.flow;

import io.welno.console.store.StoreFailure;
import io.welno.console.text.Phrase;

/** How a missing audit entry is told after what happened, the same for an action's result and a bulk run's item. */
final class AuditFailures {

    private AuditFailures() {
    }

    /**
     * {@code what} followed by why its audit entry is missing. A timeout or a broken connection may have let the
     * entry through after all, so it is told as unconfirmed rather than as missing.
     */
    static Phrase told(Phrase what, StoreFailure failure) {
        return Phrase.of(failure.mayHaveWritten() ? "flow.audit.unconfirmed" : "flow.audit.notWritten", what,
                failure.phrase());
    }
}
