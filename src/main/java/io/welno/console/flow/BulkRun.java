package io.welno.console.flow;

import io.welno.console.text.Phrase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One action over many sessions with one reason: a bucket after a Tilko outage, a selection, a list of ids. Every
 * session goes through {@link FlowService#perform} exactly as a single action would — its own compare-and-set,
 * guards, role check, audit entry and hold — and every audit entry of the run carries one batch id. Tilko calls
 * are limited by the service ({@link FlowOptions#maxTilkoCalls()}); sessions run on the given workers, a few at a
 * time. A run can be cancelled: sessions not started yet are left alone, and collections this run started are
 * stopped and give their claims back. The summary counts each outcome and lists its sessions. A run started from a
 * preview ({@link #startPreviewed}) attempts only the sessions the preview showed would change.
 */
public final class BulkRun {

    /**
     * How many sessions the window's and the command line's runs work on at once ({@link #start}'s workers): a few,
     * since each holds a connection and may wait on Tilko, whose calls the service limits besides.
     */
    public static final int WORKERS = 4;

    /** Where each session ended up. */
    public enum Tally {
        /** Applied, and still in place at the end of its hold. */
        APPLIED,
        /** A guard, the role or the reason refused it; nothing written. */
        REFUSED,
        /** Others kept changing it. */
        CONFLICT,
        /**
         * Applied, then written over: the backend wrote an older copy back (and it was not re-applied), or a value that
         * is no session at all is there now; its words ("written over") say nothing the second would make untrue.
         */
        REVERTED,
        /**
         * The session ended, before the action or while its change was held: deleted, or past its {@code expires_at}
         * (a person who never approved a re-sent request ends this way).
         */
        ENDED,
        /** Redis could not do it: unreachable, timeout, permission. */
        UNAVAILABLE,
        /**
         * Applied, but its hold ended on a value past a bound of the console's own (Redis answered, and the change may
         * well be in that value: the backend, without the bound, may read it), or the console closed before its hold
         * ended (Ctrl+C, the window closed): neither applied nor failed is true, and Redis is not why.
         */
        UNCONFIRMED,
        /**
         * Tilko refused (a collection that ended not approved, info_required or error), or an unexpected error.
         */
        FAILED,
        /**
         * Not started, or its collection stopped and gave the claim back: the run was cancelled (or the console
         * closed).
         */
        CANCELLED
    }

    /**
     * One session of the run: its result, how its hold ended (null while it is still held) and, for a collection, how
     * the collection ended (null for other actions).
     *
     * @param laterEntryMissing whether an entry that followed the attempt's (its collection's end, a revert, a
     *                          re-apply, its hold's end) could not be written; each was told when it happened
     * @param notAttempted      why the run left the session alone without attempting it (its preview refused it);
     *                          null when it was attempted, or not started because the run was cancelled
     */
    public record Item(String sessionId, Tally tally, ActionResult result, HoldOutcome held,
                       CollectionFinished collection, boolean laterEntryMissing, Phrase notAttempted) {

        public Item(String sessionId, Tally tally, ActionResult result, HoldOutcome held,
                    CollectionFinished collection, boolean laterEntryMissing) {
            this(sessionId, tally, result, held, collection, laterEntryMissing, null);
        }

        Item(String sessionId, Tally tally, ActionResult result, HoldOutcome held, CollectionFinished collection) {
            this(sessionId, tally, result, held, collection, false);
        }

        /**
         * What the session was told: how its collection ended when it did not complete, how its hold ended when that
         * undid the change, else the collection's or the action's own result.
         */
        public Phrase told() {
            Phrase ending = ending();
            // the result's own message already says its entry is missing; a later ending must say it too
            return unaudited() && ending != result.message() ? AuditFailures.told(ending, result.auditFailure())
                    : ending;
        }

        private Phrase ending() {
            if (collection != null && collection.result() != CollectionFinished.Result.COMPLETED) {
                return collection.message();
            }
            if (held != null && !held.kept()) {
                return held.message();
            }
            if (collection != null) {
                return collection.message();
            }
            if (result != null && held != null && held.kind() == HoldOutcome.Kind.KEPT
                    && (result.unconfirmed() || held.reapplies() > 0)) {
                // "not yet confirmed: the hold's reads tell", or a change that did not simply stay: what they told
                return Phrase.of("bulk.item.thenHeld", result.message(), held.message());
            }
            if (result != null) {
                return result.message();
            }
            return notAttempted != null ? notAttempted : Phrase.of("bulk.cancelled");
        }

        /** Whether the session's attempt entry could not be written to the audit stream. */
        public boolean unaudited() {
            return result != null && !result.audited();
        }

        /** Whether any of the session's audit entries, the attempt's or a later one, could not be written. */
        public boolean entryMissing() {
            return unaudited() || laterEntryMissing;
        }
    }

    /** What a run did, by outcome. */
    public record Summary(String batchId, int total, Map<Tally, List<Item>> byTally, boolean finished) {

        public int count(Tally tally) {
            return byTally.getOrDefault(tally, List.of()).size();
        }

        /** "12 applied, 3 refused, 1 reverted", as a code for the window and the CLI. */
        public Phrase phrase() {
            Phrase counts = Phrase.of("bulk.summary", total, count(Tally.APPLIED), count(Tally.REFUSED),
                    count(Tally.CONFLICT), count(Tally.REVERTED), count(Tally.UNAVAILABLE), count(Tally.FAILED),
                    count(Tally.CANCELLED), count(Tally.ENDED), count(Tally.UNCONFIRMED));
            int missing = entriesMissing();
            return missing == 0 ? counts : Phrase.of("bulk.summary.unaudited", counts, missing);
        }

        /**
         * Sessions, whatever their tally, with an audit entry that could not be written: the attempt's, or one that
         * followed it (a collection's end, a revert, a re-apply, a hold's end).
         */
        public int entriesMissing() {
            int n = 0;
            for (List<Item> list : byTally.values()) {
                for (Item item : list) {
                    n += item.entryMissing() ? 1 : 0;
                }
            }
            return n;
        }
    }

    private final FlowService flow;
    private final Operator operator;
    private final ActionRequest template;
    /** Every session of the run, in its order: those attempted and those {@link #leftAlone}. */
    private final List<String> ids;
    /** The sessions its preview refused (id → that refusal): told, never attempted. */
    private final Map<String, Phrase> leftAlone;
    /** Whether the run was started from a preview that allowed every session it attempts. */
    private final boolean previewed;
    private final String batchId = ConsoleMarks.newActionId();
    /**
     * The sessions finished, in the order they finished; guarded by itself. Not a copy-on-write list: a run over a
     * bucket of 100,000 would copy it on every addition, n² work on the workers.
     */
    private final List<Item> items = new ArrayList<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicInteger attempted = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger begun = new java.util.concurrent.atomic.AtomicInteger();
    private final CountDownLatch done;
    private final List<Consumer<Item>> listeners = new CopyOnWriteArrayList<>();
    /** How each collection this run started ended, by action id: a collection counts by its end, not by its claim. */
    private final Map<String, CompletableFuture<CollectionFinished>> collections = new ConcurrentHashMap<>();
    /**
     * Action ids whose later audit entries could not be written. Each is told before the event it follows (a hold's
     * end before the hold's outcome is known), so a session's is here before the session finishes.
     */
    private final Set<String> laterEntriesMissing = ConcurrentHashMap.newKeySet();
    private final FlowListener flowEvents = new FlowListener() {
        @Override
        public void onCollectionFinished(CollectionFinished finished) {
            collectionEnd(finished.actionId()).complete(finished);
        }

        @Override
        public void onAuditUnwritten(AuditUnwritten unwritten) {
            laterEntriesMissing.add(unwritten.actionId());
        }
    };

    private BulkRun(FlowService flow, Operator operator, ActionRequest template, List<String> ids,
                    Map<String, Phrase> leftAlone, boolean previewed) {
        this.flow = flow;
        this.operator = operator;
        this.template = template.withBatch(batchId);
        this.ids = List.copyOf(ids);
        Map<String, Phrase> ofThisRun = new HashMap<>();
        for (String id : this.ids) {
            Phrase refusal = leftAlone.get(id);
            if (refusal != null) {
                ofThisRun.put(id, refusal);
            }
        }
        this.leftAlone = Map.copyOf(ofThisRun);
        this.previewed = previewed;
        this.done = new CountDownLatch(this.ids.size());
    }

    /**
     * What the action would do to each session, computed without writing: the before/after of its first write, or
     * the rule that refuses it.
     */
    public static List<ActionPreview> preview(FlowService flow, Operator operator, ActionRequest template,
                                              List<String> ids) {
        List<ActionPreview> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            out.add(flow.preview(operator, template.forSession(id)));
        }
        return out;
    }

    /**
     * Starts the run on {@code workers} (its size is how many sessions are worked on at once; Tilko calls are limited
     * by the service besides). {@code onItem} hears of each session once its hold has ended.
     */
    public static BulkRun start(FlowService flow, Operator operator, ActionRequest template, List<String> ids,
                                ExecutorService workers, Consumer<Item> onItem) {
        return begin(new BulkRun(flow, operator, template, ids, Map.of(), false), workers, onItem);
    }

    /**
     * Starts a run over a preview as it stood when the operator asked for the run (the window's bulk dialog, whose
     * preview follows the sessions while it is open): the sessions in {@code refused} (id → the preview's refusal)
     * are not attempted — nothing is read, written or audited for them — and count as REFUSED with that refusal, so
     * a session the operator saw would be refused is not changed because it qualified a moment later. The others run
     * as in {@link #start}: the flow checks each again when its turn comes (one that no longer qualifies is refused,
     * and says that the preview had allowed it), and its compare-and-set decides the write.
     *
     * @param ids every session of the preview, in its order, those refused included
     */
    public static BulkRun startPreviewed(FlowService flow, Operator operator, ActionRequest template, List<String> ids,
                                         Map<String, Phrase> refused, ExecutorService workers,
                                         Consumer<Item> onItem) {
        return begin(new BulkRun(flow, operator, template, ids, refused, true), workers, onItem);
    }

    private static BulkRun begin(BulkRun run, ExecutorService workers, Consumer<Item> onItem) {
        if (onItem != null) {
            run.listeners.add(onItem);
        }
        if (run.ids.size() > run.leftAlone.size()) {
            run.flow.addListener(run.flowEvents); // before any collection or hold can end
        }
        List<Item> notAttempted = new ArrayList<>(run.leftAlone.size());
        for (String id : run.ids) {
            Phrase refusal = run.leftAlone.get(id);
            if (refusal != null) {
                notAttempted.add(new Item(id, Tally.REFUSED, null, null, null, false,
                        Phrase.of("bulk.notAttempted", refusal)));
            }
        }
        run.attempted.addAndGet(notAttempted.size());
        run.finishAll(notAttempted);
        for (String id : run.ids) {
            if (!run.leftAlone.containsKey(id)) {
                workers.execute(() -> run.one(id));
            }
        }
        return run;
    }

    public String batchId() {
        return batchId;
    }

    public int total() {
        return ids.size();
    }

    /**
     * Sessions the run has been to so far: written, refused, failed or skipped. A written change may still be held
     * (watched for the backend's revert); {@link #finished()} counts it once its hold has ended.
     */
    public int attempted() {
        return attempted.get();
    }

    /**
     * Sessions a worker has not come to yet; none once the run is cancelled (they will be left alone, told as
     * CANCELLED).
     */
    public int notStarted() {
        return cancelled.get() ? 0 : Math.max(0, ids.size() - leftAlone.size() - begun.get());
    }

    /** Sessions finished so far (their hold ended, or they were refused, failed or cancelled). */
    public int finished() {
        synchronized (items) {
            return items.size();
        }
    }

    /**
     * Stops the run: sessions not started yet are left alone (CANCELLED), and collections this run started are
     * stopped, giving their claims back. Sessions already applied keep their change.
     */
    public void cancel() {
        if (cancelled.compareAndSet(false, true) && template.kind() == ActionKind.COLLECT) {
            for (String id : ids) {
                if (!leftAlone.containsKey(id)) { // never attempted: a collection of it is not this run's
                    flow.stopCollection(id);
                }
            }
        }
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Waits until every session has finished; true when they all have. */
    public boolean await(Duration timeout) throws InterruptedException {
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public Summary summary() {
        Map<Tally, List<Item>> by = new EnumMap<>(Tally.class);
        int finished;
        synchronized (items) {
            for (Item item : items) {
                by.computeIfAbsent(item.tally(), t -> new ArrayList<>()).add(item);
            }
            finished = items.size();
        }
        by.replaceAll((t, list) -> Collections.unmodifiableList(list));
        return new Summary(batchId, ids.size(), Collections.unmodifiableMap(by), finished == ids.size());
    }

    private void one(String id) {
        begun.incrementAndGet();
        try {
            oneAttempt(id);
        } finally {
            attempted.incrementAndGet();
        }
    }

    private void oneAttempt(String id) {
        try {
            if (cancelled.get()) {
                finish(new Item(id, Tally.CANCELLED, null, null, null));
                return;
            }
            ActionResult result = sincePreview(flow.perform(operator, template.forSession(id)));
            if (!result.applied() && !result.held()) {
                finish(new Item(id, tally(result.outcome()), result, null, null));
                return;
            }
            if (!result.applied()) {
                // A failure that left the session in error, held: it stays a failure unless its hold says the
                // session is not as told (written over, ended, not confirmed).
                result.hold().outcome().whenComplete((outcome, error) -> finish(new Item(id, outcome == null
                        ? Tally.UNAVAILABLE : outcome.kept() ? tally(result.outcome()) : tally(outcome), result,
                        outcome, null)));
                return;
            }
            // The hold decides: only a change still in place at its end counts as applied; a collection's hold lasts
            // until its last write has been held, and the collection must have completed.
            CompletableFuture<HoldOutcome> held = result.hold().outcome();
            if (template.kind() == ActionKind.COLLECT) {
                collectionEnd(result.actionId()).thenCombine(held, (collection, outcome) -> new Item(id,
                        tally(collection, outcome), result, outcome, collection)).whenComplete((item, error) ->
                        finish(item != null ? item : new Item(id, Tally.FAILED, result, null, null)));
            } else {
                held.whenComplete((outcome, error) -> finish(new Item(id, outcome == null ? Tally.UNAVAILABLE
                        : outcome.kind() == HoldOutcome.Kind.NOT_HELD && result.unconfirmed() ? unheld(result)
                        : tally(outcome), result, outcome, null)));
            }
        } catch (RuntimeException e) {
            finish(new Item(id, Tally.FAILED, null, null, null));
        }
    }

    /** A refusal of a run started from a preview, which allowed the session: says that what refuses it came since. */
    private ActionResult sincePreview(ActionResult result) {
        return previewed && result.outcome() == ActionResult.Outcome.REFUSED
                ? result.withMessage(Phrase.of("bulk.refusedSincePreview", result.message())) : result;
    }

    private CompletableFuture<CollectionFinished> collectionEnd(String actionId) {
        return collections.computeIfAbsent(actionId, a -> new CompletableFuture<>());
    }

    /**
     * A write never read back that nothing holds ({@code --hold 0}): not known to be there, as a hold that could not
     * read it says — Redis trouble, or, read past the console's own bound, not confirmed (as a single action exits).
     */
    private static Tally unheld(ActionResult result) {
        return result.message().key().startsWith("flow.verify.pastOwnBound") ? Tally.UNCONFIRMED : Tally.UNAVAILABLE;
    }

    /** An applied change by how its hold ended. */
    private static Tally tally(HoldOutcome held) {
        if (held.kept()) {
            return Tally.APPLIED;
        }
        return switch (held.kind()) {
            // read, but past the console's own bound, or the console closed first: not Redis trouble, nor a
            // failure (the change may be there)
            case UNCONFIRMED -> held.pastOwnBound() || held.cutShortByClosing() ? Tally.UNCONFIRMED
                    : Tally.UNAVAILABLE;
            case VANISHED -> Tally.ENDED;
            default -> Tally.REVERTED;
        };
    }

    /** A started collection by how it ended, then (when it completed) by how its hold ended. */
    private static Tally tally(CollectionFinished collection, HoldOutcome held) {
        return switch (collection.result()) {
            case COMPLETED -> tally(held);
            case NOT_APPROVED_YET, INFO_REQUIRED, ERROR -> Tally.FAILED;
            case INTERRUPTED -> Tally.CANCELLED;
            case ABANDONED -> Tally.CONFLICT;
            case VANISHED -> Tally.ENDED;
            case UNAVAILABLE -> Tally.UNAVAILABLE;
        };
    }

    private static Tally tally(ActionResult.Outcome outcome) {
        return switch (outcome) {
            case APPLIED -> Tally.APPLIED;
            case REFUSED -> Tally.REFUSED;
            case CONFLICT -> Tally.CONFLICT;
            case VANISHED -> Tally.ENDED;
            case PERMISSION_DENIED, UNREACHABLE, TIMEOUT, CONNECTION_LOST -> Tally.UNAVAILABLE;
            case FAILED -> Tally.FAILED;
        };
    }

    private void finish(Item told) {
        Item item = told.result() != null && laterEntriesMissing.contains(told.result().actionId())
                ? new Item(told.sessionId(), told.tally(), told.result(), told.held(), told.collection(), true,
                told.notAttempted()) : told;
        synchronized (items) {
            items.add(item);
        }
        told(List.of(item));
    }

    /** Sessions finished together: those a preview refused, when the run starts. */
    private void finishAll(List<Item> together) {
        synchronized (items) {
            items.addAll(together);
        }
        told(together);
    }

    private void told(List<Item> finished) {
        // Told before it counts as finished: whoever waits for the run (the command line's summary, then its exit)
        // would otherwise go on while the last session's line is still being told, and lose it.
        for (Item item : finished) {
            for (Consumer<Item> listener : listeners) {
                try {
                    listener.accept(item);
                } catch (RuntimeException e) {
                    // a listener's trouble is its own; the run goes on
                }
            }
            done.countDown();
        }
        if (!finished.isEmpty() && done.getCount() == 0) {
            flow.removeListener(flowEvents);
        }
    }
}
