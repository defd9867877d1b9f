package io.welno.console.flow;

import io.welno.console.session.AuthCredentials;
import io.welno.console.session.MessageType;
import io.welno.console.session.Progress;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionStatus;
import io.welno.console.store.Precondition;
import io.welno.console.store.SessionMutation;
import io.welno.console.store.UpdateResult;
import io.welno.console.tilko.TilkoResult;
import io.welno.console.text.Phrase;
import java.util.List;
import java.util.Optional;

/**
 * Manual-auth-complete, for developers: PascalCase {@code auth_data} copied from {@code temp_auth_data},
 * {@code auth_completed}, {@code progress.auth_completed}, a success message — one write, like the backend's
 * endpoint. With {@code checkApproval} Tilko's LoginCheck is asked first; its verdict is reported and noted in the
 * message but does not stop the write (the backend's real check is the health call).
 */
final class ManualCompleteAction implements FlowAction {

    static final List<SessionStatus> FROM = List.of(SessionStatus.AUTH_REQUEST_SENT, SessionStatus.AUTH_PENDING,
            SessionStatus.AUTH_COMPLETED, SessionStatus.AUTHENTICATED);

    @Override
    public ActionKind kind() {
        return ActionKind.MANUAL_COMPLETE;
    }

    @Override
    public void problems(SessionDocument doc, Guards.Context context, List<Refusal> out) {
        SessionStatus status = doc.status();
        Optional<AuthCredentials> temp = doc.tempAuthData();
        if (temp.isEmpty() || !temp.get().hasCxId()) {
            out.add(Refusal.hard("guard.manualComplete.noTemp", status, kind()));
        }
        if (Guards.collectionRunning(doc)) {
            out.add(Refusal.hard("guard.collectionRunning", kind(), status));
        } else if (!FROM.contains(status)) {
            out.add(Refusal.overridable("guard.manualComplete.needs", FROM, Guards.seen(status), kind()));
        }
    }

    @Override
    public SessionMutation firstWrite(Operator operator, ActionRequest request, String actionId,
                                      FlowRuntime runtime) {
        return write(operator, request, actionId, ApprovalCheck.NOT_CHECKED);
    }

    private static SessionMutation write(Operator operator, ActionRequest request, String actionId,
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

    @Override
    public Phrase followUp(ActionRequest request, FlowOptions options) {
        return request.checkApproval() ? Phrase.of("flow.manualComplete.followUp.check") : null;
    }

    @Override
    public Execution execute(Operator operator, ActionRequest request, String actionId, FlowRuntime runtime) {
        String id = request.sessionId();
        ApprovalCheck approval = ApprovalCheck.NOT_CHECKED;
        Phrase approvalDetail = null;
        Precondition guard = runtime.guard(kind(), request.overrideGuards());
        Precondition precondition = guard;
        if (request.checkApproval()) {
            FlowRuntime.Readable read = runtime.read(request, actionId);
            if (read.problem() != null) {
                return new Execution(read.problem());
            }
            SessionDocument doc = read.doc();
            Optional<Phrase> refusal = precondition.refusal(doc);
            if (refusal.isPresent()) {
                return new Execution(FlowRuntime.refused(request, actionId, doc.status(),
                        Phrase.of("flow.refused", refusal.get())));
            }
            AuthCredentials temp = doc.tempAuthData().orElseThrow();
            TilkoResult<Boolean> check;
            try {
                check = runtime.tilko.loginCheck(TilkoCalls.credentials(temp), TilkoCalls.personForCheck(doc));
            } catch (RuntimeException e) {
                check = null;
            }
            approval = check == null ? ApprovalCheck.UNKNOWN : switch (check.classification()) {
                case SUCCESS -> ApprovalCheck.APPROVED;
                case NOT_APPROVED_YET -> ApprovalCheck.NOT_APPROVED;
                default -> ApprovalCheck.UNKNOWN;
            };
            approvalDetail = check == null ? Phrase.of("tilko.callFailed") : check.phrase();
            String checkedCxId = temp.cxId();
            precondition = precondition.and(current -> current.tempAuthData().map(AuthCredentials::cxId)
                    .filter(checkedCxId::equals).isPresent() ? Optional.empty()
                    : Optional.of(Phrase.of("flow.manualComplete.tempChanged", current.status())));
        }
        UpdateResult result = runtime.update(id, precondition, write(operator, request, actionId, approval));
        ActionResult out;
        if (result instanceof UpdateResult.Applied applied) {
            out = runtime.readBack(request, actionId, applied, applied.before().status(), () -> {
                runtime.held(operator, request, actionId, applied, guard);
                return ActionResult.of(request, ActionResult.Outcome.APPLIED, Phrase.of("flow.manualComplete.applied",
                        applied.after().status()), applied.before().status(), applied.after().status(), actionId);
            });
        } else {
            out = FlowRuntime.notApplied(request, actionId, result);
        }
        if (approval == ApprovalCheck.NOT_CHECKED) {
            return new Execution(out);
        }
        Phrase verdict = switch (approval) {
            case APPROVED -> Phrase.of("flow.approval.approved");
            case NOT_APPROVED -> Phrase.of("flow.approval.notApproved", approvalDetail, SessionStatus.AUTH_COMPLETED);
            default -> Phrase.of("flow.approval.unknown", approvalDetail);
        };
        return new Execution(out.withApproval(approval, Phrase.of("flow.withVerdict", out.message(), verdict)));
    }
}
