package io.welno.console.flow;

import com.fasterxml.jackson.databind.JsonNode;
import io.welno.console.session.ConsoleClaim;
import io.welno.console.session.ParsedSession;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionEditor;
import io.welno.console.session.SessionStatus;
import io.welno.console.session.Timestamps;
import io.welno.console.session.UnreadableSession;
import io.welno.console.store.Precondition;
import io.welno.console.store.SessionMutation;
import io.welno.console.store.SessionStore;
import io.welno.console.store.StoreFailure;
import io.welno.console.store.StoredSession;
import io.welno.console.store.UpdateResult;
import io.welno.console.text.Phrase;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every action uses: the store, Tilko, the clock and options, the guards, and the common steps — check the
 * guard inside the compare-and-set, read back what was written, hold it, name a failure for its cause. One per
 * {@link FlowService}.
 */
final class FlowRuntime {

    /** The words of a session Redis did not give (a read that failed): no guard judged it. */
    static final String READ_FAILED = "flow.readFailed";

    private static final Logger LOG = LoggerFactory.getLogger(FlowRuntime.class);
    /** Reads of {@link #readPatiently} before it gives up. */
    static final int LOOKS_AFTER_LOST_ANSWER = 3;
    private static final long LOOK_PAUSE_MILLIS = 500;

    final SessionStore store;
    final TilkoGateway tilko;
    final Timestamps timestamps;
    final FlowOptions options;
    final Guards guards;
    final SessionCodec codec;
    final ExecutorService background;
    final LeaseKeeper leases;
    /** This console instance, as written into the claims it takes. */
    final String owner;
    /** Collections this console runs now, by session id. */
    final Map<String, Collection> collections = new ConcurrentHashMap<>();
    /** Actions being performed now, by action id: their holds wait for them (one outcome for a whole action). */
    final Set<String> actionsRunning = ConcurrentHashMap.newKeySet();
    private final FlowService service;

    FlowRuntime(FlowService service, SessionStore store, TilkoGateway tilko, Timestamps timestamps,
                FlowOptions options, Guards guards, ExecutorService background, LeaseKeeper leases, String owner) {
        this.service = service;
        this.store = store;
        this.tilko = tilko;
        this.timestamps = timestamps;
        this.options = options;
        this.guards = guards;
        this.codec = new SessionCodec(timestamps.zone());
        this.background = background;
        this.leases = leases;
        this.owner = owner;
    }

    boolean isCollecting(String sessionId) {
        return collections.containsKey(sessionId);
    }

    /** The action's guards as the compare-and-set's precondition. */
    Precondition guard(ActionKind kind, boolean override) {
        return doc -> guards.refusal(kind, doc, override, this::isCollecting).map(Refusal::phrase);
    }

    /** A claim for this action, owned by this console, leased from now. */
    void claim(SessionEditor edit, String actionId, ActionKind kind, Operator operator) {
        edit.tree().set(ConsoleMarks.CLAIM, ConsoleMarks.claim(actionId, kind, operator, owner,
                edit.timestamps().now(), leases.leaseUntilFromNow()));
        edit.markChanged();
    }

    /**
     * The document still belongs to this console action: its claim, optionally the expected statuses, and (for
     * collections) collection_started.
     */
    static Precondition ownsClaim(String actionId, Set<SessionStatus> statuses, boolean collecting) {
        return doc -> {
            String claim = ConsoleMarks.claimId(doc);
            if (!actionId.equals(claim)) {
                return Optional.of(claim == null ? Phrase.of("flow.claim.gone", doc.status())
                        : Phrase.of("flow.claim.other", claim, doc.status()));
            }
            if (statuses != null && !statuses.contains(doc.status())) {
                return Optional.of(Phrase.of("flow.claim.status", doc.status(), statuses.iterator().next()));
            }
            if (collecting && !doc.collectionStarted()) {
                return Optional.of(Phrase.of("flow.claim.notCollecting", doc.status()));
            }
            return Optional.empty();
        };
    }

    /**
     * The backend still reads the document: a later write of an action into a session past its expires_at would
     * count for nothing (the backend deletes it at its next read) or, extending expires_at, bring it back.
     */
    Precondition backendReads() {
        return doc -> Guards.expired(doc, timestamps.nowLocal());
    }

    /**
     * When a Tilko action's writes may be re-applied after a revert: no other console's claim, and a session the
     * backend still reads. Past its expires_at the backend deletes the session on its next read; restoring the
     * action's expires_at over that copy would bring back a session the backend has let go.
     */
    Precondition reapplyGuard(String actionId) {
        return noOtherClaim(actionId).and(backendReads());
    }

    /** No console action but possibly {@code actionId} claims the document. */
    static Precondition noOtherClaim(String actionId) {
        return doc -> {
            String claim = ConsoleMarks.claimId(doc);
            return claim == null || claim.equals(actionId) ? Optional.empty()
                    : Optional.of(Phrase.of("flow.claim.other", claim, doc.status()));
        };
    }

    /**
     * Registers an applied write with the action's hold.
     *
     * @param again the precondition under which this write may be re-applied after a revert
     */
    void held(Operator operator, ActionRequest request, String actionId, UpdateResult.Applied write,
              Precondition again) {
        service.held(operator, request, actionId, write, again, null);
    }

    /**
     * Registers the last write of a failed action with its hold: the status it left ({@code left}, simple-auth's
     * error) is what a revert of it undoes, and what the revert is told as.
     */
    void heldFailure(Operator operator, ActionRequest request, String actionId, UpdateResult.Applied write,
                     Precondition again, SessionStatus left) {
        service.held(operator, request, actionId, write, again, left);
    }

    /**
     * Reads the session back after an applied write: APPLIED may only be reported when what this write appended is
     * in Redis now. Empty when it is; otherwise the result to report — also when no read worked, which for a claim
     * means nothing more is done behind it (no Tilko call, no collection). The claim itself was written then, and
     * nobody holds or renews it: that result carries the moment its lease lapses
     * ({@link ActionResult#claimStandsUntil()}), for the action to say what becomes of it.
     */
    Optional<ActionResult> verify(ActionRequest request, String actionId, UpdateResult.Applied applied,
                                  SessionStatus statusBefore) {
        ReadBack read = readBack(request, actionId, applied, statusBefore);
        if (read.unconfirmed()) {
            // the reason of a value past the bound is a sentence of its own; a Redis failure is a clause
            Phrase unread = read.unread() != null ? Phrase.of("flow.verify.unreadable", read.why())
                    : Phrase.of("flow.verify.pastOwnBoundClaim", read.why());
            // a value past the console's own bound was read: no Redis trouble, the session is what to look at
            ActionResult.Outcome outcome = read.unread() != null ? ActionResult.Outcome.of(read.unread())
                    : ActionResult.Outcome.FAILED;
            ActionResult result = ActionResult.of(request, outcome, unread, statusBefore, null, actionId);
            LocalDateTime lease = applied.after().consoleClaim().map(ConsoleClaim::leaseUntil).orElse(null);
            return Optional.of(lease == null ? result : result.claimLeftStanding(lease, unread));
        }
        return Optional.ofNullable(read.notThere());
    }

    /**
     * A claim's lease as the words name it: the backend's wall-clock time of day, to the second. A time, not a text:
     * the edge writes it as it writes every other time (the window in its time style, beside a headline that names
     * the same moment; the command line and the logs on the 24-hour clock).
     */
    static LocalTime leaseClock(LocalDateTime leaseUntil) {
        return leaseUntil.toLocalTime().truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * Reads back a write that ends the action and reports it: {@code done} (which holds the write, where the caller
     * has not) when the read finds it; what the read found instead (replaced, vanished); and when no read worked,
     * {@code done} all the same, said to be unconfirmed. The compare-and-set answered, so the write was made: told as
     * Redis trouble it would be held by nobody, and a backend copy written over it would go unseen. The hold's own
     * reads say what becomes of it (docs/flow.md, "A write whose answer was lost").
     */
    ActionResult readBack(ActionRequest request, String actionId, UpdateResult.Applied applied,
                          SessionStatus statusBefore, Supplier<ActionResult> done) {
        ReadBack read = readBack(request, actionId, applied, statusBefore);
        if (read.notThere() != null) {
            return read.notThere();
        }
        ActionResult result = done.get();
        if (!read.unconfirmed()) {
            return result;
        }
        // done has started the write's hold where one can be: where none is (--hold 0, a flow without a revert
        // watch), the words must not promise the reads that would decide
        boolean held = service.holding(actionId);
        LOG.info("{} wrote session {}, which could not be {}: {}", actionId, request.sessionId(),
                read.unread() != null ? "read back" : "read back whole", held ? "held unconfirmed"
                        : "unconfirmed, not held");
        String key = read.unread() != null ? "flow.verify.unconfirmed" : "flow.verify.pastOwnBound";
        return result.unreadAfterWrite(Phrase.of(held ? key : key + "Unheld", result.message(), read.why()));
    }

    /**
     * What reading back an applied write found: nothing amiss, a result to report instead, no read that worked
     * ({@code unread}), or a value past the console's own bound ({@code pastOwnBound}, why), which may hold the change
     * and which the backend may read: neither is evidence that the change is gone.
     */
    private record ReadBack(ActionResult notThere, StoreFailure unread, Phrase pastOwnBound) {

        ReadBack(ActionResult notThere, StoreFailure unread) {
            this(notThere, unread, null);
        }

        boolean unconfirmed() {
            return unread != null || pastOwnBound != null;
        }

        Phrase why() {
            return unread != null ? unread.phrase() : pastOwnBound;
        }
    }

    private ReadBack readBack(ActionRequest request, String actionId, UpdateResult.Applied applied,
                              SessionStatus statusBefore) {
        List<JsonNode> markers = RevertWatch.appendedMessages(applied.before(), applied.after());
        Optional<StoredSession> now;
        try {
            now = readPatiently(request.sessionId());
        } catch (RuntimeException e) {
            return new ReadBack(null, StoreFailure.of(e));
        }
        if (now.isEmpty()) {
            return new ReadBack(ActionResult.of(request, ActionResult.Outcome.VANISHED,
                    Phrase.of("flow.verify.vanished", request.sessionId()), statusBefore, null, actionId), null);
        }
        if (now.get().parsed() instanceof SessionDocument doc
                && markers.stream().allMatch(m -> RevertWatch.containsMessage(doc, m))) {
            return new ReadBack(null, null);
        }
        if (RevertWatch.pastOwnBound(now.get())) {
            return new ReadBack(null, null, ((UnreadableSession) now.get().parsed()).reason());
        }
        SessionStatus seen = now.get().parsed() instanceof SessionDocument doc ? doc.status() : null;
        // written over by a value that is no session: said as such, with why it is not one
        Phrase said = now.get().parsed() instanceof UnreadableSession unreadable
                ? Phrase.of("flow.verify.replacedUnreadable", unreadable.reason())
                : Phrase.of("flow.verify.replaced", seen == null ? Phrase.of("text.empty") : Guards.seen(seen));
        return new ReadBack(ActionResult.of(request, ActionResult.Outcome.CONFLICT, said, statusBefore, seen,
                actionId), null);
    }

    Optional<ActionResult> verify(ActionRequest request, String actionId, UpdateResult.Applied applied) {
        return verify(request, actionId, applied, applied.before().status());
    }

    /** {@link #update(String, Precondition, SessionMutation, SentWrites)} for one write. */
    UpdateResult update(String id, Precondition precondition, SessionMutation mutation) {
        return update(id, precondition, mutation, new SentWrites());
    }

    /**
     * The store's update, and when the answer of this or an earlier try of the same write ({@code sent}) was lost,
     * the session is read to see whether it landed: then it is reported applied, with the session as read. A write
     * not found stays what the store said (its fate unknown, or the refusal of a later try).
     */
    UpdateResult update(String id, Precondition precondition, SessionMutation mutation, SentWrites sent) {
        UpdateResult result = store.update(id, precondition, (current, edit) -> {
            mutation.apply(current, edit);
            sent.record(current, edit);
        });
        if (result.applied() || !sent.noteResult(result)) {
            return result;
        }
        Optional<StoredSession> now;
        try {
            now = readPatiently(id);
        } catch (RuntimeException e) {
            LOG.debug("Session {} could not be read back after a lost answer", id, e);
            return result;
        }
        if (now.isPresent() && now.get().parsed() instanceof SessionDocument doc) {
            Optional<SentWrites.Try> landed = sent.foundIn(doc);
            if (landed.isPresent()) {
                LOG.info("A write to session {} whose answer was lost had landed", id);
                return new UpdateResult.Applied(id, landed.get().replaced(), doc, 1);
            }
        }
        return result;
    }

    /**
     * The session, read to learn the fate of a write: whether one whose answer was lost landed, whether one that
     * landed is still there. What broke the write's answer (a stall, a dropped connection) often breaks the next read
     * too, and a write told "unknown" or "not confirmed" is held by nobody: the backend could write its older copy
     * over it unseen. So a read that fails is tried again, briefly, as a collection's release is; the last failure
     * is thrown.
     */
    Optional<StoredSession> readPatiently(String id) {
        for (int look = 1; ; look++) {
            try {
                return store.get(id);
            } catch (RuntimeException e) {
                if (look == LOOKS_AFTER_LOST_ANSWER) {
                    throw e;
                }
                LOG.debug("Session {} could not be read (look {})", id, look, e);
                try {
                    Thread.sleep(LOOK_PAUSE_MILLIS * look);
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** The result for an update that wrote nothing, named for its cause. */
    static ActionResult notApplied(ActionRequest request, String actionId, UpdateResult result) {
        if (result instanceof UpdateResult.PreconditionFailed refused) {
            return refused(request, actionId, refused.statusSeen(), Phrase.of("flow.refused", refused.reason()));
        }
        if (result instanceof UpdateResult.ConflictRetriesExhausted conflict) {
            return ActionResult.of(request, ActionResult.Outcome.CONFLICT, conflict.describe(), null, null, actionId);
        }
        if (result instanceof UpdateResult.Missing) {
            return vanished(request, actionId);
        }
        if (result instanceof UpdateResult.Unreadable unreadable) {
            return refused(request, actionId, null, Phrase.of("flow.unreadable", unreadable.reason()));
        }
        UpdateResult.Failed failed = (UpdateResult.Failed) result;
        return ActionResult.of(request, ActionResult.Outcome.of(failed.failure()), failed.describe(), null, null,
                actionId);
    }

    static ActionResult vanished(ActionRequest request, String actionId) {
        return ActionResult.of(request, ActionResult.Outcome.VANISHED, Phrase.of("flow.vanished",
                request.sessionId()), null, null, actionId);
    }

    static ActionResult refused(ActionRequest request, String actionId, SessionStatus seen, Phrase message) {
        return ActionResult.of(request, ActionResult.Outcome.REFUSED, message, seen, seen, actionId);
    }

    /** The session as it is now, or the result to report when it cannot be used (missing, unreadable, Redis). */
    Readable read(ActionRequest request, String actionId) {
        try {
            Optional<StoredSession> found = store.get(request.sessionId());
            if (found.isEmpty()) {
                return new Readable(null, vanished(request, actionId));
            }
            ParsedSession parsed = found.get().parsed();
            if (parsed instanceof UnreadableSession unreadable) {
                return new Readable(null, refused(request, actionId, null, Phrase.of("flow.unreadable",
                        unreadable.reason())));
            }
            return new Readable((SessionDocument) parsed, null);
        } catch (RuntimeException e) {
            StoreFailure failure = StoreFailure.of(e);
            return new Readable(null, ActionResult.of(request, ActionResult.Outcome.of(failure),
                    Phrase.of(READ_FAILED, failure.phrase()), null, null, actionId));
        }
    }

    record Readable(SessionDocument doc, ActionResult problem) {
    }

    void fire(Consumer<FlowListener> event) {
        service.fire(event);
    }

    void auditAfter(Operator operator, String event, ActionRequest request, String actionId, SessionStatus before,
                    SessionStatus after, String result, Phrase message) {
        service.auditAfter(operator, event, request, actionId, before, after, result, message);
    }
}
