package io.welno.console.cli;

import io.welno.console.session.SessionDocument;
import io.welno.console.session.UnreadableSession;
import io.welno.console.text.Masking;
import io.welno.console.text.SafeText;
import io.welno.console.view.Wording;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The NOTES of a session's line, the same in {@code list}'s table and {@code watch}'s change lines, so that the two say
 * the same of one session: the document's warnings, then the backend's read rules it breaks now
 * ({@code BackendRules.ruleWarnings}), with a '!' before each that makes the backend refuse the session or delete it
 * ({@code !missing_expires_at}, {@code !expired}); for a value that is not a document, why (masked, escaped, bounded).
 */
final class SessionNotes {

    private SessionNotes() {
    }

    /** @param ruleWarnings {@code BackendRules.ruleWarnings} of the document now */
    static String of(SessionDocument doc, List<String> ruleWarnings) {
        // Locale.ROOT: the codes are the same words whatever the OS's locale (a Turkish one lowercases I to ı)
        return Stream.concat(
                doc.warnings().stream().map(w -> (w.breaksBackend() ? "!" : "") + w.name().toLowerCase(Locale.ROOT)),
                ruleWarnings.stream().map(w -> (w.equals("expired") ? "!" : "") + w))
                .collect(Collectors.joining(","));
    }

    static String of(UnreadableSession unreadable) {
        return SafeText.bounded(Masking.raw(Wording.cli().render(unreadable.reason())), SafeText.TEXT);
    }
}
