package io.welno.console.flow;

import io.welno.console.session.AuthCredentials;
import io.welno.console.session.MessageType;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionStatus;
import io.welno.console.store.SessionMutation;
import io.welno.console.store.UpdateResult;
import io.welno.console.text.Phrase;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Reset-stuck: a collection that stopped moving goes back to {@code auth_completed} with
 * {@code collection_started = false}, so collect can run again (the backend's own task silently exits while
 * {@code collection_started} is true). "Stuck" is the same rule the window's Stuck bucket uses: no progress for
 * {@link FlowOptions#stuckAfter()} — less when the session expires sooner — or a console claim whose lease lapsed.
 */
final class ResetStuckAction implements FlowAction {

    static final List<SessionStatus> FROM =
            List.of(SessionStatus.FETCHING_HEALTH_DATA, SessionStatus.FETCHING_PRESCRIPTION_DATA);

    @Override
    public ActionKind kind() {
        return ActionKind.RESET_STUCK;
    }

    @Override
    public void problems(SessionDocument doc, Guards.Context context, List<Refusal> out) {
        SessionStatus status = doc.status();
        if (context.locallyCollecting().test(doc.id())) {
            out.add(Refusal.hard("guard.reset.here", kind()));
        }
        if (!FROM.contains(status)) {
            out.add(Refusal.overridable("guard.reset.needs", FROM, Guards.seen(status), kind()));
            return;
        }
        if (!doc.collectionStarted()) {
            out.add(Refusal.overridable("guard.reset.notStarted", status, kind()));
            return;
        }
        if (!canCollectAfterReset(doc)) {
            // The backend's collection reads auth_data's CxId and stops at once without it, and the reset can only
            // bring it from temp_auth_data: with neither, freeing the session frees it to stop the same way.
            out.add(Refusal.overridable("guard.reset.noCredentials", status, kind()));
        }
        if (doc.consoleClaim().filter(claim -> claim.leaseUntil() != null).isPresent()) {
            // A leased claim decides alone. One another console still renews is refused, hard, by Guards for every
            // action (guard.claimedElsewhere.change); a lapsed one, or one this console left behind with no
            // collection of its own behind it (Redis was lost), stands for nobody: stuck at once.
            return;
        }
        LocalDateTime now = context.now();
        Optional<Duration> idle = context.idleFor(doc);
        if (idle.isEmpty()) {
            out.add(Refusal.overridable("guard.reset.idleUnknown", status, kind()));
            return;
        }
        Optional<LocalDateTime> stuckAt = context.guards().resetPolicy().stuckAfter(doc);
        if (stuckAt.isPresent() && !stuckAt.get().isBefore(now)) {
            Duration threshold = Duration.between(doc.lastProgressAt().orElse(now), stuckAt.get());
            out.add(Refusal.overridable("guard.reset.notStuck", idle.get(), status, threshold, kind()));
        }
    }

    @Override
    public SessionMutation firstWrite(Operator operator, ActionRequest request, String actionId,
                                      FlowRuntime runtime) {
        return (current, edit) -> {
            // Stuck for want of auth_data (manual-auth-complete ran without it): the backend's collection would
            // stop the same way after the reset, so it gets the credentials temp_auth_data holds, as
            // manual-auth-complete writes them (docs/backend-protocol.md, "Transitions (the live path)").
            if (current.authData().filter(AuthCredentials::hasCxId).isEmpty()) {
                current.tempAuthData().filter(AuthCredentials::hasCxId).ifPresent(edit::authData);
            }
            edit.status(SessionStatus.AUTH_COMPLETED);
            edit.put(SessionDocument.COLLECTION_STARTED, false);
            edit.tree().remove(ConsoleMarks.CLAIM);
            edit.message(MessageType.INFO, ConsoleMarks.first(canCollectAfterReset(current)
                    ? "멈춘 데이터 수집을 초기화했습니다. 다시 시도할 수 있습니다."
                    : "멈춘 데이터 수집을 초기화했습니다. 인증 정보가 없어 다시 수집할 수 없습니다.",
                    operator, request, actionId));
        };
    }

    /**
     * Whether the backend's collection can start after a reset: auth_data has a CxId, or temp_auth_data has one for
     * the reset to copy (docs/backend-protocol.md, "Transitions (the live path)").
     */
    static boolean canCollectAfterReset(SessionDocument doc) {
        return doc.authData().filter(AuthCredentials::hasCxId).isPresent()
                || doc.tempAuthData().filter(AuthCredentials::hasCxId).isPresent();
    }

    @Override
    public Phrase followUp(ActionRequest request, FlowOptions options) {
        return null;
    }

    @Override
    public Execution execute(Operator operator, ActionRequest request, String actionId, FlowRuntime runtime) {
        var guard = runtime.guard(kind(), request.overrideGuards());
        UpdateResult result = runtime.update(request.sessionId(), guard,
                firstWrite(operator, request, actionId, runtime));
        if (!(result instanceof UpdateResult.Applied applied)) {
            return new Execution(FlowRuntime.notApplied(request, actionId, result));
        }
        return new Execution(runtime.readBack(request, actionId, applied, applied.before().status(), () -> {
            runtime.held(operator, request, actionId, applied, guard);
            String words = canCollectAfterReset(applied.after()) ? "flow.reset.applied"
                    : "flow.reset.appliedNoCredentials";
            return ActionResult.of(request, ActionResult.Outcome.APPLIED,
                    Phrase.of(words, applied.before().status(), applied.after().status(), ActionKind.COLLECT),
                    applied.before().status(), applied.after().status(), actionId);
        }));
    }
}
