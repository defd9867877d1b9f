package io.welno.console.flow;

import com.fasterxml.jackson.databind.JsonNode;
import io.welno.console.session.ParsedSession;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionEditor;
import io.welno.console.session.SessionStatus;
import io.welno.console.session.Timestamps;
import io.welno.console.store.FallbackSessionStore;
import io.welno.console.store.Precondition;
import io.welno.console.store.SessionMutation;
import io.welno.console.store.SessionStore;
import io.welno.console.store.StoreFailure;
import io.welno.console.store.UpdateResult;
import io.welno.console.text.Phrase;
import io.welno.console.tilko.TilkoClient;
import io.welno.console.tilko.TilkoResult;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's session actions, the common part: the reason, the role and Tilko are checked, the action runs
 * ({@link FlowAction}, one class per kind), the attempt is audited and reported, and an applied change is
 * <em>held</em> — watched for the backend writing back an older copy, reported at once when it does, and on
 * request applied again through the same compare-and-set if the action's guards still hold (docs/flow.md).
 *
 * <p>Wiring, by hand:
 * <pre>{@code
 * RedisSessionStore store = RedisSessionStore.open(settings, codec, timestamps);
 * RevertWatch watch = new RevertWatch(store, Duration.ofSeconds(1));
 * FlowService flow = new FlowService(store, tilkoClientOrNull, new RedisAuditLog(store.client()), watch,
 *         timestamps, Executors.newCachedThreadPool(), FlowOptions.defaults());
 * flow.addListener(uiListener);
 * ActionResult r = flow.perform(new Operator("kim", Role.OPERATOR), ActionRequest.of(ActionKind.COLLECT, id, "user called"));
 * HoldOutcome held = r.hold().await(Duration.ofSeconds(5));
 * }</pre>
 * {@code perform} blocks for simple-auth (one Tilko call, up to its timeout) and manual-auth-complete with an
 * approval check; call it off the UI thread. For collect it returns once the claim is written; the collection
 * continues on the executor and reports through {@link FlowListener}.
 *
 * <p>A viewer's request is refused before anything is written: not the session, not the audit stream (viewer
 * attempts go to {@link #localAudit()} and the log instead).
 *
 * <p>Longer than most because it is the flow's one entry point (the window, the CLI and bulk runs all ask it): most
 * of its methods are short questions handed to the registry, the guards or the holds, and the parts with state of
 * their own ({@link FlowAction} per kind, holds, the revert spotter) are classes of their own.
 */
public final class FlowService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FlowService.class);

    private final AuditLog audit;
    private final MemoryAuditLog localAudit = new MemoryAuditLog();
    private final RevertWatch revertWatch;
    private final ActionRegistry registry = new ActionRegistry();
    private final FlowRuntime runtime;
    private final ScheduledExecutorService timer;
    /** Tilko, at most so many calls at a time; null without Tilko. */
    private final LimitedTilko limitedTilko;
    private final List<FlowListener> listeners = new CopyOnWriteArrayList<>();
    private final Holds holds;
    private final Consumer<RevertDetected> revertForwarder;
    private final Consumer<RevertWatch.Removed> removedForwarder;
    private final RevertSpotter spotter;
    private volatile boolean closed;

    /**
     * @param store       the only way sessions are written
     * @param tilko       the Tilko client, or null: then simple-auth, collect and approval checks are refused
     * @param audit       where attempts are recorded (e.g. {@link RedisAuditLog}); null = in-process only
     * @param revertWatch watches applied changes during their hold; null = nothing is held
     * @param background  runs collections and re-applies; owned by the caller (a same-thread executor makes them
     *                    synchronous)
     */
    public FlowService(SessionStore store, TilkoClient tilko, AuditLog audit, RevertWatch revertWatch,
                       Timestamps timestamps, ExecutorService background, FlowOptions options) {
        this(store, TilkoGateway.of(tilko), audit, revertWatch, timestamps, background, options);
    }

    FlowService(SessionStore store, TilkoGateway tilko, AuditLog audit, RevertWatch revertWatch,
                Timestamps timestamps, ExecutorService background, FlowOptions options) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(timestamps, "timestamps");
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(options, "options");
        this.audit = audit == null ? localAudit : audit;
        this.revertWatch = revertWatch;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "flow-timer");
            t.setDaemon(true);
            return t;
        });
        LeaseKeeper leases = new LeaseKeeper(store, timestamps, options.claimLease(), timer, options.logWords());
        Guards guards = new Guards(options, timestamps, registry, leases::renews);
        this.limitedTilko = tilko == null ? null : new LimitedTilko(tilko, options.maxTilkoCalls());
        this.runtime = new FlowRuntime(this, store, limitedTilko, timestamps, options, guards, background, leases,
                ConsoleInstance.id());
        this.holds = new Holds(this, runtime, revertWatch, timer);
        this.revertForwarder = holds::onRevert;
        this.removedForwarder = holds::onSessionRemoved;
        if (revertWatch != null) {
            revertWatch.addListener(revertForwarder);
            revertWatch.addRemovedListener(removedForwarder);
        }
        this.spotter = new RevertSpotter(store, options.holdWindow(), this::isHolding, background,
                timestamps::nowLocal);
        spotter.addListener(revert -> fire(l -> l.onRevertDetected(revert)));
    }

    // ================================================================== public API

    public void addListener(FlowListener listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    public void removeListener(FlowListener listener) {
        listeners.remove(listener);
    }

    public FlowOptions options() {
        return runtime.options;
    }

    public Guards guards() {
        return runtime.guards;
    }

    public AuditLog auditLog() {
        return audit;
    }

    /** Attempts recorded only in this process: every viewer attempt (viewers never write to Redis). */
    public MemoryAuditLog localAudit() {
        return localAudit;
    }

    public boolean tilkoAvailable() {
        return runtime.tilko != null;
    }

    /** This console instance, as its claims name their owner. */
    public String instanceId() {
        return runtime.owner;
    }

    /** Whether this console is running a collection for the session right now. */
    public boolean isCollecting(String sessionId) {
        return runtime.isCollecting(sessionId);
    }

    public Set<String> runningCollections() {
        return Set.copyOf(runtime.collections.keySet());
    }

    /**
     * Stops this console's collection of a session, if it runs one: its Tilko call is interrupted and its claim
     * released (back to auth_completed, collection_started = false). A cancelled bulk run uses it.
     */
    public void stopCollection(String sessionId) {
        Collection running = runtime.collections.get(sessionId);
        if (running != null) {
            running.stop();
        }
    }

    /**
     * Where the live feed and the audit stream tell this console about other consoles' actions, so that it reports
     * the backend reverting them too ({@link RevertDetected#ours()} false).
     */
    public RevertSpotter otherConsoles() {
        return spotter;
    }

    /** What closing this service would cut short: held changes and running collections. */
    public OpenWork openWork() {
        return new OpenWork(holds.held(), runningCollections().size());
    }

    /** Whether one of this console's actions is being held (so its revert is this console's to report). */
    public boolean isHolding(String actionId) {
        return holds.isHolding(actionId);
    }

    /** The actions the UI should enable for this document and role (no override). */
    public List<ActionKind> allowedActions(SessionDocument doc, Role role) {
        List<ActionKind> out = new ArrayList<>();
        for (ActionKind kind : ActionKind.values()) {
            if (whyNot(kind, doc, role).isEmpty()) {
                out.add(kind);
            }
        }
        return out;
    }

    /** Why an action is disabled for this document and role; empty when it is allowed. */
    public Optional<Phrase> whyNot(ActionKind kind, SessionDocument doc, Role role) {
        Optional<Phrase> early = roleOrTilkoRefusal(role, kind, false, kind.needsTilko());
        if (early.isPresent()) {
            return early;
        }
        return runtime.guards.refusal(kind, doc, false, this::isCollecting).map(Refusal::phrase);
    }

    /**
     * Why an action cannot run on any session with this connection (the role does not allow it, or it needs
     * Tilko and none is configured); empty when only the session's own state can stop it.
     */
    public Optional<Phrase> whyNotForAnySession(ActionKind kind, Role role) {
        return roleOrTilkoRefusal(role, kind, false, kind.needsTilko());
    }

    /** Whether a developer could run the action by overriding (every rule that stops it is overridable). */
    public boolean canOverride(ActionKind kind, SessionDocument doc, Role role) {
        return role.mayOverrideGuards() && role.allows(kind)
                && runtime.guards.refusal(kind, doc, false, this::isCollecting).isPresent()
                && runtime.guards.refusal(kind, doc, true, this::isCollecting).isEmpty();
    }

    /** Time since the session last made progress (newest message, collection start, console claim). */
    public Optional<Duration> idleFor(SessionDocument doc) {
        return runtime.guards.idleFor(doc);
    }

    public boolean isStuck(SessionDocument doc) {
        return runtime.guards.isStuck(doc);
    }

    /**
     * Whether an applied action went into the backend's fallback file because Redis has no key: the backend reads
     * that file only while its Redis calls fail, so the operator is told, not only "applied".
     */
    private boolean writtenToFileOnly(String sessionId) {
        if (!(runtime.store instanceof FallbackSessionStore fallback)) {
            return false;
        }
        try {
            return fallback.redis().get(sessionId).isEmpty() && fallback.fileGet(sessionId).isPresent();
        } catch (RuntimeException e) {
            return false; // Redis unreadable now: the result says what the write itself found
        }
    }

    /**
     * Runs one action. Never throws for anything Redis, Tilko or the document does; the result says what
     * happened. Every call is audited and reported to {@link FlowListener#onActionFinished}. An applied result
     * carries its {@link ActionResult#hold()}, and so does a simple-auth that failed leaving the session in error
     * ({@link ActionResult#held()}).
     */
    public ActionResult perform(Operator operator, ActionRequest request) {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(request, "request");
        String actionId = ConsoleMarks.newActionId();
        FlowAction.Execution execution;
        runtime.actionsRunning.add(actionId);
        try {
            execution = dispatch(operator, request, actionId);
        } catch (RuntimeException e) {
            execution = new FlowAction.Execution(unexpected(request, actionId, e));
        } finally {
            runtime.actionsRunning.remove(actionId);
        }
        ActionResult result = execution.result();
        if (result.applied() && writtenToFileOnly(request.sessionId())) {
            result = result.withMessage(Phrase.of("flow.fileOnly", result.message()));
        }
        Hold held = holds.takeStartedBy(actionId);
        if (held != null && execution.holdsWrite()) {
            result = result.withHold(held);
        } else if (held != null && !runtime.collections.containsKey(request.sessionId())) {
            holds.end(actionId, HoldOutcome.notHeld());
        }
        LOG.info("{} {} on session {} by the {} role: {}", actionId, request.kind().wire(), request.sessionId(),
                operator.role().wire(), result.outcome());
        Optional<StoreFailure> unaudited = audit(operator, AuditRecord.ATTEMPT, request, actionId,
                result.statusBefore(), result.statusAfter(), result.outcome().name(), result.message());
        if (unaudited.isPresent()) {
            result = result.withAuditFailure(unaudited.get());
        }
        ActionResult reported = result;
        fire(l -> l.onActionFinished(reported));
        if (execution.afterReport() != null) {
            execution.afterReport().run();
        }
        return result;
    }

    /** The change an action would make, computed without writing (for the before/after diff). */
    public ActionPreview preview(Operator operator, ActionRequest request) {
        ActionKind kind = request.kind();
        Optional<Phrase> early = roleOrTilkoRefusal(operator.role(), kind, request.overrideGuards(),
                needsTilko(request));
        FlowRuntime.Readable read = runtime.read(request, "preview");
        if (read.problem() != null) {
            return new ActionPreview(request, null, null, read.problem().message(), null);
        }
        SessionDocument before = read.doc();
        if (early.isPresent()) {
            return new ActionPreview(request, before, null, early.get(), null);
        }
        LocalDateTime judgedUntil = runtime.guards.judgedUntil(kind, before).orElse(null);
        Optional<Refusal> refusal = runtime.guards.refusal(kind, before, request.overrideGuards(),
                this::isCollecting);
        if (refusal.isPresent()) {
            return new ActionPreview(request, before, null, refusal.get().phrase(), null, judgedUntil);
        }
        FlowAction action = registry.get(kind);
        SessionMutation mutation = action.firstWrite(operator, request, ConsoleMarks.newActionId(), runtime);
        SessionEditor editor = new SessionEditor(before.tree().deepCopy(), runtime.timestamps);
        mutation.apply(before, editor);
        ParsedSession after = runtime.codec.wrap(request.sessionId(), editor.tree());
        if (!(after instanceof SessionDocument afterDoc)) {
            return new ActionPreview(request, before, null, Phrase.of("flow.preview.unreadable"), null);
        }
        return new ActionPreview(request, before, afterDoc, null, action.followUp(request, runtime.options),
                judgedUntil);
    }

    /**
     * Now in the backend's wall-clock time, by the clock the guards judge with: what a preview's
     * {@link ActionPreview#judgedUntil} is compared with.
     */
    public LocalDateTime now() {
        return runtime.timestamps.nowLocal();
    }

    /**
     * Stops background collections: each is asked to stop, given {@link FlowOptions#shutdownGrace()} to release
     * its claim (back to auth_completed, collection_started = false), and released directly after that. Open holds
     * end unconfirmed. Does not close the store, Tilko client, executor or revert watch that were passed in.
     */
    @Override
    public void close() {
        closed = true;
        holds.refuseNew();
        if (revertWatch != null) {
            revertWatch.removeListener(revertForwarder);
            revertWatch.removeRemovedListener(removedForwarder);
        }
        List<Collection> running = new ArrayList<>(runtime.collections.values());
        running.forEach(Collection::stop);
        long deadline = System.nanoTime() + runtime.options.shutdownGrace().toNanos();
        for (Collection c : running) {
            try {
                if (c.started.get()) {
                    c.done.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (c.done.getCount() > 0) {
                // Never started, or stuck in a Tilko call that ignores interrupts: release its claim from here.
                c.finish(c.interrupted());
            }
        }
        holds.close();
        timer.shutdownNow();
        if (limitedTilko != null) {
            limitedTilko.close();
        }
    }

    // ================================================================== common checks

    private FlowAction.Execution dispatch(Operator operator, ActionRequest request, String actionId) {
        ActionKind kind = request.kind();
        Optional<Phrase> badReason = ActionRequest.reasonProblem(request.reason());
        if (badReason.isPresent()) {
            return new FlowAction.Execution(FlowRuntime.refused(request, actionId, null,
                    Phrase.of("flow.refused", badReason.get())));
        }
        if (!operator.role().allows(kind)) {
            SessionStatus seen = operator.role() == Role.VIEWER ? null : peekStatus(request.sessionId());
            Phrase why = roleOrTilkoRefusal(operator.role(), kind, false, false).orElseThrow();
            return new FlowAction.Execution(FlowRuntime.refused(request, actionId, seen, seen == null
                    ? Phrase.of("flow.refused", why) : Phrase.of("flow.refusedSeen", why, seen)));
        }
        Optional<Phrase> early = roleOrTilkoRefusal(operator.role(), kind, request.overrideGuards(),
                needsTilko(request));
        if (early.isPresent()) {
            return new FlowAction.Execution(FlowRuntime.refused(request, actionId, null,
                    Phrase.of("flow.refused", early.get())));
        }
        if (closed) {
            return new FlowAction.Execution(ActionResult.of(request, ActionResult.Outcome.FAILED,
                    Phrase.of("flow.closing"), null, null, actionId));
        }
        if (kind.needsTilko()) {
            Optional<ActionResult> unusable = tilkoUnusable(request, actionId);
            if (unusable.isPresent()) {
                return new FlowAction.Execution(unusable.get());
            }
        }
        return registry.get(kind).execute(operator, request, actionId, runtime);
    }

    /**
     * A re-send or a collection claims the session before it calls Tilko and, like the backend, leaves it in error
     * when the call fails; so a Tilko that cannot be used now (unreachable, refusing the key, a wrong address in the
     * profile) refuses the action before anything is written. Tilko's key is asked first, from the cache while it is
     * fresh, so the usual action costs no extra read; only when Tilko cannot be used is the session read, so that a
     * session the action would refuse anyway (its guards, a key gone) is told its own reason, not Tilko's. A check
     * that cannot tell (it threw) lets the action go on to meet whatever its own call meets.
     */
    private Optional<ActionResult> tilkoUnusable(ActionRequest request, String actionId) {
        TilkoResult<String> key;
        try {
            key = runtime.tilko.publicKey(request.batchId() != null);
        } catch (RuntimeException e) {
            LOG.warn("The check of Tilko's public key threw {}; the action goes on", e.getClass().getSimpleName());
            return Optional.empty();
        }
        if (key == null || key.isSuccess()) {
            return Optional.empty();
        }
        FlowRuntime.Readable read = runtime.read(request, actionId);
        if (read.problem() != null || runtime.guards.refusal(request.kind(), read.doc(), request.overrideGuards(),
                this::isCollecting).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(FlowRuntime.refused(request, actionId, read.doc().status(), Phrase.of("flow.refused",
                Phrase.of("flow.tilko.unusable", request.kind(), key.phrase()))));
    }

    private Optional<Phrase> roleOrTilkoRefusal(Role role, ActionKind kind, boolean override, boolean needsTilko) {
        if (!role.allows(kind)) {
            return Optional.of(role == Role.VIEWER ? Phrase.of("flow.role.viewer")
                    : Phrase.of("flow.role.needsDeveloper", role, kind));
        }
        if (override && !role.mayOverrideGuards()) {
            return Optional.of(Phrase.of("flow.role.noOverride"));
        }
        if (needsTilko && runtime.tilko == null) {
            return Optional.of(Phrase.of("flow.tilko.missing", kind));
        }
        return Optional.empty();
    }

    private static boolean needsTilko(ActionRequest request) {
        return request.kind().needsTilko()
                || (request.kind() == ActionKind.MANUAL_COMPLETE && request.checkApproval());
    }

    private SessionStatus peekStatus(String id) {
        try {
            return runtime.store.get(id).map(s -> s.parsed() instanceof SessionDocument d ? d.status() : null)
                    .orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * An action that threw what no step of it names (a Redis error of no known kind, or an error of the console's own
     * code): what it wrote is then read from the session itself, so that the result never calls a change that is in
     * the session a failure, nor one that is not there a change. Its mark ({@link ConsoleMarks}) is on every message an
     * action appends, and every write of an action appends one.
     */
    private ActionResult unexpected(ActionRequest request, String actionId, RuntimeException e) {
        StoreFailure failure = StoreFailure.of(e);
        if (failure.cause() == StoreFailure.Cause.FILE_FAILED) {
            return ActionResult.of(request, ActionResult.Outcome.FAILED, failure.phrase(), null, null, actionId);
        }
        if (failure.cause() != StoreFailure.Cause.SERVER_ERROR) {
            return ActionResult.of(request, ActionResult.Outcome.of(failure), Phrase.of("flow.redisFailed",
                    failure.phrase()), null, null, actionId);
        }
        LOG.warn("{} {} stopped on an error", actionId, request.kind().wire(), e);
        boolean redisAnswered = StoreFailure.answeredByRedis(e);
        // A Java error's own message is English and may quote a session's text: the class names it, the log tells it.
        Phrase cause = redisAnswered ? Phrase.of("flow.redisError", failure.detail())
                : Phrase.of("flow.consoleError", e.getClass().getSimpleName());
        Optional<SessionDocument> written;
        try {
            written = runtime.store.get(request.sessionId())
                    .map(stored -> stored.parsed() instanceof SessionDocument doc ? doc : null)
                    .filter(doc -> holdsMarkOf(doc, actionId));
        } catch (RuntimeException unread) {
            LOG.warn("{} could not read session {} back after its error: {}", actionId, request.sessionId(),
                    StoreFailure.of(unread).cause());
            return ActionResult.of(request, ActionResult.Outcome.FAILED, Phrase.of("flow.stopped.unchecked", cause,
                    request.kind(), actionId), null, null, actionId);
        }
        if (written.isPresent()) {
            SessionStatus now = written.get().status();
            // A write that is the whole change stands as applied; a claim ahead of Tilko's answer is only a step.
            return request.kind().needsTilko()
                    ? ActionResult.of(request, ActionResult.Outcome.FAILED, Phrase.of("flow.stopped.midway", cause,
                            request.kind(), actionId), null, now, actionId)
                    : ActionResult.of(request, ActionResult.Outcome.APPLIED, Phrase.of(holding(actionId)
                            ? "flow.stopped.afterWriteHeld" : "flow.stopped.afterWrite", cause, request.kind(),
                            actionId), null, now, actionId);
        }
        return ActionResult.of(request, ActionResult.Outcome.FAILED, redisAnswered
                ? Phrase.of("flow.redisFailed", failure.phrase())
                : Phrase.of("flow.stopped", cause, request.kind(), actionId), null, null, actionId);
    }

    /** Whether one of the session's messages carries the mark of the action {@code actionId}. */
    private static boolean holdsMarkOf(SessionDocument doc, String actionId) {
        JsonNode messages = doc.tree().get(SessionDocument.MESSAGES);
        if (messages == null || !messages.isArray()) {
            return false;
        }
        for (JsonNode entry : messages) {
            if (ConsoleMessageMark.of(entry).filter(mark -> mark.actionId().equals(actionId)).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the action's write is held: a hold started, and it has not ended — or it ended while the action still
     * runs (a revert seen during its read-back), which its result then carries.
     */
    boolean holding(String actionId) {
        return holds.startedOrHolding(actionId);
    }

    /**
     * An applied write of an action: its hold starts (or is extended); see {@link Holds}.
     *
     * @param failedTo the status a failed action's write left (its revert is told as that status undone); null for
     *                 the writes of an action that applied, and for a re-apply, which keeps what the hold knows
     */
    void held(Operator operator, ActionRequest request, String actionId, UpdateResult.Applied write,
              Precondition again, SessionStatus failedTo) {
        SessionWritten written = new SessionWritten(request.sessionId(), actionId, request.kind(), operator.name(),
                write.after());
        fire(l -> l.onSessionWritten(written));
        holds.held(operator, request, actionId, write, again, failedTo);
    }

    // ================================================================== audit and listeners

    /** @return empty when the entry was written, else why not */
    Optional<StoreFailure> audit(Operator operator, String event, ActionRequest request, String actionId,
                                 SessionStatus before, SessionStatus after, String result, Phrase message) {
        AuditRecord record = new AuditRecord(runtime.timestamps.clock().instant(), actionId, event, operator.name(),
                operator.role(), request.kind().wire(), request.sessionId(), request.reason(),
                request.overrideGuards(), before == null ? "" : String.valueOf(before),
                after == null ? "" : String.valueOf(after), result, message, null, request.batchId());
        // A viewer never writes to Redis, not even an audit entry: its attempts stay in this process.
        return (operator.role().mayWrite() ? audit : localAudit).record(record);
    }

    /**
     * An entry that follows an outcome the operator was told already (a collection's end, a re-apply, a hold's end):
     * written like {@link #audit}, and when it is not, the listeners are told, since the audit tab will lack it
     * (docs/flow.md, "Audit"). The audit log has logged it.
     */
    void auditAfter(Operator operator, String event, ActionRequest request, String actionId, SessionStatus before,
                    SessionStatus after, String result, Phrase message) {
        tellIfUnwritten(audit(operator, event, request, actionId, before, after, result, message), request.sessionId(),
                actionId, event);
    }

    /** A revert the watch found, written as it is; told like {@link #auditAfter} when it is not. */
    void recordAfter(AuditRecord record) {
        tellIfUnwritten(audit.record(record), record.sessionId(), record.actionId(), record.event());
    }

    private void tellIfUnwritten(Optional<StoreFailure> unaudited, String sessionId, String actionId, String event) {
        if (unaudited.isPresent()) {
            AuditUnwritten lost = new AuditUnwritten(sessionId, actionId, event, unaudited.get());
            fire(l -> l.onAuditUnwritten(lost));
        }
    }

    void fire(Consumer<FlowListener> event) {
        for (FlowListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("A flow listener failed", e);
            }
        }
    }
}
