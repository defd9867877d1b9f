package io.welno.console.session;

import io.welno.console.text.Phrase;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The backend's own rules for reading a session, which decide whether a change the console makes can matter
 * at all (docs/backend-protocol.md, "Read rules"):
 * <ul>
 *   <li>{@code get_session} deletes the key on its next read once {@code datetime.now() > expires_at} (naive
 *       local time, strictly later), and treats a document without {@code status}/{@code expires_at}, or with an
 *       {@code expires_at} that is not a string, that Python's {@code fromisoformat} refuses or that it reads as an
 *       aware value, as missing, without deleting it ({@link SessionDocument#backendExpiry()});</li>
 *   <li>{@code /session/simple-auth} answers 404 unless the id begins with {@code <partner>_} and the stored
 *       {@code partner_id} equals that prefix — uuid-era ids (no {@code _}) never pass, nor does a
 *       {@code partner_id} that is not a string (Python's {@code !=} between a string and a number is true).</li>
 * </ul>
 */
public final class BackendRules {

    private BackendRules() {
    }

    /** The partner the backend derives from an id: the text before the first {@code _}; empty for uuid-era ids. */
    public static Optional<String> partnerOfId(String id) {
        int underscore = id == null ? -1 : id.indexOf('_');
        return underscore > 0 ? Optional.of(id.substring(0, underscore)) : Optional.empty();
    }

    /** How long ago the backend's expiry passed, or empty while it has not (or cannot be read). */
    public static Optional<Duration> expiredFor(SessionDocument doc, LocalDateTime now) {
        return doc.backendExpiry().filter(now::isAfter).map(expiry -> Duration.between(expiry, now));
    }

    /** Whether the backend can read this document now: no breaking warning and not past its expiry. */
    public static boolean canRead(SessionDocument doc, LocalDateTime now) {
        return !doc.breaksBackend() && expiredFor(doc, now).isEmpty();
    }

    /**
     * Whether the backend can read a value the console could not read as a document: no, unless only a bound of the
     * console's own stopped it ({@link UnreadableSession#stoppedAtOwnBound}), which the backend's {@code json.loads}
     * does not share, Redis refused the console the value or its TTL ({@link UnreadableSession#refusedByRedis}),
     * which the backend reads as a user of its own, or it is an object with a field of the wrong shape
     * ({@link UnreadableSession#wrongShape}), which the backend reads unless its {@code expires_at} has passed — and
     * the console did not read that: then it is not known, and null says so. One answer for every output that
     * reports it ({@code list}, {@code show} and {@code watch} with {@code --json}: {@code backendCanRead}).
     */
    public static Boolean canRead(UnreadableSession value) {
        return value.stoppedAtOwnBound() || value.refusedByRedis() || value.wrongShape() ? null : Boolean.FALSE;
    }

    /**
     * Why the backend would not see this document at all, or empty when it would: the breaking warnings
     * first, then the expiry.
     */
    public static Optional<Phrase> readProblem(SessionDocument doc, LocalDateTime now) {
        List<DocumentWarning> breaking = doc.warnings().stream().filter(DocumentWarning::breaksBackend).toList();
        if (!breaking.isEmpty()) {
            return Optional.of(Phrase.of("backend.cannotRead", breaking.get(0).phrase()));
        }
        return expired(doc, now);
    }

    /**
     * Why the backend deletes this document on its next read, or empty while its expires_at has not passed: told
     * whatever else the document breaks, since {@code get_session} checks the expiry before anything else does (a
     * document without a status that is past its expiry is deleted all the same).
     */
    public static Optional<Phrase> expired(SessionDocument doc, LocalDateTime now) {
        return expiredFor(doc, now).map(ago -> Phrase.of("backend.expired", ago, doc.expiresAt().raw()));
    }

    /**
     * The read rules this document breaks now, as the codes {@code list --json} and {@code watch --json} report
     * beside the document warnings: {@code expired}, {@code empty_id}, {@code no_partner_prefix},
     * {@code no_partner_id}, {@code partner_id_not_text}, {@code partner_mismatch}.
     */
    public static List<String> ruleWarnings(SessionDocument doc, LocalDateTime now) {
        List<String> out = new java.util.ArrayList<>();
        if (expiredFor(doc, now).isPresent()) {
            out.add("expired");
        }
        Optional<String> prefix = partnerOfId(doc.id());
        String stored = doc.storedPartnerId();
        if (doc.id().isEmpty()) {
            out.add("empty_id");
        } else if (prefix.isEmpty()) {
            out.add("no_partner_prefix");
        } else if (stored == null) {
            out.add("no_partner_id");
        } else if (!doc.storedPartnerIdIsText()) {
            out.add("partner_id_not_text");
        } else if (!stored.equals(prefix.get())) {
            out.add("partner_mismatch");
        }
        return out;
    }

    /** Why {@code /session/simple-auth} would answer 404 for this session, or empty when it would not. */
    public static Optional<Phrase> ownershipProblem(SessionDocument doc) {
        Optional<String> prefix = partnerOfId(doc.id());
        if (doc.id().isEmpty()) {
            // the bare prefix as a key: no id the backend's endpoints could be called with, not a uuid-era one
            return Optional.of(Phrase.of("backend.ownership.emptyId"));
        }
        if (prefix.isEmpty()) {
            return Optional.of(Phrase.of("backend.ownership.noPrefix"));
        }
        String stored = doc.storedPartnerId();
        if (stored == null) {
            return Optional.of(Phrase.of("backend.ownership.noPartnerId", prefix.get()));
        }
        if (!doc.storedPartnerIdIsText()) {
            // its text may even read like the prefix (123 for an id 123_…): the words never quote it
            return Optional.of(Phrase.of("backend.ownership.notText", prefix.get()));
        }
        if (!stored.equals(prefix.get())) {
            return Optional.of(Phrase.of("backend.ownership.mismatch", stored, prefix.get()));
        }
        return Optional.empty();
    }
}
