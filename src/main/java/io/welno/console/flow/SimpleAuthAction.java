package io.welno.console.flow;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.session.AuthProvider;
import io.welno.console.session.MessageType;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionStatus;
import io.welno.console.session.StuckPolicy;
import io.welno.console.session.UserInfo;
import io.welno.console.store.Precondition;
import io.welno.console.store.SessionMutation;
import io.welno.console.store.UpdateResult;
import io.welno.console.text.Phrase;
import io.welno.console.tilko.SimpleAuthTicket;
import io.welno.console.tilko.TilkoCredentials;
import io.welno.console.tilko.TilkoResult;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simple-auth: claim the session ({@code auth_requesting}), send Tilko's SimpleAuthRequest, then save the answer —
 * {@code auth_request_sent} with camelCase {@code temp_auth_data} and {@code expires_at = now + 300 s}, or
 * {@code error} with Tilko's message, as the backend's endpoint does. The claim's compare-and-set is what keeps
 * two consoles from sending two requests for one session.
 */
final class SimpleAuthAction implements FlowAction {

    private static final Logger LOG = LoggerFactory.getLogger(SimpleAuthAction.class);
    static final List<SessionStatus> FROM =
            List.of(SessionStatus.INITIATED, SessionStatus.ERROR, SessionStatus.AUTH_REQUESTING);

    @Override
    public ActionKind kind() {
        return ActionKind.SIMPLE_AUTH;
    }

    @Override
    public void problems(SessionDocument doc, Guards.Context context, List<Refusal> out) {
        SessionStatus status = doc.status();
        if (Guards.collectionRunning(doc)) {
            out.add(Refusal.hard("guard.collectionRunning", kind(), status));
        }
        if (status.equals(SessionStatus.AUTH_REQUESTING)) {
            Optional<Duration> idle = context.idleFor(doc);
            Duration stale = context.options().staleAuthRequestAfter();
            if (idle.isEmpty()) {
                out.add(Refusal.hard("guard.simpleAuth.inFlightUnknown", kind(), status));
            } else if (idle.get().compareTo(stale) < 0) {
                out.add(Refusal.hard("guard.simpleAuth.inFlight", idle.get(), stale, kind(), status));
            }
        } else if (!FROM.contains(status)) {
            out.add(Refusal.overridable("guard.simpleAuth.needs",
                    List.of(SessionStatus.INITIATED, SessionStatus.ERROR), SessionStatus.AUTH_REQUESTING, Guards.seen(status),
                    kind()));
        }
        if (doc.tempAuthData().isPresent()) {
            // The backend answers "duplicate" without calling Tilko once temp_auth_data exists.
            out.add(Refusal.overridable("guard.simpleAuth.duplicate", status, kind()));
        }
        Guards.personProblem(doc, kind()).ifPresent(out::add);
        AuthProvider provider = doc.provider();
        if (doc.userInfo().privateAuthType() != null && !provider.acceptedByBackend()) {
            out.add(Refusal.overridable("guard.simpleAuth.authType", doc.userInfo().privateAuthType(), kind()));
        }
    }

    @Override
    public SessionMutation firstWrite(Operator operator, ActionRequest request, String actionId,
                                      FlowRuntime runtime) {
        return (current, edit) -> {
            edit.status(SessionStatus.AUTH_REQUESTING);
            runtime.claim(edit, actionId, kind(), operator);
            edit.message(MessageType.INFO, ConsoleMarks.first(current.provider().koreanName()
                    + " 간편인증을 요청하고 있습니다.", operator, request, actionId));
        };
    }

    @Override
    public Phrase followUp(ActionRequest request, FlowOptions options) {
        return Phrase.of("flow.simpleAuth.followUp", options.authExpiry(), SessionStatus.AUTH_REQUEST_SENT,
                SessionStatus.ERROR);
    }

    @Override
    public Execution execute(Operator operator, ActionRequest request, String actionId, FlowRuntime runtime) {
        String id = request.sessionId();
        UpdateResult claim = runtime.update(id, runtime.guard(kind(), request.overrideGuards()),
                firstWrite(operator, request, actionId, runtime));
        if (!(claim instanceof UpdateResult.Applied claimed)) {
            return new Execution(FlowRuntime.notApplied(request, actionId, claim));
        }
        SessionStatus before = claimed.before().status();
        Optional<ActionResult> notThere = runtime.verify(request, actionId, claimed);
        if (notThere.isPresent()) {
            // Our claim is gone, or it could not be read: no Tilko call on a session we may no longer hold. One that
            // could not be read was written all the same, and stays until its lease lapses: said, with when.
            ActionResult told = notThere.get();
            LocalDateTime lease = told.claimStandsUntil();
            if (lease == null) {
                return new Execution(told);
            }
            // Others cannot know that nothing went to Tilko: the session counts as stuck, and can be sent again, only
            // once the request it looks like is stale, which may be after the lease (session.StuckPolicy).
            LocalDateTime stale = StuckPolicy.defaults().stuckAfter(claimed.after()).orElse(lease);
            return new Execution(told.claimLeftStanding(lease, Phrase.of("flow.claim.mayStandUntilStale",
                    told.message(), FlowRuntime.leaseClock(lease), FlowRuntime.leaseClock(stale))));
        }
        Precondition again = runtime.reapplyGuard(actionId);
        runtime.held(operator, request, actionId, claimed, again);
        SessionDocument doc = claimed.after();
        TilkoResult<SimpleAuthTicket> answer;
        try (LeaseKeeper.Renewal lease = runtime.leases.keep(id, actionId)) {
            answer = runtime.tilko.simpleAuth(TilkoCalls.person(doc), doc.userInfo().privateAuthType().strip());
        } catch (RuntimeException e) {
            LOG.warn("{} Tilko SimpleAuthRequest threw {}", actionId, e.getClass().getSimpleName());
            answer = null;
        }
        // Still ours, and still read by the backend: past expires_at its own simple-auth finds the session deleted and
        // saves nothing, so neither does the console (extending expires_at would bring the session back).
        Precondition stillOurs = FlowRuntime.ownsClaim(actionId, Set.of(SessionStatus.AUTH_REQUESTING), false)
                .and(runtime.backendReads());
        boolean success = answer != null && answer.isSuccess() && answer.payload().isPresent();
        UpdateResult finish;
        if (success) {
            SimpleAuthTicket ticket = answer.payload().get();
            finish = runtime.update(id, stillOurs, (current, edit) -> {
                edit.put(SessionDocument.TEMP_AUTH_DATA, tempAuthData(ticket, current.userInfo()));
                edit.status(SessionStatus.AUTH_REQUEST_SENT);
                edit.extend(runtime.options.authExpiry().toSeconds());
                edit.tree().remove(ConsoleMarks.CLAIM);
                edit.message(MessageType.INFO, ConsoleMarks.next(current.provider().koreanName()
                        + " 앱에서 인증을 진행해주세요.", actionId));
            });
        } else {
            String text = answer == null ? "틸코 API 호출 중 오류가 발생했습니다." : errorText(answer, doc);
            finish = runtime.update(id, stillOurs, (current, edit) -> {
                edit.status(SessionStatus.ERROR);
                edit.tree().remove(ConsoleMarks.CLAIM);
                edit.message(MessageType.ERROR, ConsoleMarks.next(text, actionId));
            });
        }
        boolean noAnswer = !success && answer != null && answer.mayHaveReachedTilko();
        boolean notSent = !success && answer != null && !answer.wasSent();
        Phrase tilkoSaid = success ? Phrase.of("flow.simpleAuth.tilkoAccepted")
                : noAnswer ? Phrase.of("flow.simpleAuth.tilkoSilent")
                : notSent ? Phrase.of("flow.simpleAuth.tilkoNotSent") : Phrase.of("flow.simpleAuth.tilkoRefused");
        if (finish instanceof UpdateResult.Applied done) {
            if (success) {
                runtime.held(operator, request, actionId, done, again);
            } else {
                // what a revert of this write undoes is the status it left, not a change the action made
                runtime.heldFailure(operator, request, actionId, done, again, done.after().status());
            }
            if (success) {
                return new Execution(runtime.readBack(request, actionId, done, before, () -> ActionResult.of(request,
                        ActionResult.Outcome.APPLIED, Phrase.of("flow.simpleAuth.applied",
                                done.after().expiresAt().raw(), done.after().status()),
                        before, done.after().status(), actionId)));
            }
            String failed = noAnswer ? "flow.simpleAuth.noAnswer"
                    : notSent ? "flow.simpleAuth.notSent" : "flow.simpleAuth.failed";
            Phrase why = answer == null ? Phrase.of("tilko.callFailed") : answer.phrase();
            ActionResult told = runtime.readBack(request, actionId, done, before, () -> ActionResult.of(request,
                    ActionResult.Outcome.FAILED, Phrase.of(failed, why, done.after().status()), before,
                    done.after().status(), actionId));
            // "The session is now error" is a write of the console like an applied one: the backend can write an
            // older copy over it, and the operator must hear of that (docs/flow.md, "Held actions"). A read-back
            // that found it replaced or gone says so itself, and holds nothing.
            return told.outcome() == ActionResult.Outcome.FAILED ? Execution.heldFailure(told) : new Execution(told);
        }
        if (finish instanceof UpdateResult.PreconditionFailed expired && Guards.isExpiry(expired)) {
            return new Execution(ActionResult.of(request, ActionResult.Outcome.VANISHED,
                    Phrase.of("flow.simpleAuth.expired", tilkoSaid, expired.reason().arg(0),
                            expired.reason().arg(1)), before, expired.statusSeen(), actionId));
        }
        if (finish instanceof UpdateResult.PreconditionFailed changed) {
            return new Execution(ActionResult.of(request, ActionResult.Outcome.CONFLICT,
                    Phrase.of("flow.simpleAuth.takenOver", tilkoSaid, changed.reason()), before,
                    changed.statusSeen(), actionId));
        }
        if (finish instanceof UpdateResult.Missing) {
            return new Execution(ActionResult.of(request, ActionResult.Outcome.VANISHED,
                    Phrase.of("flow.simpleAuth.vanished", tilkoSaid), before, null, actionId));
        }
        if (!(finish instanceof UpdateResult.Failed failed)) {
            // It kept changing, or its value is no longer a session: what it holds now is not known from here.
            return new Execution(ActionResult.of(request, ActionResult.Outcome.CONFLICT,
                    Phrase.of("flow.simpleAuth.takenOver", tilkoSaid, finish.describe()), before, null, actionId));
        }
        if (failed.outcomeUnknown()) {
            // The write may have gone through: neither "saved" nor "stays auth_requesting" would be known to be true.
            return new Execution(ActionResult.of(request, ActionResult.Outcome.of(failed.failure()),
                    Phrase.of("flow.simpleAuth.saveUnknown", tilkoSaid, failed.failure().phrase(),
                            SessionStatus.AUTH_REQUEST_SENT, SessionStatus.AUTH_REQUESTING), before, null, actionId));
        }
        return new Execution(ActionResult.of(request, ActionResult.Outcome.of(failed.failure()),
                Phrase.of("flow.simpleAuth.notSaved", tilkoSaid, finish.describe(),
                        runtime.options.staleAuthRequestAfter(), SessionStatus.AUTH_REQUESTING, kind()), before,
                SessionStatus.AUTH_REQUESTING, actionId));
    }

    /** camelCase, in the backend's key order; the person echo from Tilko wins over user_info. */
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

    /** The backend's own error text for the session's message (Korean, as the frontend shows it). */
    private static String errorText(TilkoResult<?> answer, SessionDocument doc) {
        if (answer.okWithoutTicket()) {
            return doc.provider().koreanName() + " 앱 연동이 확인되지 않았습니다. 인증 앱 설치와 연결 상태를 확인해주세요.";
        }
        String code = answer.errorCode() != null ? answer.errorCode()
                : answer.resultCode() != null ? answer.resultCode() : "-";
        String message = answer.message().isEmpty() ? Objects.requireNonNullElse(answer.detail(), "")
                : answer.message();
        return "틸코 API 에러 (" + code + "): " + message;
    }
}
