package io.welno.console.flow;

import io.welno.console.session.BackendRules;
import io.welno.console.session.ConsoleClaim;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionStatus;
import io.welno.console.session.StuckPolicy;
import io.welno.console.session.Timestamps;
import io.welno.console.session.UserInfo;
import io.welno.console.store.UpdateResult;
import io.welno.console.text.Phrase;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The rules that decide whether an action may touch a session, as codes. They are evaluated on the document the
 * store just read, again on every compare-and-set attempt, so a session that moves on while the operator is
 * deciding is refused rather than overwritten. Each action brings its own rules ({@link FlowAction#problems});
 * these are added for all of them, from the backend's own read rules ({@link BackendRules}):
 * <ul>
 *   <li>past {@code expires_at} the backend deletes the session on its next read: refused, hard;</li>
 *   <li>an id {@code /session/simple-auth} would answer 404 for (no partner prefix, a different or non-string
 *       stored {@code partner_id}): refused, hard for simple-auth, overridable for the others (the backend's other
 *       endpoints do not check ownership);</li>
 *   <li>a document the backend cannot read (no status; an {@code expires_at} missing, not a string, refused by
 *       Python's {@code fromisoformat} or aware): overridable, so a developer can repair it.</li>
 * </ul>
 * and a console claim whose lease another console still renews: refused, hard, for every action.
 * The tables are in docs/flow.md, "Guards".
 */
public final class Guards {

    /** The refusal of an action, or of a later write of one, on a session past its expires_at. */
    private static final String EXPIRED = "guard.expired";

    /** What an action's rules may look at besides the document. */
    record Context(Guards guards, LocalDateTime now, Predicate<String> locallyCollecting) {

        FlowOptions options() {
            return guards.options;
        }

        Optional<Duration> idleFor(SessionDocument doc) {
            return guards.idleFor(doc);
        }
    }

    private final FlowOptions options;
    private final Timestamps timestamps;
    private final ActionRegistry registry;
    private final StuckPolicy resetPolicy;
    /** Whether this console renews a claim's lease on a session: one of its Tilko calls is out, or waits its turn. */
    private final Predicate<String> renewedHere;

    public Guards(FlowOptions options, Timestamps timestamps) {
        this(options, timestamps, new ActionRegistry(), sessionId -> false);
    }

    Guards(FlowOptions options, Timestamps timestamps, ActionRegistry registry, Predicate<String> renewedHere) {
        this.options = options;
        this.timestamps = timestamps;
        this.registry = registry;
        this.renewedHere = renewedHere;
        this.resetPolicy = StuckPolicy.defaults().withCollectionsStuckAfter(options.stuckAfter());
    }

    /**
     * Why the backend no longer reads this document (past its expires_at: it deletes it on its next read), or empty.
     * The guards refuse an action on it, and a later write of an action (a collection's step, simple-auth's answer)
     * is refused with the same sentence.
     */
    static Optional<Phrase> expired(SessionDocument doc, LocalDateTime now) {
        return BackendRules.expiredFor(doc, now).map(ago -> Phrase.of(EXPIRED, ago, doc.expiresAt().raw()));
    }

    /** Whether a write was refused because the session expired for the backend meanwhile ({@link #expired}). */
    static boolean isExpiry(UpdateResult.PreconditionFailed refused) {
        return refused.reason().key().equals(EXPIRED);
    }

    /** Every rule the document breaks for this action, the most fundamental first. */
    public List<Refusal> problems(ActionKind kind, SessionDocument doc, Predicate<String> locallyCollecting) {
        LocalDateTime now = timestamps.nowLocal();
        List<Refusal> out = new ArrayList<>();
        expired(doc, now).ifPresent(why -> out.add(new Refusal(why, false)));
        BackendRules.ownershipProblem(doc).ifPresent(why -> out.add(new Refusal(Phrase.of("guard.ownership", why),
                kind != ActionKind.SIMPLE_AUTH)));
        if (!locallyCollecting.test(doc.id())) { // a collection here: the action's own words
            // Every action, not only the two that call Tilko: a change written under the claim does not call its
            // request back, it only makes the owner drop the answer (docs/flow.md, "Claims and leases").
            liveClaim(doc, now).ifPresent(claim -> out.add(claimRefusal(kind, claim, now)));
        }
        registry.get(kind).problems(doc, new Context(this, now, locallyCollecting), out);
        doc.warnings().stream().filter(w -> w.breaksBackend()).findFirst().ifPresent(w ->
                out.add(Refusal.overridable("guard.backendCannotRead", w.phrase())));
        return out;
    }

    /**
     * Until when {@link #problems} is known to say the same of this document for {@code kind} without a write: the
     * first moment, from now on, at which a rule that reads the clock may judge it otherwise — its expiry for the
     * backend, a console claim's lease, the moment it becomes stuck (reset-stuck) or its auth request stale
     * (simple-auth). The verdict holds at that moment itself and may change after it; empty when no such rule lies
     * ahead. A preview kept open (the bulk dialog's, the action dialog's) is made again once this has passed, as the
     * clock alone moves a session into or out of what an action accepts.
     */
    public Optional<LocalDateTime> judgedUntil(ActionKind kind, SessionDocument doc) {
        LocalDateTime now = timestamps.nowLocal();
        List<LocalDateTime> moments = new ArrayList<>();
        doc.backendExpiry().ifPresent(moments::add); // expired strictly after it
        doc.consoleClaim().map(ConsoleClaim::leaseUntil).ifPresent(moments::add); // lapsed strictly after it
        if (kind == ActionKind.RESET_STUCK) {
            resetPolicy.stuckAfter(doc).ifPresent(moments::add); // stuck strictly after it
        }
        if (kind == ActionKind.SIMPLE_AUTH) {
            // stale once idle for exactly staleAuthRequestAfter (timestamps are to the microsecond): the refusal
            // holds to the microsecond before
            doc.lastProgressAt().map(last -> last.plus(options.staleAuthRequestAfter()).minusNanos(1_000))
                    .ifPresent(moments::add);
        }
        return moments.stream().filter(moment -> !moment.isBefore(now)).min(Comparator.naturalOrder());
    }

    /**
     * A claim whose owner still renews its lease: that console's Tilko call is out or waits its turn (a bulk run's
     * sessions wait for one of {@link FlowOptions#maxTilkoCalls()}), however long ago it was taken — a request sent
     * now would be a second one for the session, which the claim exists to prevent, and a change written under it
     * would only make that console drop its answer (docs/flow.md, "Claims and leases"). A claim of this console that
     * it no longer renews (its read-back failed) stands for nothing in flight.
     */
    private Optional<ConsoleClaim> liveClaim(SessionDocument doc, LocalDateTime now) {
        return doc.consoleClaim().filter(claim -> claim.leaseUntil() != null && !claim.leaseLapsed(now))
                .filter(claim -> !ConsoleInstance.id().equals(claim.owner()) || renewedHere.test(doc.id()));
    }

    /**
     * Hard, in words true for the action (a second Tilko request, or a change that only makes the owner drop its
     * answer) and for the owner: this console's own claim is said as this console's request, not by its id.
     */
    private static Refusal claimRefusal(ActionKind kind, ConsoleClaim claim, LocalDateTime now) {
        Duration left = Duration.between(now, claim.leaseUntil());
        if (ConsoleInstance.id().equals(claim.owner())) {
            return Refusal.hard(kind.needsTilko() ? "guard.claimedHere" : "guard.claimedHere.change", left, kind);
        }
        return Refusal.hard(kind.needsTilko() ? "guard.claimedElsewhere" : "guard.claimedElsewhere.change",
                String.valueOf(claim.owner()), left, kind);
    }

    /** The refusal that applies: the first rule broken, or with an override the first hard one. */
    public Optional<Refusal> refusal(ActionKind kind, SessionDocument doc, boolean override,
                                     Predicate<String> locallyCollecting) {
        for (Refusal r : problems(kind, doc, locallyCollecting)) {
            if (!r.overridable() || !override) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /**
     * Time since the session last made progress: the newest message, {@code collection_start_time} or the
     * console's claim, whichever is latest ({@link SessionDocument#lastProgressAt()}); empty when no timestamp is
     * readable. {@code updated_at} is not used: the browser's status poll rewrites it every few seconds while
     * nothing happens.
     */
    public Optional<Duration> idleFor(SessionDocument doc) {
        return doc.lastProgressAt().map(last -> {
            Duration idle = Duration.between(last, timestamps.nowLocal());
            return idle.isNegative() ? Duration.ZERO : idle;
        });
    }

    /**
     * A fetching_* session with collection_started that has not moved for {@link FlowOptions#stuckAfter()} (or
     * less, when its expiry is nearer), or whose console claim's lease lapsed: what reset-stuck accepts.
     */
    public boolean isStuck(SessionDocument doc) {
        return doc.status().isFetching() && doc.collectionStarted()
                && resetPolicy.isStuck(doc, timestamps.nowLocal());
    }

    StuckPolicy resetPolicy() {
        return resetPolicy;
    }

    /** "the session is auth_request_sent", or "the session has no status". */
    static Phrase seen(SessionStatus status) {
        return status.isMissing() ? Phrase.of("guard.seen.none") : Phrase.of("guard.seen", status);
    }

    /** A refusal when user_info lacks what Tilko needs, naming the fields. */
    static Optional<Refusal> personProblem(SessionDocument doc, ActionKind kind) {
        UserInfo user = doc.userInfo();
        List<String> missing = new ArrayList<>();
        if (blank(user.name())) {
            missing.add("name");
        }
        if (blank(user.birthdate())) {
            missing.add("birthdate");
        }
        if (blank(user.phoneNo())) {
            missing.add("phone_no");
        }
        if (blank(user.privateAuthType())) {
            missing.add("private_auth_type");
        }
        return missing.isEmpty() ? Optional.empty() : Optional.of(Refusal.hard("guard.person", kind,
                String.join(", ", missing), doc.status()));
    }

    /** A collection is marked as running: fetching_* with collection_started. */
    static boolean collectionRunning(SessionDocument doc) {
        return doc.status().isFetching() && doc.collectionStarted();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
