package io.welno.console.store;

import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionStatus;
import io.welno.console.text.Phrase;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A check on the freshly read document, evaluated again on every retry: an update whose precondition
 * no longer holds (someone moved the session on meanwhile) is refused instead of applied blindly.
 */
@FunctionalInterface
public interface Precondition {

    /** @return why the update must not happen, or empty when it may */
    Optional<Phrase> refusal(SessionDocument current);

    static Precondition none() {
        return current -> Optional.empty();
    }

    static Precondition statusIn(SessionStatus... allowed) {
        List<SessionStatus> list = Arrays.asList(allowed);
        return current -> list.contains(current.status()) ? Optional.empty()
                : Optional.of(Phrase.of("store.statusNotIn", current.status(), Phrase.of("list.statuses",
                        String.join(", ", list.stream().map(SessionStatus::wire).toList()))));
    }

    default Precondition and(Precondition other) {
        return current -> {
            Optional<Phrase> first = refusal(current);
            return first.isPresent() ? first : other.refusal(current);
        };
    }
}
