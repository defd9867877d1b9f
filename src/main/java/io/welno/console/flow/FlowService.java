package io.welno.console.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.session.AuthCredentials;
import io.welno.console.session.MessageType;
import io.welno.console.session.ParsedSession;
import io.welno.console.session.Progress;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionEditor;
import io.welno.console.session.SessionStatus;
import io.welno.console.session.Timestamps;
import io.welno.console.session.UnreadableSession;
import io.welno.console.session.UserInfo;
import io.welno.console.store.Precondition;
import io.welno.console.store.SessionMutation;
import io.welno.console.store.SessionStore;
import io.welno.console.store.StoreErrors;
import io.welno.console.store.StoredSession;
import io.welno.console.store.UpdateResult;
import io.welno.console.tilko.Checkup;
import io.welno.console.tilko.Prescription;
import io.welno.console.tilko.SimpleAuthTicket;
import io.welno.console.tilko.TilkoClassification;
import io.welno.console.tilko.TilkoClassifier;
import io.welno.console.tilko.TilkoClient;
import io.welno.console.tilko.TilkoCredentials;
import io.welno.console.tilko.TilkoPerson;
import io.welno.console.tilko.TilkoResult;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * The console's session actions: simple-auth, manual-auth-complete, collect and reset-stuck, each guarded
 * ({@link Guards}), limited by role ({@link Role}), audited ({@link AuditLog}) and written only through
 * {@link SessionStore#update} (read → check → mutate → compare-and-set). After every applied write the
 * session is read back, so {@link ActionResult.Outcome#APPLIED} means "in Redis now", and the change is
 * handed to the {@link RevertWatch}.
 *
 * <p>Wiring, by hand:
 * <pre>{@code
 * RedisSessionStore store = RedisSessionStore.open(settings, codec, timestamps);
 * RevertWatch watch = new RevertWatch(store, Duration.ofSeconds(1));
 * FlowService flow = new FlowService(store, tilkoClientOrNull, new RedisAuditLog(store.client()), watch,
 *         timestamps, Executors.newCachedThreadPool(), FlowOptions.defaults());
 * flow.addListener(uiListener);
 * ActionResult r = flow.perform(new Operator("kim", Role.OPERATOR), ActionRequest.of(ActionKind.COLLECT, id, "user called"));
 * }</pre>
 * {@code perform} blocks for simple-auth (one Tilko call, up to its timeout) and manual-auth-complete with
 * an approval check; call it off the UI thread. For collect it returns once the claim is written; the
 * collection continues on the executor and reports through {@link FlowListener}.
 *
 * <p>A viewer's request is refused before anything is written: not the session, not the audit stream
 * (viewer attempts go to {@link #localAudit()} and the log instead).
 */
public final class FlowService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FlowService.class);
    private static final int RELEASE_ATTEMPTS = 3;

    private final SessionStore store;
    private final TilkoGateway tilko;
    private final AuditLog audit;
    private final MemoryAuditLog localAudit = new MemoryAuditLog();
    private final RevertWatch revertWatch;
    private final Timestamps timestamps;
    private final ExecutorService background;
    private final FlowOptions options;
    private final Guards guards;
    private final SessionCodec codec;
    private final List<FlowListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Collection> collections = new ConcurrentHashMap<>();
    private final Map<String, Operator> recentActions = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Operator> eldest) {
            return size() > 10_000;
        }
    });
    private final Consumer<RevertDetected> revertForwarder = this::onRevert;
    private volatile boolean closed;

    /**
     * @param store       the only way sessions are written
     * @param tilko       the Tilko client, or null: then simple-auth, collect and approval checks are refused
     * @param audit       where attempts are recorded (e.g. {@link RedisAuditLog}); null = in-process only
     * @param revertWatch watches applied changes; null = no revert watching
     * @param background  runs collections; owned by the caller (a same-thread executor makes collect synchronous)
     */
    public FlowService(SessionStore store, TilkoClient tilko, AuditLog audit, RevertWatch revertWatch,
                       Timestamps timestamps, ExecutorService background, FlowOptions options) {
        this(store, TilkoGateway.of(tilko), audit, revertWatch, timestamps, background, options);
    }

    FlowService(SessionStore store, TilkoGateway tilko, AuditLog audit, RevertWatch revertWatch,
                Timestamps timestamps, ExecutorService background, FlowOptions options) {
        this.store = Objects.requireNonNull(store, "store");
        this.tilko = tilko;
        this.audit = audit == null ? localAudit : audit;
        this.revertWatch = revertWatch;
        this.timestamps = Objects.requireNonNull(timestamps, "timestamps");
        this.background = Objects.requireNonNull(background, "background");
        this.options = Objects.requireNonNull(options, "options");
        this.guards = new Guards(options, timestamps);
        this.codec = new SessionCodec(timestamps.zone());
        if (revertWatch != null) {
            revertWatch.addListener(revertForwarder);
        }
    }

    // ================================================================== public API

    public void addListener(FlowListener listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    public void removeListener(FlowListener listener) {
        listeners.remove(listener);
    }

    public FlowOptions options() {
        return options;
    }

    public Guards guards() {
        return guards;
    }

    public AuditLog auditLog() {
        return audit;
    }

    /** Attempts recorded only in this process: every viewer attempt (viewers never write to Redis). */
    public MemoryAuditLog localAudit() {
        return localAudit;
    }

    public boolean tilkoAvailable() {
        return tilko != null;
    }

    /** Whether this console is running a collection for the session right now. */
    public boolean isCollecting(String sessionId) {
        return collections.containsKey(sessionId);
    }

    public Set<String> runningCollections() {
        return Set.copyOf(collections.keySet());
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

    /** Why an action is disabled for this document and role, as a sentence; empty when it is allowed. */
    public Optional<String> whyNot(ActionKind kind, SessionDocument doc, Role role) {
        Optional<String> early = roleOrTilkoRefusal(role, kind, false, kind == ActionKind.SIMPLE_AUTH || kind == ActionKind.COLLECT);
        if (early.isPresent()) {
            return early;
        }
        return guards.refusal(kind, doc, false, this::isCollecting).map(Guards.Refusal::sentence);
    }

    /** Whether a developer could run the action by overriding (every rule that stops it is overridable). */
    public boolean canOverride(ActionKind kind, SessionDocument doc, Role role) {
        return role.mayOverrideGuards() && role.allows(kind)
                && guards.refusal(kind, doc, false, this::isCollecting).isPresent()
                && guards.refusal(kind, doc, true, this::isCollecting).isEmpty();
    }

    /** Time since the session last made progress (newest message, collection start, console claim). */
    public Optional<Duration> idleFor(SessionDocument doc) {
        return guards.idleFor(doc);
    }

    public boolean isStuck(SessionDocument doc) {
        return guards.isStuck(doc);
    }

    /**
     * Runs one action. Never throws for anything Redis, Tilko or the document does; the result says what
     * happened in a sentence. Every call is audited and reported to {@link FlowListener#onActionFinished}.
     */
    public ActionResult perform(Operator operator, ActionRequest request) {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(request, "request");
        String actionId = ConsoleMarks.newActionId();
        Dispatch dispatch;
        try {
            dispatch = dispatch(operator, request, actionId);
        } catch (RuntimeException e) {
            dispatch = new Dispatch(unexpected(request, actionId, e), null);
        }
        ActionResult result = dispatch.result;
        LOG.info("{} {} on session {} by a {}: {}", result.actionId(), request.kind().wire(), request.sessionId(),
                operator.role().wire(), result.outcome());
        recordAttempt(operator, request, result);
        fire(l -> l.onActionFinished(result));
        if (dispatch.afterReport != null) {
            dispatch.afterReport.run();
        }
        return result;
    }

    /** The change an action would make, computed without writing (for the before/after diff). */
    public ActionPreview preview(Operator operator, ActionRequest request) {
        ActionKind kind = request.kind();
        Optional<String> early = roleOrTilkoRefusal(operator.role(), kind, request.overrideGuards(), needsTilko(request));
        StoredSession stored;
        try {
            Optional<StoredSession> found = store.get(request.sessionId());
            if (found.isEmpty()) {
                return new ActionPreview(request, null, null, "There is no session " + request.sessionId()
                        + " (it expired or was deleted).", "");
            }
            stored = found.get();
        } catch (RuntimeException e) {
            return new ActionPreview(request, null, null, "The session could not be read: " + StoreErrors.describe(e)
                    + ".", "");
        }
        if (stored.parsed() instanceof UnreadableSession unreadable) {
            return new ActionPreview(request, null, null, unreadableSentence(unreadable.reason()), "");
        }
        SessionDocument before = (SessionDocument) stored.parsed();
        if (early.isPresent()) {
            return new ActionPreview(request, before, null, early.get(), "");
        }
        Optional<Guards.Refusal> refusal = guards.refusal(kind, before, request.overrideGuards(), this::isCollecting);
        if (refusal.isPresent()) {
            return new ActionPreview(request, before, null, refusal.get().sentence(), "");
        }
        String previewId = ConsoleMarks.newActionId();
        SessionMutation mutation = switch (kind) {
            case SIMPLE_AUTH -> simpleAuthClaim(operator, request, previewId);
            case MANUAL_COMPLETE -> manualComplete(operator, request, previewId, ApprovalCheck.NOT_CHECKED);
            case COLLECT -> collectClaim(operator, request, previewId);
            case RESET_STUCK -> resetStuck(operator, request, previewId);
        };
        SessionEditor editor = new SessionEditor(before.tree().deepCopy(), timestamps);
        mutation.apply(before, editor);
        ParsedSession after = codec.wrap(request.sessionId(), editor.tree());
        if (!(after instanceof SessionDocument afterDoc)) {
            return new ActionPreview(request, before, null, "The change would make the document unreadable.", "");
        }
        String followUp = switch (kind) {
            case SIMPLE_AUTH -> "Then Tilko's SimpleAuthRequest is sent: on success the status becomes auth_request_sent "
                    + "with temp_auth_data and expires_at = now + " + options.authExpiry().toSeconds()
                    + " s; on failure it becomes error with Tilko's message.";
            case MANUAL_COMPLETE -> request.checkApproval()
                    ? "Tilko's LoginCheck is asked first; its answer is reported but does not stop the change." : "";
            case COLLECT -> "Then health checkups and prescriptions are fetched in the background: completed on "
                    + "success, auth_completed if the phone approval has not happened, info_required on an identity "
                    + "mismatch, error otherwise; collection_started is cleared in every case.";
            case RESET_STUCK -> "";
        };
        return new ActionPreview(request, before, afterDoc, null, followUp);
    }

    /**
     * Stops background collections: each is asked to stop, given {@link FlowOptions#shutdownGrace()} to release
     * its claim (back to auth_completed, collection_started = false), and released directly after that.
     * Does not close the store, Tilko client, executor or revert watch that were passed in.
     */
    @Override
    public void close() {
        closed = true;
        if (revertWatch != null) {
            revertWatch.removeListener(revertForwarder);
        }
        List<Collection> running = new ArrayList<>(collections.values());
        for (Collection c : running) {
            c.stopRequested = true;
            Future<?> f = c.future;
            if (f != null) {
                f.cancel(true);
            }
        }
        long deadline = System.nanoTime() + options.shutdownGrace().toNanos();
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
                c.finish(c.release(SessionStatus.AUTH_COMPLETED, false, null,
                        "콘솔이 종료되어 데이터 수집을 중단했습니다. 다시 시도할 수 있습니다.",
                        CollectionFinished.Result.INTERRUPTED,
                        "The console shut down during the collection; the session is back at auth_completed."));
            }
        }
    }

    // ================================================================== dispatch

    private record Dispatch(ActionResult result, Runnable afterReport) {
        Dispatch(ActionResult result) {
            this(result, null);
        }
    }

    private Dispatch dispatch(Operator operator, ActionRequest request, String actionId) {
        ActionKind kind = request.kind();
        if (request.reason().isEmpty()) {
            return new Dispatch(refused(request, actionId, null,
                    "A reason is required for every action. Nothing was changed."));
        }
        if (!operator.role().allows(kind)) {
            SessionStatus seen = operator.role() == Role.VIEWER ? null : peekStatus(request.sessionId());
            String why = roleOrTilkoRefusal(operator.role(), kind, false, false).orElseThrow();
            if (seen != null) {
                why = why.substring(0, why.length() - 1) + " (the session is " + seen + ").";
            }
            return new Dispatch(refused(request, actionId, seen, why + " Nothing was changed."));
        }
        Optional<String> early = roleOrTilkoRefusal(operator.role(), kind, request.overrideGuards(), needsTilko(request));
        if (early.isPresent()) {
            return new Dispatch(refused(request, actionId, null, early.get() + " Nothing was changed."));
        }
        if (closed) {
            return new Dispatch(new ActionResult(request, ActionResult.Outcome.FAILED,
                    "The console is shutting down; nothing was changed.", null, null, actionId, null));
        }
        return switch (kind) {
            case SIMPLE_AUTH -> new Dispatch(simpleAuth(operator, request, actionId));
            case MANUAL_COMPLETE -> new Dispatch(manualComplete(operator, request, actionId));
            case COLLECT -> collect(operator, request, actionId);
            case RESET_STUCK -> new Dispatch(reset(operator, request, actionId));
        };
    }

    private Optional<String> roleOrTilkoRefusal(Role role, ActionKind kind, boolean override, boolean needsTilko) {
        if (!role.allows(kind)) {
            return Optional.of(role == Role.VIEWER
                    ? "The viewer role cannot run any action (it never writes to Redis)."
                    : "The " + role.wire() + " role cannot run " + kind.wire() + "; it needs the developer role.");
        }
        if (override && !role.mayOverrideGuards()) {
            return Optional.of("Only the developer role may override guards.");
        }
        if (needsTilko && tilko == null) {
            return Optional.of("No Tilko connection is configured (Tilko URL and API key), so " + kind.wire()
                    + " cannot run.");
        }
        return Optional.empty();
    }

    private static boolean needsTilko(ActionRequest request) {
        return request.kind().needsTilko() || (request.kind() == ActionKind.MANUAL_COMPLETE && request.checkApproval());
    }

    private Precondition guard(ActionKind kind, boolean override) {
        return doc -> guards.refusal(kind, doc, override, this::isCollecting).map(Guards.Refusal::sentence);
    }

    // ================================================================== simple-auth

    private SessionMutation simpleAuthClaim(Operator operator, ActionRequest request, String actionId) {
        return (current, edit) -> {
            edit.status(SessionStatus.AUTH_REQUESTING);
            edit.tree().set(ConsoleMarks.CLAIM, ConsoleMarks.claim(actionId, ActionKind.SIMPLE_AUTH, operator,
                    edit.timestamps().now()));
            edit.message(MessageType.INFO, ConsoleMarks.first(current.provider().koreanName()
                    + " 간편인증을 요청하고 있습니다.", operator, request, actionId));
        };
    }

    private ActionResult simpleAuth(Operator operator, ActionRequest request, String actionId) {
        String id = request.sessionId();
        UpdateResult claim = store.update(id, guard(ActionKind.SIMPLE_AUTH, request.overrideGuards()),
                simpleAuthClaim(operator, request, actionId));
        if (!(claim instanceof UpdateResult.Applied claimed)) {
            return notApplied(request, actionId, claim);
        }
        Optional<ActionResult> notThere = verify(request, actionId, claimed);
        if (notThere.isPresent()) {
            return notThere.get(); // our claim is gone: do not call Tilko on a session we no longer hold
        }
        SessionDocument doc = claimed.after();
        String authType = doc.userInfo().privateAuthType().strip();
        TilkoResult<SimpleAuthTicket> answer;
        try {
            answer = tilko.simpleAuth(person(doc), authType);
        } catch (RuntimeException e) {
            LOG.warn("{} Tilko SimpleAuthRequest threw {}", actionId, e.getClass().getSimpleName());
            answer = null;
        }
        Precondition stillOurs = ownsClaim(actionId, Set.of(SessionStatus.AUTH_REQUESTING), false);
        UpdateResult finish;
        boolean success = answer != null && answer.isSuccess() && answer.payload().isPresent();
        if (success) {
            SimpleAuthTicket ticket = answer.payload().get();
            finish = store.update(id, stillOurs, (current, edit) -> {
                edit.put(SessionDocument.TEMP_AUTH_DATA, tempAuthData(ticket, current.userInfo()));
                edit.status(SessionStatus.AUTH_REQUEST_SENT);
                edit.extend(options.authExpiry().toSeconds());
                edit.tree().remove(ConsoleMarks.CLAIM);
                edit.message(MessageType.INFO, ConsoleMarks.next(current.provider().koreanName()
                        + " 앱에서 인증을 진행해주세요.", actionId));
            });
        } else {
            String text = answer == null ? "틸코 API 호출 중 오류가 발생했습니다." : simpleAuthErrorText(answer, doc);
            finish = store.update(id, stillOurs, (current, edit) -> {
                edit.status(SessionStatus.ERROR);
                edit.tree().remove(ConsoleMarks.CLAIM);
                edit.message(MessageType.ERROR, ConsoleMarks.next(text, actionId));
            });
        }
        if (finish instanceof UpdateResult.Applied done) {
            watch(operator, request.kind(), actionId, claimed.before(), done.after());
            Optional<ActionResult> gone = verify(request, actionId, done, claimed.before());
            if (gone.isPresent()) {
                return gone.get();
            }
            if (success) {
                return new ActionResult(request, ActionResult.Outcome.APPLIED,
                        "Sent Tilko's SimpleAuthRequest; the session is now auth_request_sent and waits for the approval "
                                + "on the phone (expires_at " + done.after().expiresAt().raw() + ").",
                        claimed.before().status(), done.after().status(), actionId, null);
            }
            return new ActionResult(request, ActionResult.Outcome.FAILED,
                    "Tilko did not accept the SimpleAuthRequest (" + (answer == null ? "the call failed unexpectedly"
                            : describeTilko(answer)) + "); the session is now error.",
                    claimed.before().status(), done.after().status(), actionId, null);
        }
        String tilkoSaid = success ? "Tilko accepted the request (the user may have received a push)"
                : "Tilko did not accept the request";
        if (finish instanceof UpdateResult.PreconditionFailed changed) {
            return new ActionResult(request, ActionResult.Outcome.CONFLICT, tilkoSaid + ", but the session was changed "
                    + "by someone else meanwhile (" + changed.reason() + "), so the answer was not saved.",
                    claimed.before().status(), changed.statusSeen(), actionId, null);
        }
        return new ActionResult(request, finish instanceof UpdateResult.Failed ? ActionResult.Outcome.UNAVAILABLE
                : ActionResult.Outcome.CONFLICT, tilkoSaid + ", but the answer could not be saved: " + finish.describe()
                + " The session stays auth_requesting; simple-auth can be retried after "
                + Guards.human(options.staleAuthRequestAfter()) + ".",
                claimed.before().status(), SessionStatus.AUTH_REQUESTING, actionId, null);
    }

    /** camelCase, in the backend's key order; the person echo from Tilko wins over user_info (welno-backend.md §1.4). */
    private static ObjectNode tempAuthData(SimpleAuthTicket ticket, UserInfo user) {
        ObjectNode temp = JsonNodeFactory.instance.objectNode();
        TilkoCredentials c = ticket.credentials();
        temp.put("cxId", c.cxId());
        temp.put("privateAuthType", c.privateAuthType());
        temp.put("reqTxId", c.reqTxId());
        temp.put("token", c.token());
        temp.put("txId", c.txId());
        temp.put("userName", ticket.userName() != null ? ticket.userName() : user.name());
        temp.put("birthDate", ticket.birthDate() != null ? ticket.birthDate() : user.birthdate());
        temp.put("userCellphoneNumber", ticket.userCellphoneNumber() != null ? ticket.userCellphoneNumber()
                : user.phoneNo());
        return temp;
    }

    private static String simpleAuthErrorText(TilkoResult<?> answer, SessionDocument doc) {
        if (TilkoClassifier.isOk(answer.envelope())) {
            return doc.provider().koreanName() + " 앱 연동이 확인되지 않았습니다. 인증 앱 설치와 연결 상태를 확인해주세요.";
        }
        String code = answer.errorCode() != null ? answer.errorCode()
                : answer.resultCode() != null ? answer.resultCode() : "-";
        String message = answer.message().isEmpty() ? Objects.requireNonNullElse(answer.detail(), "") : answer.message();
        return "틸코 API 에러 (" + code + "): " + message;
    }

    // ================================================================== manual-auth-complete

    private SessionMutation manualComplete(Operator operator, ActionRequest request, String actionId,
                                           ApprovalCheck approval) {
        String note = switch (approval) {
            case APPROVED -> " (틸코 확인: 휴대폰 승인 완료)";
            case NOT_APPROVED -> " (틸코 확인: 아직 휴대폰 승인 전)";
            case UNKNOWN -> " (틸코 확인 실패)";
            case NOT_CHECKED -> "";
        };
        return (current, edit) -> {
            AuthCredentials temp = current.tempAuthData().orElseThrow();
            edit.authData(temp);
            edit.status(SessionStatus.AUTH_COMPLETED);
            edit.progress(Progress.AUTH_COMPLETED, true);
            edit.message(MessageType.SUCCESS, ConsoleMarks.first("인증이 완료되었습니다." + note, operator, request,
                    actionId));
        };
    }

    private ActionResult manualComplete(Operator operator, ActionRequest request, String actionId) {
        String id = request.sessionId();
        ApprovalCheck approval = ApprovalCheck.NOT_CHECKED;
        String approvalDetail = "";
        Precondition precondition = guard(ActionKind.MANUAL_COMPLETE, request.overrideGuards());
        if (request.checkApproval()) {
            Optional<StoredSession> found = store.get(id);
            if (found.isEmpty()) {
                return missing(request, actionId);
            }
            if (found.get().parsed() instanceof UnreadableSession unreadable) {
                return refused(request, actionId, null, unreadableSentence(unreadable.reason()));
            }
            SessionDocument doc = (SessionDocument) found.get().parsed();
            Optional<String> refusal = precondition.refusal(doc);
            if (refusal.isPresent()) {
                return refused(request, actionId, doc.status(), refusal.get() + " Nothing was changed.");
            }
            AuthCredentials temp = doc.tempAuthData().orElseThrow();
            TilkoResult<Boolean> check;
            try {
                check = tilko.loginCheck(credentials(temp), personForCheck(doc));
            } catch (RuntimeException e) {
                check = null;
            }
            approval = check == null ? ApprovalCheck.UNKNOWN : switch (check.classification()) {
                case SUCCESS -> ApprovalCheck.APPROVED;
                case NOT_APPROVED_YET -> ApprovalCheck.NOT_APPROVED;
                default -> ApprovalCheck.UNKNOWN;
            };
            approvalDetail = check == null ? "the call failed unexpectedly" : describeTilko(check);
            String checkedCxId = temp.cxId();
            precondition = precondition.and(current -> current.tempAuthData().map(AuthCredentials::cxId)
                    .filter(checkedCxId::equals).isPresent() ? Optional.empty()
                    : Optional.of("temp_auth_data changed while Tilko was being asked (status " + current.status() + ")"));
        }
        UpdateResult result = store.update(id, precondition, manualComplete(operator, request, actionId, approval));
        ActionResult out;
        if (result instanceof UpdateResult.Applied applied) {
            out = verify(request, actionId, applied).orElseGet(() -> {
                watch(operator, request.kind(), actionId, applied.before(), applied.after());
                return new ActionResult(request, ActionResult.Outcome.APPLIED, "Marked the session auth_completed with "
                        + "PascalCase auth_data copied from temp_auth_data.", applied.before().status(),
                        applied.after().status(), actionId, null);
            });
        } else {
            out = notApplied(request, actionId, result);
        }
        if (approval == ApprovalCheck.NOT_CHECKED) {
            return out;
        }
        String sentence = switch (approval) {
            case APPROVED -> " Tilko's LoginCheck confirms that the user approved on the phone.";
            case NOT_APPROVED -> " Warning: Tilko's LoginCheck says the user has NOT approved on the phone yet ("
                    + approvalDetail + "); a collection will come back to auth_completed until they do.";
            default -> " Tilko's LoginCheck could not tell whether the phone approval happened (" + approvalDetail + ").";
        };
        return new ActionResult(request, out.outcome(), out.message() + sentence, out.statusBefore(), out.statusAfter(),
                actionId, approval);
    }

    // ================================================================== collect

    private SessionMutation collectClaim(Operator operator, ActionRequest request, String actionId) {
        return (current, edit) -> {
            AuthCredentials auth = current.authData().orElseThrow();
            if (auth.casing() == AuthCredentials.Casing.CAMEL) {
                edit.authData(auth); // the backend's own task would read empty PascalCase fields from the legacy shape
            }
            edit.status(SessionStatus.FETCHING_HEALTH_DATA);
            edit.put(SessionDocument.COLLECTION_STARTED, true);
            edit.putNow("collection_start_time");
            edit.tree().set(ConsoleMarks.CLAIM, ConsoleMarks.claim(actionId, ActionKind.COLLECT, operator,
                    edit.timestamps().now()));
            edit.message(MessageType.INFO, ConsoleMarks.first("건강검진 데이터를 가져오는 중입니다.", operator, request,
                    actionId));
        };
    }

    private Dispatch collect(Operator operator, ActionRequest request, String actionId) {
        String id = request.sessionId();
        UpdateResult claim = store.update(id, guard(ActionKind.COLLECT, request.overrideGuards()),
                collectClaim(operator, request, actionId));
        if (!(claim instanceof UpdateResult.Applied claimed)) {
            return new Dispatch(notApplied(request, actionId, claim));
        }
        SessionDocument doc = claimed.after();
        Collection collection = new Collection(id, actionId, operator, request, claimed.before(),
                credentials(doc.authData().orElseThrow()), person(doc));
        collections.put(id, collection);
        Optional<ActionResult> gone = verify(request, actionId, claimed);
        if (gone.isPresent()) {
            collections.remove(id, collection);
            return new Dispatch(gone.get());
        }
        watch(operator, request.kind(), actionId, claimed.before(), claimed.after());
        ActionResult result = new ActionResult(request, ActionResult.Outcome.APPLIED, "Claimed the session for "
                + "collection (fetching_health_data, collection_started = true); health checkups and prescriptions "
                + "are now fetched in the background.", claimed.before().status(), doc.status(), actionId, null);
        return new Dispatch(result, () -> {
            try {
                collection.future = background.submit(collection);
            } catch (RejectedExecutionException e) {
                collection.finish(collection.release(SessionStatus.AUTH_COMPLETED, false, null,
                        "데이터 수집을 시작하지 못했습니다. 다시 시도할 수 있습니다.", CollectionFinished.Result.ERROR,
                        "The background executor refused the collection; the session is back at auth_completed."));
            }
        });
    }

    /** One background collection; its writes all require the claim to still be this action's. */
    private final class Collection implements Runnable {
        final String id;
        final String actionId;
        final Operator operator;
        final ActionRequest request;
        final SessionDocument firstBefore;
        final TilkoCredentials credentials;
        final TilkoPerson person;
        final AtomicBoolean started = new AtomicBoolean();
        final AtomicBoolean reported = new AtomicBoolean();
        final CountDownLatch done = new CountDownLatch(1);
        volatile Future<?> future;
        volatile boolean stopRequested;
        SessionStatus expected = SessionStatus.FETCHING_HEALTH_DATA;

        Collection(String id, String actionId, Operator operator, ActionRequest request, SessionDocument firstBefore,
                   TilkoCredentials credentials, TilkoPerson person) {
            this.id = id;
            this.actionId = actionId;
            this.operator = operator;
            this.request = request;
            this.firstBefore = firstBefore;
            this.credentials = credentials;
            this.person = person;
        }

        @Override
        public void run() {
            if (!started.compareAndSet(false, true)) {
                return;
            }
            CollectionFinished finished;
            try {
                finished = collect();
            } catch (Throwable t) {
                if (stopped()) {
                    finished = interrupted();
                } else {
                    LOG.warn("{} collection of session {} failed unexpectedly: {}", actionId, id, t.toString());
                    String what = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
                    finished = release(SessionStatus.ERROR, true, what, "데이터 수집 중 오류가 발생했습니다.",
                            CollectionFinished.Result.ERROR, "An unexpected error stopped the collection (" + what
                                    + "); the session is now error with collection_started = false.");
                }
            }
            finish(finished);
        }

        void finish(CollectionFinished finished) {
            if (!reported.compareAndSet(false, true)) {
                return;
            }
            collections.remove(id, this);
            done.countDown();
            LOG.info("{} collection of session {} ended: {}", actionId, id, finished.result());
            audit(operator, AuditRecord.COLLECTION_FINISHED, request, actionId, firstBefore.status(),
                    finished.finalStatus(), finished.result().name(), finished.message());
            fire(l -> l.onCollectionFinished(finished));
        }

        private boolean stopped() {
            return stopRequested || Thread.currentThread().isInterrupted();
        }

        private CollectionFinished collect() {
            if (stopped()) {
                return interrupted();
            }
            TilkoResult<List<Checkup>> health = tilko.healthCheckups(credentials, person);
            if (stopped()) {
                return interrupted();
            }
            String healthText = health.message();
            switch (health.classification()) {
                case SUCCESS -> {
                    int n = health.payload().map(List::size).orElse(0);
                    UpdateResult r = step((current, edit) -> {
                        edit.put(SessionDocument.HEALTH_DATA, health.envelope().deepCopy());
                        edit.progress(Progress.HEALTH_DATA_FETCHED, true);
                        edit.status(SessionStatus.FETCHING_PRESCRIPTION_DATA);
                        edit.message(MessageType.SUCCESS, ConsoleMarks.next("건강검진 데이터를 가져왔습니다 (" + n
                                + "건). 처방전 데이터를 가져오는 중입니다.", actionId));
                    });
                    if (!r.applied()) {
                        return lost(r);
                    }
                    progress("Health checkups saved (" + n + " record" + (n == 1 ? "" : "s")
                            + "); fetching prescriptions.");
                }
                case NOT_APPROVED_YET -> {
                    return end(SessionStatus.AUTH_COMPLETED, MessageType.INFO,
                            text(ConsoleMarks.next(healthText.isEmpty() ? "아직 휴대폰 인증이 완료되지 않았습니다." : healthText,
                                    actionId)), null, CollectionFinished.Result.NOT_APPROVED_YET,
                            "Tilko says the phone approval has not happened yet (" + describeTilko(health)
                                    + "); the session is back at auth_completed and collect can be retried once the "
                                    + "user approves.");
                }
                case INFO_MISMATCH -> {
                    return end(SessionStatus.INFO_REQUIRED, MessageType.ERROR, errorBody("user_info_error",
                            "입력 정보 확인 필요", healthText, health, true), null, CollectionFinished.Result.INFO_REQUIRED,
                            "Tilko says the name, birthdate or phone number do not match (" + describeTilko(health)
                                    + "); the session is now info_required.");
                }
                default -> {
                    return end(SessionStatus.ERROR, MessageType.ERROR, errorBody("health_data_error",
                            "건강검진 데이터 조회 실패", healthText, health, false), null, CollectionFinished.Result.ERROR,
                            "Tilko could not return the health checkups (" + describeTilko(health)
                                    + "); the session is now error.");
                }
            }
            LocalDate today = timestamps.nowLocal().toLocalDate();
            TilkoResult<List<Prescription>> prescriptions = tilko.prescriptions(credentials, person, today);
            if (stopped()) {
                return interrupted();
            }
            boolean prescriptionsOk = prescriptions.isSuccess();
            int p = prescriptions.payload().map(List::size).orElse(0);
            UpdateResult r = step((current, edit) -> {
                if (prescriptionsOk) {
                    edit.put(SessionDocument.PRESCRIPTION_DATA, prescriptions.envelope().deepCopy());
                    edit.progress(Progress.PRESCRIPTION_DATA_FETCHED, true);
                    edit.message(MessageType.SUCCESS, ConsoleMarks.next("처방전 데이터를 가져왔습니다 (" + p + "건).",
                            actionId));
                } else {
                    edit.message(MessageType.ERROR, errorBody("prescription_error", "처방전 데이터 조회 실패",
                            prescriptions.message(), prescriptions,
                            prescriptions.classification() == TilkoClassification.INFO_MISMATCH));
                }
            });
            if (!r.applied()) {
                return lost(r);
            }
            progress(prescriptionsOk ? "Prescriptions saved (" + p + " record" + (p == 1 ? "" : "s") + ")."
                    : "Prescriptions could not be fetched (" + describeTilko(prescriptions) + "); continuing.");
            boolean healthValid = health.payload().map(l -> !l.isEmpty()).orElse(false);
            boolean prescriptionsValid = prescriptions.payload().map(l -> !l.isEmpty()).orElse(false);
            if (healthValid || prescriptionsValid) {
                return end(SessionStatus.COMPLETED, MessageType.SUCCESS, text(ConsoleMarks.next(
                        "건강검진 및 처방전 데이터 수집이 완료되었습니다.", actionId)), edit -> {
                            edit.progress(Progress.COMPLETED, true);
                            edit.put("collection_completed", true);
                            edit.putNow("collection_end_time");
                        }, CollectionFinished.Result.COMPLETED, "The collection completed: "
                                + (healthValid ? "health checkups" : "no health checkups") + " and "
                                + (prescriptionsValid ? p + " prescription record" + (p == 1 ? "" : "s")
                                : "no prescriptions") + " saved; the session is now completed.");
            }
            return end(SessionStatus.ERROR, MessageType.ERROR, text(ConsoleMarks.next(
                    "수집된 건강검진·처방전 데이터가 없습니다.", actionId)), edit -> edit.putNow("collection_end_time"),
                    CollectionFinished.Result.ERROR, "Tilko returned no health checkup or prescription records; the "
                            + "session is now error.");
        }

        private JsonNode text(String s) {
            return JsonNodeFactory.instance.textNode(s);
        }

        /** An object message like the backend's background task writes (welno-backend.md §1.4). */
        private ObjectNode errorBody(String type, String title, String tilkoText, TilkoResult<?> answer,
                                     boolean recheck) {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.put("type", type);
            body.put("title", title);
            body.put("message", ConsoleMarks.next(tilkoText.isEmpty()
                    ? Objects.requireNonNullElse(answer.detail(), "틸코 API 오류") : tilkoText, actionId));
            if (answer.errorCode() != null) {
                body.put("error_code", answer.errorCode());
            }
            if (answer.errorLog() != null) {
                body.put("error_log", answer.errorLog());
            }
            if (recheck) {
                body.put("requires_info_recheck", true);
            }
            body.put("retry_available", !recheck);
            return body;
        }

        private void progress(String step) {
            SessionStatus status = expected;
            fire(l -> l.onCollectionProgress(new CollectionProgress(id, actionId, status, step)));
        }

        private Precondition ours() {
            return ownsClaim(actionId, Set.of(expected), true);
        }

        /** A step write: keeps the claim, registers the revert watch, advances {@link #expected}. */
        private UpdateResult step(SessionMutation mutation) {
            UpdateResult r = store.update(id, ours(), mutation);
            if (r instanceof UpdateResult.Applied applied) {
                watch(operator, ActionKind.COLLECT, actionId, applied.before(), applied.after());
                expected = applied.after().status();
            }
            return r;
        }

        /** The last write: sets the final status, clears collection_started and the claim. */
        private CollectionFinished end(SessionStatus status, MessageType type, JsonNode message,
                                       Consumer<SessionEditor> extra, CollectionFinished.Result result,
                                       String sentence) {
            UpdateResult r = store.update(id, ours(), (current, edit) -> {
                edit.status(status);
                edit.put(SessionDocument.COLLECTION_STARTED, false);
                edit.tree().remove(ConsoleMarks.CLAIM);
                if (extra != null) {
                    extra.accept(edit);
                }
                appendMessage(edit, type, message);
            });
            if (r instanceof UpdateResult.Applied applied) {
                watch(operator, ActionKind.COLLECT, actionId, applied.before(), applied.after());
                return new CollectionFinished(id, actionId, result, applied.after().status(), sentence);
            }
            return lost(r);
        }

        /** A write of ours was not applied: stop, and clear collection_started if the claim is still ours. */
        private CollectionFinished lost(UpdateResult r) {
            if (r instanceof UpdateResult.Missing) {
                return new CollectionFinished(id, actionId, CollectionFinished.Result.ABANDONED, null,
                        "The session disappeared (expired or deleted) during the collection.");
            }
            boolean unavailable = r instanceof UpdateResult.Failed;
            CollectionFinished released = release(SessionStatus.AUTH_COMPLETED, false, null,
                    "다른 변경과 충돌하여 콘솔의 데이터 수집을 중단했습니다. 다시 시도할 수 있습니다.",
                    unavailable ? CollectionFinished.Result.UNAVAILABLE : CollectionFinished.Result.ABANDONED,
                    "The collection stopped because a step could not be saved (" + r.describe()
                            + "); its claim was released and the session is back at auth_completed.");
            if (released.finalStatus() != null || released.result() == CollectionFinished.Result.UNAVAILABLE) {
                return released;
            }
            return new CollectionFinished(id, actionId, unavailable ? CollectionFinished.Result.UNAVAILABLE
                    : CollectionFinished.Result.ABANDONED, null, "The collection stopped because a step could not be "
                    + "saved (" + r.describe() + "); the session no longer belongs to this collection.");
        }

        private CollectionFinished interrupted() {
            return release(SessionStatus.AUTH_COMPLETED, false, null,
                    "콘솔이 종료되어 데이터 수집을 중단했습니다. 다시 시도할 수 있습니다.",
                    CollectionFinished.Result.INTERRUPTED,
                    "The console stopped the collection; the session is back at auth_completed with "
                            + "collection_started = false.");
        }

        /**
         * Clears collection_started and the claim if the claim is still ours (any status); a fetching_* status
         * becomes {@code status}. Retried briefly when Redis is unavailable.
         */
        CollectionFinished release(SessionStatus status, boolean error, String errorText, String message,
                                   CollectionFinished.Result result, String sentence) {
            UpdateResult r = null;
            for (int attempt = 1; attempt <= RELEASE_ATTEMPTS; attempt++) {
                r = store.update(id, ownsClaim(actionId, null, true), (current, edit) -> {
                    if (current.status().isFetching() || error) {
                        edit.status(status);
                    }
                    edit.put(SessionDocument.COLLECTION_STARTED, false);
                    edit.tree().remove(ConsoleMarks.CLAIM);
                    if (error) {
                        edit.put("collection_error", true);
                        edit.put("collection_error_message", errorText);
                        edit.putNow("collection_error_time");
                    }
                    edit.message(error ? MessageType.ERROR : MessageType.INFO, ConsoleMarks.next(message, actionId));
                });
                if (!(r instanceof UpdateResult.Failed) || attempt == RELEASE_ATTEMPTS) {
                    break;
                }
                try {
                    Thread.sleep(200L * attempt);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (r instanceof UpdateResult.Applied applied) {
                watch(operator, ActionKind.COLLECT, actionId, applied.before(), applied.after());
                return new CollectionFinished(id, actionId, result, applied.after().status(), sentence);
            }
            if (r instanceof UpdateResult.Failed) {
                return new CollectionFinished(id, actionId, CollectionFinished.Result.UNAVAILABLE, null,
                        "The collection stopped and its claim could not be released (" + r.describe()
                                + "); the session may stay at fetching_* with collection_started = true; run "
                                + "reset-stuck once Redis is reachable.");
            }
            return new CollectionFinished(id, actionId, result, null, sentence.replaceFirst(";.*$", "")
                    + "; the session had already been taken over by someone else, so it was left as it is.");
        }
    }

    private static void appendMessage(SessionEditor edit, MessageType type, JsonNode message) {
        if (message instanceof ObjectNode object) {
            edit.message(type, object);
        } else {
            edit.message(type, message.asText());
        }
    }

    /**
     * The document still belongs to this console action: its claim, optionally the expected statuses, and
     * (for collections) collection_started.
     */
    private static Precondition ownsClaim(String actionId, Set<SessionStatus> statuses, boolean collecting) {
        return doc -> {
            String claim = ConsoleMarks.claimId(doc);
            if (!actionId.equals(claim)) {
                return Optional.of(claim == null ? "the console's claim is gone (status " + doc.status() + ")"
                        : "another console action (" + claim + ") now claims it (status " + doc.status() + ")");
            }
            if (statuses != null && !statuses.contains(doc.status())) {
                return Optional.of("status is " + doc.status() + ", expected " + statuses.iterator().next());
            }
            if (collecting && !doc.collectionStarted()) {
                return Optional.of("collection_started is false (status " + doc.status() + ")");
            }
            return Optional.empty();
        };
    }

    // ================================================================== reset-stuck

    private SessionMutation resetStuck(Operator operator, ActionRequest request, String actionId) {
        return (current, edit) -> {
            edit.status(SessionStatus.AUTH_COMPLETED);
            edit.put(SessionDocument.COLLECTION_STARTED, false);
            edit.tree().remove(ConsoleMarks.CLAIM);
            edit.message(MessageType.INFO, ConsoleMarks.first("멈춘 데이터 수집을 초기화했습니다. 다시 시도할 수 있습니다.",
                    operator, request, actionId));
        };
    }

    private ActionResult reset(Operator operator, ActionRequest request, String actionId) {
        UpdateResult result = store.update(request.sessionId(), guard(ActionKind.RESET_STUCK, request.overrideGuards()),
                resetStuck(operator, request, actionId));
        if (!(result instanceof UpdateResult.Applied applied)) {
            return notApplied(request, actionId, result);
        }
        return verify(request, actionId, applied).orElseGet(() -> {
            watch(operator, request.kind(), actionId, applied.before(), applied.after());
            return new ActionResult(request, ActionResult.Outcome.APPLIED, "Reset the collection: the session is "
                    + "auth_completed with collection_started = false (it was " + applied.before().status()
                    + "); collect can run again.", applied.before().status(), applied.after().status(), actionId, null);
        });
    }

    // ================================================================== shared helpers

    /**
     * Reads the session back after an applied write: APPLIED may only be reported when what this write
     * appended is in Redis now. Empty when it is; otherwise the result to report.
     */
    private Optional<ActionResult> verify(ActionRequest request, String actionId, UpdateResult.Applied applied) {
        return verify(request, actionId, applied, applied.before());
    }

    private Optional<ActionResult> verify(ActionRequest request, String actionId, UpdateResult.Applied applied,
                                          SessionDocument statusBeforeDoc) {
        List<JsonNode> markers = RevertWatch.appendedMessages(applied.before(), applied.after());
        SessionStatus before = statusBeforeDoc.status();
        Optional<StoredSession> now;
        try {
            now = store.get(request.sessionId());
        } catch (RuntimeException e) {
            return Optional.of(new ActionResult(request, ActionResult.Outcome.UNAVAILABLE, "The change was written, "
                    + "but the session could not be read back to confirm it is still there ("
                    + StoreErrors.describe(e) + ").", before, null, actionId, null));
        }
        if (now.isPresent() && now.get().parsed() instanceof SessionDocument doc
                && markers.stream().allMatch(m -> RevertWatch.containsMessage(doc, m))) {
            return Optional.empty();
        }
        SessionStatus seen = now.isPresent() && now.get().parsed() instanceof SessionDocument doc ? doc.status() : null;
        return Optional.of(new ActionResult(request, ActionResult.Outcome.CONFLICT, "The change was written, but "
                + "another writer (probably the backend writing back an older copy) replaced it straight away, so it "
                + "is not in Redis now" + (seen == null ? "" : " (status " + seen + ")") + ". Check the session and "
                + "try again.", before, seen, actionId, null));
    }

    private void watch(Operator operator, ActionKind kind, String actionId, SessionDocument before,
                       SessionDocument after) {
        recentActions.put(actionId, operator);
        if (revertWatch != null) {
            revertWatch.watch(after.id(), kind, actionId, operator.name(), before, after, options.revertWatchWindow());
        }
    }

    private void onRevert(RevertDetected revert) {
        Operator operator = recentActions.get(revert.actionId());
        if (operator == null) {
            return; // another service's action
        }
        audit.record(new AuditRecord(timestamps.clock().instant(), revert.actionId(), AuditRecord.REVERT_DETECTED,
                operator.name(), operator.role(), revert.action().wire(), revert.sessionId(), "", false, "",
                revert.statusNow() == null ? "" : String.valueOf(revert.statusNow()), "REVERTED", revert.lost(), null));
        fire(l -> l.onRevertDetected(revert));
    }

    private ActionResult notApplied(ActionRequest request, String actionId, UpdateResult result) {
        if (result instanceof UpdateResult.PreconditionFailed refused) {
            String reason = refused.reason();
            return refused(request, actionId, refused.statusSeen(), capitalize(reason)
                    + (reason.endsWith(".") ? "" : ".") + " Nothing was changed.");
        }
        if (result instanceof UpdateResult.ConflictRetriesExhausted) {
            return new ActionResult(request, ActionResult.Outcome.CONFLICT, result.describe(), null, null, actionId, null);
        }
        if (result instanceof UpdateResult.Missing) {
            return missing(request, actionId);
        }
        if (result instanceof UpdateResult.Unreadable unreadable) {
            return refused(request, actionId, null, unreadableSentence(unreadable.reason()));
        }
        return new ActionResult(request, ActionResult.Outcome.UNAVAILABLE, result.describe(), null, null, actionId, null);
    }

    private static String unreadableSentence(String reason) {
        return "The stored value is not a readable session (" + reason + "); the console never writes such a value.";
    }

    private ActionResult missing(ActionRequest request, String actionId) {
        return new ActionResult(request, ActionResult.Outcome.FAILED, "There is no session " + request.sessionId()
                + " (it expired or was deleted); nothing was changed.", null, null, actionId, null);
    }

    private static ActionResult refused(ActionRequest request, String actionId, SessionStatus seen, String message) {
        return new ActionResult(request, ActionResult.Outcome.REFUSED, message, seen, seen, actionId, null);
    }

    private static ActionResult unexpected(ActionRequest request, String actionId, RuntimeException e) {
        if (e instanceof JedisConnectionException) {
            return new ActionResult(request, ActionResult.Outcome.UNAVAILABLE, "Redis could not be reached: "
                    + StoreErrors.describe(e) + ".", null, null, actionId, null);
        }
        LOG.warn("{} {} failed unexpectedly", actionId, request.kind().wire(), e);
        return new ActionResult(request, ActionResult.Outcome.FAILED, "The action failed unexpectedly ("
                + StoreErrors.describe(e) + ").", null, null, actionId, null);
    }

    private SessionStatus peekStatus(String id) {
        try {
            return store.get(id).map(s -> s.parsed() instanceof SessionDocument d ? d.status() : null).orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void recordAttempt(Operator operator, ActionRequest request, ActionResult result) {
        audit(operator, AuditRecord.ATTEMPT, request, result.actionId(), result.statusBefore(), result.statusAfter(),
                result.outcome().name(), result.message());
    }

    private void audit(Operator operator, String event, ActionRequest request, String actionId, SessionStatus before,
                       SessionStatus after, String result, String message) {
        AuditRecord record = new AuditRecord(timestamps.clock().instant(), actionId, event, operator.name(),
                operator.role(), request.kind().wire(), request.sessionId(), request.reason(), request.overrideGuards(),
                before == null ? "" : String.valueOf(before), after == null ? "" : String.valueOf(after), result,
                message, null);
        // A viewer never writes to Redis, not even an audit entry: its attempts stay in this process.
        (operator.role().mayWrite() ? audit : localAudit).record(record);
    }

    private void fire(Consumer<FlowListener> event) {
        for (FlowListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("A flow listener failed", e);
            }
        }
    }

    private static TilkoPerson person(SessionDocument doc) {
        UserInfo u = doc.userInfo();
        return new TilkoPerson(u.name(), u.birthdate(), u.phoneNo());
    }

    /** For LoginCheck: user_info, else the person echo saved in temp_auth_data. */
    private static TilkoPerson personForCheck(SessionDocument doc) {
        UserInfo u = doc.userInfo();
        JsonNode temp = doc.tree().path(SessionDocument.TEMP_AUTH_DATA);
        return new TilkoPerson(firstNonBlank(u.name(), temp.path("userName").asText("")),
                firstNonBlank(u.birthdate(), temp.path("birthDate").asText("")),
                firstNonBlank(u.phoneNo(), temp.path("userCellphoneNumber").asText("")));
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    private static TilkoCredentials credentials(AuthCredentials a) {
        return new TilkoCredentials(a.cxId(), a.privateAuthType(), a.reqTxId(), a.token(), a.txId());
    }

    /** Codes and Tilko's own message; never personal data (the client scrubs the API key). */
    private static String describeTilko(TilkoResult<?> r) {
        StringBuilder sb = new StringBuilder();
        if (r.errorCode() != null) {
            sb.append("ErrorCode ").append(r.errorCode());
        } else if (r.resultCode() != null) {
            sb.append(r.resultCode());
        } else if (r.httpStatus() != 0 && r.httpStatus() != 200) {
            sb.append("HTTP ").append(r.httpStatus());
        }
        String message = r.message();
        if (!message.isEmpty()) {
            sb.append(sb.length() == 0 ? "" : ": ").append('"').append(message).append('"');
        } else if (r.detail() != null) {
            sb.append(sb.length() == 0 ? "" : ": ").append(r.detail());
        }
        return sb.length() == 0 ? r.classification().name() : sb.toString();
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
