package io.welno.console.flow;

import com.fasterxml.jackson.databind.JsonNode;
import io.welno.console.session.BackendRules;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionStatus;
import io.welno.console.session.UnreadableSession;
import io.welno.console.store.Precondition;
import io.welno.console.store.StoreFailure;
import io.welno.console.store.StoredSession;
import io.welno.console.store.UpdateResult;
import io.welno.console.text.Phrase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The changes {@link FlowService} holds (docs/flow.md, "Held actions"): each applied action is watched for its window
 * by the {@link RevertWatch}; a revert is audited and reported at once and, when the request asks and the action's
 * guard still holds, the change is put back through the same compare-and-set; at the end of the window one last read
 * decides whether the change was kept, and that end is audited as the action's last word.
 *
 * <p>One class of over 400 lines because a hold can end on several paths at once — its window's last read, a revert,
 * a re-apply, its session's key going away, the service closing — and each of them checks and sets the same flags of
 * its {@code HoldState} under that state's lock ({@code ending}, {@code reapplying}, {@code endPending}), so that
 * exactly one of them ends it. Kept together, every path that touches those flags can be read side by side.
 */
final class Holds {

    private static final Logger LOG = LoggerFactory.getLogger(Holds.class);
    /** How long after the end of a hold its last read may take before the watch lets go. */
    private static final Duration FINAL_CHECK_SLACK = Duration.ofSeconds(30);
    /** Tries of a hold's last read before its end is UNCONFIRMED for want of one. */
    static final int LAST_READS = 3;
    private static final Duration LAST_READ_PAUSE = Duration.ofMillis(500);

    private final FlowService service;
    private final FlowRuntime runtime;
    private final RevertWatch revertWatch;
    private final ScheduledExecutorService timer;
    private final Map<String, HoldState> holds = new ConcurrentHashMap<>();
    /**
     * The hold each action {@link FlowService#perform} is running started, until perform takes it for the result: a
     * revert can end the hold while the action still runs (its read-back retried, say), and the result must then
     * carry that end rather than look unheld, which would read as a change kept.
     */
    private final Map<String, Hold> startedByRunning = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** @param revertWatch null: nothing is held */
    Holds(FlowService service, FlowRuntime runtime, RevertWatch revertWatch, ScheduledExecutorService timer) {
        this.service = service;
        this.runtime = runtime;
        this.revertWatch = revertWatch;
        this.timer = timer;
    }

    boolean isHolding(String actionId) {
        return holds.containsKey(actionId);
    }

    /** How many changes are held now, and when the last of those holds ends (null when none is held). */
    OpenWork.Held held() {
        int count = 0;
        Instant last = null;
        for (HoldState state : holds.values()) {
            Instant until = state.handle.until();
            count++;
            last = last == null || until.isAfter(last) ? until : last;
        }
        return new OpenWork.Held(count, last);
    }

    /** The hold of an action, or null when it holds nothing. */
    Hold handle(String actionId) {
        HoldState state = holds.get(actionId);
        return state == null ? null : state.handle;
    }

    /** Whether the action holds a write now, or its running action started a hold that its result will carry. */
    boolean startedOrHolding(String actionId) {
        return startedByRunning.containsKey(actionId) || holds.containsKey(actionId);
    }

    /**
     * The hold the running action {@code actionId} started, whether it still runs or already ended, or null when it
     * started none; forgotten once taken.
     */
    Hold takeStartedBy(String actionId) {
        Hold started = startedByRunning.remove(actionId);
        return started != null ? started : handle(actionId);
    }

    /** Ends the hold of an action, if it has one. */
    void end(String actionId, HoldOutcome outcome) {
        HoldState state = holds.get(actionId);
        if (state != null) {
            endHold(state, outcome);
        }
    }

    /** No write starts a hold from now on (the service is closing). */
    void refuseNew() {
        closed = true;
    }

    /**
     * Ends every open hold, unconfirmed. Each end is audited while the shutdown grace lasts: a stalled Redis must not
     * keep a closing window open for one timeout per hold.
     */
    void close() {
        closed = true;
        long deadline = System.nanoTime() + runtime.options.shutdownGrace().toNanos();
        int unaudited = 0;
        for (HoldState held : List.copyOf(holds.values())) {
            boolean audit = System.nanoTime() - deadline < 0;
            unaudited += audit ? 0 : 1;
            endHold(held, HoldOutcome.closed(held.handle.reapplies()), audit);
        }
        if (unaudited > 0) {
            LOG.warn("{} holds ended by the console closing are not in the audit stream: no time was left", unaudited);
        }
    }

    /** The state of one held action: every version its writes produced, and how to re-apply it. */
    private static final class HoldState {
        final Hold handle;
        final Operator operator;
        final ActionRequest request;
        final Duration window;
        final List<SessionDocument> versions = new ArrayList<>();
        Precondition again;
        boolean reapplying;
        /** A timer task will run {@link #endOfWindow}: one at a time, however often the hold is extended. */
        boolean endPending;
        /** Last reads that failed so far: one more is tried, a moment later, until {@link #LAST_READS}. */
        int lastReadsFailed;
        /** How many reverts of this action were reported: a read that reported one decides nothing more. */
        int reverts;
        /**
         * Its outcome is decided (and being recorded): whoever set this ends the hold, nobody else. Set before the
         * handle's end, so it covers "over" too.
         */
        boolean ending;
        /** The status a failed action's held write left (simple-auth's error): what a revert of it undoes. */
        SessionStatus failedTo;

        HoldState(Hold handle, Operator operator, ActionRequest request, Duration window) {
            this.handle = handle;
            this.operator = operator;
            this.request = request;
            this.window = window;
        }

        synchronized List<SessionDocument> versions() {
            return List.copyOf(versions);
        }
    }

    /**
     * An applied write of an action: its hold starts (or is extended) and the revert watch learns the change.
     *
     * @param failedTo the status a failed action's write left, or null (see {@link FlowService#held})
     */
    void held(Operator operator, ActionRequest request, String actionId, UpdateResult.Applied write,
              Precondition again, SessionStatus failedTo) {
        Duration window = request.hold() != null ? request.hold() : runtime.options.holdWindow();
        if (revertWatch == null || window.isZero() || closed) {
            return;
        }
        boolean[] fresh = new boolean[1];
        HoldState state = holds.computeIfAbsent(actionId, id -> {
            fresh[0] = true;
            return new HoldState(Hold.start(request.sessionId(), actionId, window, request.reapply()), operator,
                    request, window);
        });
        if (fresh[0] && runtime.actionsRunning.contains(actionId)) {
            startedByRunning.put(actionId, state.handle);
        }
        synchronized (state) {
            state.versions.add(write.before());
            state.versions.add(write.after());
            state.again = again;
            if (failedTo != null) {
                state.failedTo = failedTo; // before the watch learns the write: a revert of it is told as this
            }
            state.handle.extendBy(window);
        }
        revertWatch.watch(request.sessionId(), request.kind(), actionId, operator.name(), write.before(),
                write.after(), window.plus(FINAL_CHECK_SLACK));
        if (fresh[0]) {
            scheduleEnd(state);
        }
    }

    private void scheduleEnd(HoldState state) {
        scheduleEnd(state, 0);
    }

    /** {@link #endOfWindow} at the end of the hold, {@code laterMillis} after it. */
    private void scheduleEnd(HoldState state, long laterMillis) {
        synchronized (state) {
            if (state.endPending || state.ending) {
                return;
            }
            state.endPending = true;
        }
        // rounded up: a window with less than a millisecond left is not over yet, and a zero delay would come back here
        long delay = (state.handle.remaining().toNanos() + 999_999) / 1_000_000 + laterMillis;
        try {
            timer.schedule(() -> {
                synchronized (state) {
                    state.endPending = false;
                }
                endOfWindow(state);
            }, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing: close() ends every open hold
        }
    }

    /**
     * The window is over: read the session one last time; the change is kept if that read still has it and the
     * backend still reads the session (not past its expires_at).
     */
    private void endOfWindow(HoldState state) {
        synchronized (state) {
            if (state.ending) {
                return;
            }
            if (state.reapplying) {
                return; // the re-apply ends the hold if it fails, and schedules its end if it succeeds
            }
        }
        if (!state.handle.remaining().isZero()) {
            scheduleEnd(state); // a later write of the same action extended the hold
            return;
        }
        if (collecting(state) || runtime.actionsRunning.contains(state.handle.actionId())) {
            // The action (a Tilko call between its claim and its answer) or its collection still runs: its next write
            // may be a minute of Tilko away, and the hold is to end a window after its last write, with one outcome
            // for the whole action, told after the action's own result.
            state.handle.extendBy(state.window);
            // The watch too: a backend copy written back during a long Tilko call must still be seen as a revert.
            revertWatch.extend(state.handle.sessionId(), state.handle.actionId(),
                    state.window.plus(FINAL_CHECK_SLACK));
            scheduleEnd(state);
            return;
        }
        String id = state.handle.sessionId();
        Optional<StoredSession> stored;
        long readStarted = System.nanoTime();
        try {
            stored = runtime.store.get(id);
        } catch (RuntimeException e) {
            // A dropped connection or a moment's stall would make the change "not confirmed" (an alert, exit 4)
            // although a read a moment later can tell: read again, on the timer rather than blocking it.
            int failed;
            synchronized (state) {
                failed = ++state.lastReadsFailed;
            }
            if (failed < LAST_READS) {
                LOG.debug("{} last read of session {} failed (try {})", state.handle.actionId(), id, failed, e);
                scheduleEnd(state, LAST_READ_PAUSE.toMillis() * failed);
                return;
            }
            endHold(state, new HoldOutcome(HoldOutcome.Kind.UNCONFIRMED, Phrase.of("hold.unreadable",
                    StoreFailure.of(e).phrase()), state.handle.reapplies(), null));
            return;
        }
        int revertsBefore;
        synchronized (state) {
            revertsBefore = state.reverts;
        }
        revertWatch.onKeyRead(id, stored, readStarted); // reports a revert (and may start a re-apply)
        synchronized (state) {
            if (state.ending || state.reapplying || state.reverts != revertsBefore) {
                return; // the revert's report ended the hold, or its re-apply will
            }
        }
        if (stored.isEmpty()) {
            endHold(state, new HoldOutcome(HoldOutcome.Kind.VANISHED, Phrase.of("hold.vanished"),
                    state.handle.reapplies(), null));
            return;
        }
        if (RevertWatch.pastOwnBound(stored.get())) {
            // The console stopped reading it at a bound of its own: the change may well be in it, and the backend
            // may read it. Neither kept nor written over: nobody here can say.
            endHold(state, HoldOutcome.atOwnBound(((UnreadableSession) stored.get().parsed()).reason(),
                    state.handle.reapplies()));
            return;
        }
        if (!(stored.get().parsed() instanceof SessionDocument doc)) {
            // Not "kept": the value is not the change any more, and the backend cannot read it either. The change was
            // written over, so it is told and audited as any revert (the window's notice and alert), before the end;
            // it is not re-applied, as the flow never writes over a value it cannot read.
            Phrase reason = stored.get().parsed() instanceof UnreadableSession u
                    ? u.reason() : Phrase.of("text.empty");
            onRevert(RevertDetected.overUnreadable(id, state.request.kind(), state.handle.actionId(),
                    state.operator.name(), reason, true, null));
            return;
        }
        Optional<Phrase> lost = RevertWatch.lost(state.versions(), doc);
        if (lost.isPresent()) {
            // The watch saw no revert (it may have let go during a long collection), but the last read lacks what
            // the action wrote: report it as the watch would have, re-apply included.
            onRevert(new RevertDetected(id, state.request.kind(), state.handle.actionId(), state.operator.name(),
                    lost.get(), doc.status()));
            return;
        }
        SessionStatus now = doc.status();
        // Still in Redis is not enough: past its expires_at the backend deletes it at its next read.
        Optional<Duration> expired = BackendRules.expiredFor(doc, runtime.timestamps.nowLocal());
        if (expired.isPresent() && finished(now)) {
            // at the flow's end with the change in place: expiring is how a finished session ends, not a loss
            endHold(state, new HoldOutcome(HoldOutcome.Kind.KEPT, Phrase.of("hold.finished", now, expired.get(),
                    doc.expiresAt().raw()), state.handle.reapplies(), now));
            return;
        }
        if (expired.isPresent()) {
            endHold(state, new HoldOutcome(HoldOutcome.Kind.VANISHED, Phrase.of("hold.expiredForBackend",
                    expired.get(), doc.expiresAt().raw()), state.handle.reapplies(), now));
            return;
        }
        endHold(state, new HoldOutcome(HoldOutcome.Kind.KEPT, state.handle.reapplies() == 0
                ? Phrase.of("hold.kept") : Phrase.of("hold.keptAfterReapply", state.handle.reapplies()),
                state.handle.reapplies(), now));
    }

    /** Whether this hold's action is a collection that has not finished yet. */
    private boolean collecting(HoldState state) {
        Collection running = runtime.collections.get(state.handle.sessionId());
        return running != null && running.actionId.equals(state.handle.actionId());
    }

    void endHold(HoldState state, HoldOutcome outcome) {
        endHold(state, outcome, true);
    }

    private void endHold(HoldState state, HoldOutcome outcome, boolean audit) {
        String actionId = state.handle.actionId();
        synchronized (state) {
            if (state.ending) {
                return;
            }
            state.ending = true;
        }
        holds.remove(actionId, state);
        if (revertWatch != null) {
            revertWatch.unwatch(state.handle.sessionId(), actionId);
        }
        boolean told = outcome.kind() != HoldOutcome.Kind.NOT_HELD;
        if (told) {
            LOG.info("{} hold on session {} ended: {}", actionId, state.handle.sessionId(), outcome.kind());
            if (audit) {
                // The last word on the action (its attempt entry says APPLIED, this whether it stayed), written (or
                // its loss told) before anyone waiting on the hold learns its end: a command line exits right after.
                service.auditAfter(state.operator, AuditRecord.HOLD_ENDED, state.request, actionId, null,
                        outcome.statusNow(), outcome.kind().name(), outcome.message());
            }
        }
        state.handle.end(outcome);
        if (told) {
            service.fire(l -> l.onHoldEnded(state.handle.sessionId(), actionId, state.request.batchId(), outcome));
        }
    }

    /**
     * The session's key is gone. A session last seen finished with the change in place ended as finished sessions
     * do (the backend deletes one past its expires_at when it next reads it): the change was kept to the end. Any
     * other ended before the change could come to anything.
     */
    void onSessionRemoved(RevertWatch.Removed removed) {
        for (HoldState state : List.copyOf(holds.values())) {
            if (state.handle.sessionId().equals(removed.sessionId())) {
                SessionStatus seen = removed.finishedAs().get(state.handle.actionId());
                endHold(state, finished(seen)
                        ? new HoldOutcome(HoldOutcome.Kind.KEPT, Phrase.of("hold.finishedThenEnded", seen),
                                state.handle.reapplies(), null)
                        : new HoldOutcome(HoldOutcome.Kind.VANISHED, Phrase.of("hold.vanished"),
                                state.handle.reapplies(), null));
            }
        }
    }

    /** A status where the session's flow ends (completed, error, info_required…), whoever wrote it. */
    private static boolean finished(SessionStatus status) {
        return status != null && status.isTerminal();
    }

    /** A held change was overwritten: audit and report it, then re-apply it if asked and allowed. */
    void onRevert(RevertDetected revert) {
        HoldState state = holds.get(revert.actionId());
        if (state == null) {
            return; // another service's action, or a hold that just ended
        }
        report(state, revert);
        if (revert.toUnreadable()) {
            // Not re-applied: the flow never writes over a value it cannot read. Nothing of the change is left to
            // watch, so the hold ends here, as its last read would end it.
            endHold(state, HoldOutcome.overUnreadable((Phrase) revert.lost().arg(0), state.handle.reapplies()));
            return;
        }
        boolean again;
        synchronized (state) {
            again = state.request.reapply() && state.handle.reapplies() < runtime.options.maxReapplies()
                    && !state.ending;
            state.reapplying = again;
        }
        if (!again) {
            Phrase why = state.request.reapply() ? Phrase.of("hold.revertedTooOften", revert.lost(),
                    runtime.options.maxReapplies()) : Phrase.of("hold.reverted", revert.lost());
            endHold(state, new HoldOutcome(HoldOutcome.Kind.REVERTED, why, state.handle.reapplies(),
                    revert.statusNow()));
            return;
        }
        try {
            runtime.background.execute(() -> reapply(state, revert));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            endHold(state, new HoldOutcome(HoldOutcome.Kind.REVERTED, Phrase.of("hold.reverted", revert.lost()),
                    state.handle.reapplies(), revert.statusNow()));
        }
    }

    /** A held change was written over: counted, audited and told to the listeners (the window's notice and alert). */
    private void report(HoldState state, RevertDetected revert) {
        SessionStatus failedTo;
        synchronized (state) {
            state.reverts++;
            failedTo = state.failedTo;
        }
        service.recordAfter(new AuditRecord(runtime.timestamps.clock().instant(), revert.actionId(),
                AuditRecord.REVERT_DETECTED, state.operator.name(), state.operator.role(), revert.action().wire(),
                revert.sessionId(), "", false, "", revert.statusNow() == null ? "" : String.valueOf(revert.statusNow()),
                "REVERTED", revert.lost(), null, state.request.batchId()));
        RevertDetected told = revert.inBatch(state.request.batchId()).undoing(failedTo);
        service.fire(l -> l.onRevertDetected(told));
    }

    /**
     * Puts a reverted change back: the fields the action's writes changed get the values of its last write, and
     * its messages are appended again — only where a field still holds a value the action's own writes passed
     * through, and only if the action's re-apply guard holds on the reverted document.
     */
    private void reapply(HoldState state, RevertDetected revert) {
        state.handle.countReapply();
        int attempt = state.handle.reapplies();
        String id = state.handle.sessionId();
        List<SessionDocument> versions = state.versions();
        Precondition again;
        synchronized (state) {
            again = state.again;
        }
        Precondition guard = again.and(doc -> {
            FieldChanges.Restore plan = FieldChanges.restore(versions, doc);
            return plan.possible() ? Optional.empty() : Optional.of(Phrase.of("reapply.moved", plan.conflicts()));
        });
        // Through the runtime: the messages put back carry the action's mark, so a re-apply whose answer was lost
        // is looked for in the session like any action's write.
        UpdateResult r = runtime.update(id, guard, (current, edit) -> {
            FieldChanges.restore(versions, current).apply(edit.tree());
            for (int i = 0; i + 1 < versions.size(); i += 2) {
                for (JsonNode message : RevertWatch.appendedMessages(versions.get(i), versions.get(i + 1))) {
                    if (!RevertWatch.containsMessage(current, message)) {
                        edit.tree().withArray(SessionDocument.MESSAGES).add(message.deepCopy());
                    }
                }
            }
            edit.touch();
        });
        ActionResult.Outcome outcome;
        Phrase message;
        boolean unknown = r instanceof UpdateResult.Failed lost && lost.outcomeUnknown();
        if (r instanceof UpdateResult.Applied applied) {
            outcome = ActionResult.Outcome.APPLIED;
            message = Phrase.of("reapply.applied", attempt, revert.lost());
            synchronized (state) {
                state.reapplying = false;
            }
            // through the service: a re-applied write is a version of the session like the first one
            service.held(state.operator, state.request, state.handle.actionId(), applied, again, null);
        } else {
            ActionResult failed = FlowRuntime.notApplied(state.request, state.handle.actionId(), r);
            outcome = failed.outcome();
            message = Phrase.of(unknown ? "reapply.unknown" : "reapply.notApplied", attempt, failed.message());
        }
        LOG.info("{} re-apply {} on session {}: {}", state.handle.actionId(), attempt, id, outcome);
        service.auditAfter(state.operator, AuditRecord.REAPPLY, state.request, state.handle.actionId(),
                revert.statusNow(), r instanceof UpdateResult.Applied a ? a.after().status() : revert.statusNow(),
                outcome.name(), message);
        Reapplied event = new Reapplied(id, state.request.kind(), state.handle.actionId(), attempt, outcome, message);
        service.fire(l -> l.onReapplied(event));
        if (outcome != ActionResult.Outcome.APPLIED) {
            synchronized (state) {
                state.reapplying = false;
            }
            // A re-apply that may have landed leaves the change neither kept nor reverted for sure.
            endHold(state, unknown
                    ? new HoldOutcome(HoldOutcome.Kind.UNCONFIRMED, Phrase.of("hold.reapplyUnknown", revert.lost(),
                            message), attempt, revert.statusNow())
                    : new HoldOutcome(HoldOutcome.Kind.REVERTED, Phrase.of("hold.reapplyRefused", revert.lost(),
                            message), attempt - 1, revert.statusNow()));
        } else {
            // Its end may have passed while it ran (the window's last read found the revert): end it once more.
            scheduleEnd(state);
        }
    }
}
