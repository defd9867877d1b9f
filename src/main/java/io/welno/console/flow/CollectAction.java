package io.welno.console.flow;

import io.welno.console.session.AuthCredentials;
import io.welno.console.session.ConsoleClaim;
import io.welno.console.session.MessageType;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionStatus;
import io.welno.console.store.SessionMutation;
import io.welno.console.store.UpdateResult;
import io.welno.console.text.Phrase;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;

/**
 * Collect: claim the session ({@code fetching_health_data}, {@code collection_started = true}, a leased console
 * claim) and fetch health checkups, then prescriptions, in the background ({@link Collection}). The result is the
 * claim's; the collection reports through {@link FlowListener#onCollectionFinished}.
 */
final class CollectAction implements FlowAction {

    static final List<SessionStatus> FROM = List.of(SessionStatus.AUTH_COMPLETED, SessionStatus.AUTHENTICATED);

    @Override
    public ActionKind kind() {
        return ActionKind.COLLECT;
    }

    @Override
    public void problems(SessionDocument doc, Guards.Context context, List<Refusal> out) {
        SessionStatus status = doc.status();
        if (context.locallyCollecting().test(doc.id())) {
            out.add(Refusal.hard("guard.collect.here", kind()));
        }
        if (Guards.collectionRunning(doc)) {
            out.add(Refusal.hard("guard.collect.running", status, kind()));
        } else {
            if (!FROM.contains(status)) {
                out.add(Refusal.overridable("guard.collect.needs", FROM, Guards.seen(status), kind()));
            }
            if (doc.collectionStarted()) {
                out.add(Refusal.overridable("guard.collect.started", status, kind()));
            }
        }
        Optional<AuthCredentials> auth = doc.authData();
        if (auth.isEmpty() || !auth.get().hasCxId()) {
            out.add(Refusal.hard("guard.collect.noAuth", status, kind(), ActionKind.MANUAL_COMPLETE));
        }
        Guards.personProblem(doc, kind()).ifPresent(out::add);
    }

    @Override
    public SessionMutation firstWrite(Operator operator, ActionRequest request, String actionId,
                                      FlowRuntime runtime) {
        return (current, edit) -> {
            AuthCredentials auth = current.authData().orElseThrow();
            if (auth.casing() == AuthCredentials.Casing.CAMEL) {
                edit.authData(auth); // the backend's own task would read empty PascalCase fields from the legacy shape
            }
            edit.status(SessionStatus.FETCHING_HEALTH_DATA);
            edit.put(SessionDocument.COLLECTION_STARTED, true);
            edit.putNow("collection_start_time");
            runtime.claim(edit, actionId, kind(), operator);
            edit.message(MessageType.INFO, ConsoleMarks.first("건강검진 데이터를 가져오는 중입니다.", operator, request,
                    actionId));
        };
    }

    @Override
    public Phrase followUp(ActionRequest request, FlowOptions options) {
        return Phrase.of("flow.collect.followUp", SessionStatus.COMPLETED, SessionStatus.AUTH_COMPLETED,
                SessionStatus.INFO_REQUIRED, SessionStatus.ERROR);
    }

    @Override
    public Execution execute(Operator operator, ActionRequest request, String actionId, FlowRuntime runtime) {
        String id = request.sessionId();
        UpdateResult claim = runtime.update(id, runtime.guard(kind(), request.overrideGuards()),
                firstWrite(operator, request, actionId, runtime));
        if (!(claim instanceof UpdateResult.Applied claimed)) {
            return new Execution(FlowRuntime.notApplied(request, actionId, claim));
        }
        SessionDocument doc = claimed.after();
        Collection collection = new Collection(runtime, id, actionId, operator, request, claimed.before(),
                TilkoCalls.credentials(doc.authData().orElseThrow()), TilkoCalls.person(doc),
                doc.consoleClaim().map(ConsoleClaim::leaseUntil).orElse(null));
        runtime.collections.put(id, collection);
        Optional<ActionResult> gone = runtime.verify(request, actionId, claimed);
        if (gone.isPresent()) {
            // The claim was written but is not confirmed: no collection starts behind it, so it is given back where
            // it is still ours — a claim left alone would look like a running collection until its lease lapsed.
            runtime.collections.remove(id, collection);
            CollectionFinished back = collection.release(SessionStatus.AUTH_COMPLETED, false, null,
                    "콘솔이 데이터 수집을 시작하지 못했습니다. 다시 시도할 수 있습니다.", CollectionFinished.Result.INTERRUPTED,
                    Phrase.of("collection.notStarted", SessionStatus.AUTH_COMPLETED));
            ActionResult unconfirmed = gone.get();
            LocalDateTime lease = unconfirmed.claimStandsUntil();
            if (lease != null && back.result() == CollectionFinished.Result.UNAVAILABLE) {
                // Neither read back nor given back: the claim may stand, collection_started with it, renewed by
                // nobody, and until its lease lapses another console's reset-stuck is refused. Said, with when.
                Phrase stands = Phrase.of("flow.collect.claimStands", unconfirmed.message(),
                        FlowRuntime.leaseClock(lease), ActionKind.RESET_STUCK);
                return new Execution(ActionResult.of(request, unconfirmed.outcome(), stands,
                        unconfirmed.statusBefore(), null, actionId).claimLeftStanding(lease, stands));
            }
            return new Execution(ActionResult.of(request, unconfirmed.outcome(), Phrase.of("flow.collect.unconfirmed",
                    unconfirmed.message(), back.message()), unconfirmed.statusBefore(),
                    back.finalStatus() != null ? back.finalStatus() : unconfirmed.statusAfter(), actionId));
        }
        runtime.held(operator, request, actionId, claimed, runtime.reapplyGuard(actionId));
        ActionResult result = ActionResult.of(request, ActionResult.Outcome.APPLIED,
                Phrase.of("flow.collect.applied", doc.status()), claimed.before().status(), doc.status(), actionId);
        return new Execution(result, () -> {
            try {
                collection.start(runtime.background);
            } catch (RejectedExecutionException e) {
                collection.finish(collection.release(SessionStatus.AUTH_COMPLETED, false, null,
                        "데이터 수집을 시작하지 못했습니다. 다시 시도할 수 있습니다.", CollectionFinished.Result.ERROR,
                        Phrase.of("collection.rejected", SessionStatus.AUTH_COMPLETED)));
            }
        });
    }
}
