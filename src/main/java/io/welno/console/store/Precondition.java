package io.welno.console.store;

import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A check on the freshly read document, evaluated again on every retry: an update whose precondition
 * no longer holds (someone moved the session on meanwhile) is refused instead of applied blindly.
 */
@FunctionalInterface
public interface Precondition {

    /** @return why the update must not happen, or empty when it may */
    Optional<String> refusal(SessionDocument current);

    static Precondition none() {
        return current -> Optional.empty();
    }

    static Precondition statusIn(SessionStatus... allowed) {
        List<SessionStatus> list = Arrays.asList(allowed);
        return current -> list.contains(current.status()) ? Optional.empty()
                : Optional.of("status is " + current.status() + ", expected one of "
                        + list.stream().map(SessionStatus::toString).collect(Collectors.joining(", ")));
    }

    /** Refuses documents the backend itself cannot read (missing status or expiry, offset timestamps). */
    static Precondition readableByBackend() {
        return current -> current.breaksBackend()
                ? Optional.of("the backend cannot read this session: " + current.warnings().stream()
                        .filter(w -> w.breaksBackend()).map(w -> w.explanation()).collect(Collectors.joining(" ")))
                : Optional.empty();
    }

    default Precondition and(Precondition other) {
        return current -> {
            Optional<String> first = refusal(current);
            return first.isPresent() ? first : other.refusal(current);
        };
    }
}
