package io.welno.console.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.session.MessageType;
import io.welno.console.session.Progress;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionEditor;
import io.welno.console.session.SessionStatus;
import io.welno.console.store.Precondition;
import io.welno.console.store.SessionMutation;
import io.welno.console.store.StoreFailure;
import io.welno.console.store.StoredSession;
import io.welno.console.store.UpdateResult;
import io.welno.console.text.Phrase;
import io.welno.console.tilko.Checkup;
import io.welno.console.tilko.Prescription;
import io.welno.console.tilko.TilkoClassification;
import io.welno.console.tilko.TilkoCredentials;
import io.welno.console.tilko.TilkoPerson;
import io.welno.console.tilko.TilkoResult;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One background collection, as the backend's task runs it (docs/flow.md, "Actions"): health checkups, then
 * prescriptions, then {@code completed} or {@code error}; "not approved yet" goes back to {@code auth_completed},
 * an identity mismatch to {@code info_required}. Every write requires the claim to still be this action's, the
 * status it left last and {@code collection_started}; if someone reset the session, another console claimed it or
 * the backend wrote back an older copy, the collection stops. {@code collection_started} is cleared on every exit
 * path the console still owns. The claim's lease is renewed for as long as the collection runs.
 */
final class Collection implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Collection.class);
    private static final int RELEASE_ATTEMPTS = 3;

    private final FlowRuntime runtime;
    final String id;
    final String actionId;
    private final Operator operator;
    private final ActionRequest request;
    private final SessionDocument firstBefore;
    private final TilkoCredentials credentials;
    private final TilkoPerson person;
    final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean reported = new AtomicBoolean();
    final CountDownLatch done = new CountDownLatch(1);
    private volatile Future<?> future;
    private volatile boolean stopRequested;
    /** The lease the claim was written with: until a renewal moves it, when the claim lapses unless given back. */
    private final LocalDateTime claimLease;
    /** The renewals of the claim's lease while the collection runs; null before it runs. */
    private volatile LeaseKeeper.Renewal renewal;
    private SessionStatus expected = SessionStatus.FETCHING_HEALTH_DATA;
    /** The last write, while its answer was lost and the session could not be read to find it; else null. */
    private volatile LastWrite lastWrite;

    Collection(FlowRuntime runtime, String id, String actionId, Operator operator, ActionRequest request,
               SessionDocument firstBefore, TilkoCredentials credentials, TilkoPerson person,
               LocalDateTime claimLease) {
        this.runtime = runtime;
        this.claimLease = claimLease;
        this.id = id;
        this.actionId = actionId;
        this.operator = operator;
        this.request = request;
        this.firstBefore = firstBefore;
        this.credentials = credentials;
        this.person = person;
    }

    void start(ExecutorService executor) {
        future = executor.submit(this);
    }

    /**
     * Asks the collection to stop: its Tilko call is interrupted and it releases its claim. One that never got to
     * run releases it from here, on the caller's thread.
     */
    void stop() {
        stopRequested = true;
        Future<?> f = future;
        if (f != null) {
            f.cancel(true);
        }
        if (started.compareAndSet(false, true)) {
            finish(interrupted());
        }
    }

    @Override
    public void run() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        CollectionFinished finished;
        try (LeaseKeeper.Renewal lease = runtime.leases.keep(id, actionId)) {
            renewal = lease;
            finished = collect();
        } catch (Throwable t) {
            if (stopped()) {
                finished = interrupted();
            } else {
                LOG.warn("{} collection of session {} failed unexpectedly: {}", actionId, id, t.toString());
                String what = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
                finished = release(SessionStatus.ERROR, true, what, "데이터 수집 중 오류가 발생했습니다.",
                        CollectionFinished.Result.ERROR, Phrase.of("collection.unexpected", what, SessionStatus.ERROR));
            }
        }
        finish(finished);
    }

    void finish(CollectionFinished finished) {
        if (!reported.compareAndSet(false, true)) {
            return;
        }
        runtime.collections.remove(id, this);
        done.countDown();
        LOG.info("{} collection of session {} ended: {}", actionId, id, finished.result());
        runtime.auditAfter(operator, AuditRecord.COLLECTION_FINISHED, request, actionId, firstBefore.status(),
                finished.finalStatus(), finished.result().name(), finished.message());
        runtime.fire(l -> l.onCollectionFinished(finished));
    }

    private boolean stopped() {
        return stopRequested || Thread.currentThread().isInterrupted();
    }

    private CollectionFinished collect() {
        if (stopped()) {
            return interrupted();
        }
        TilkoResult<List<Checkup>> health = runtime.tilko.healthCheckups(credentials, person);
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
                progress(Phrase.of("collection.step.checkups", n));
            }
            case NOT_APPROVED_YET -> {
                return end(SessionStatus.AUTH_COMPLETED, MessageType.INFO,
                        text(ConsoleMarks.next(healthText.isEmpty() ? "아직 휴대폰 인증이 완료되지 않았습니다." : healthText,
                                actionId)), null, CollectionFinished.Result.NOT_APPROVED_YET,
                        Phrase.of("collection.notApproved", health.phrase(), SessionStatus.AUTH_COMPLETED,
                                ActionKind.COLLECT));
            }
            case INFO_MISMATCH -> {
                return end(SessionStatus.INFO_REQUIRED, MessageType.ERROR, errorBody("user_info_error",
                        "입력 정보 확인 필요", healthText, health, true), null, CollectionFinished.Result.INFO_REQUIRED,
                        Phrase.of("collection.infoRequired", health.phrase(), SessionStatus.INFO_REQUIRED));
            }
            default -> {
                return end(SessionStatus.ERROR, MessageType.ERROR, errorBody("health_data_error",
                        "건강검진 데이터 조회 실패", healthText, health, false), null, CollectionFinished.Result.ERROR,
                        Phrase.of("collection.healthFailed", health.phrase(), SessionStatus.ERROR));
            }
        }
        LocalDate today = runtime.timestamps.nowLocal().toLocalDate();
        TilkoResult<List<Prescription>> prescriptions = runtime.tilko.prescriptions(credentials, person, today);
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
        progress(prescriptionsOk ? Phrase.of("collection.step.prescriptions", p)
                : Phrase.of("collection.step.prescriptionsFailed", prescriptions.phrase()));
        boolean healthValid = health.payload().map(l -> !l.isEmpty()).orElse(false);
        boolean prescriptionsValid = prescriptions.payload().map(l -> !l.isEmpty()).orElse(false);
        if (healthValid || prescriptionsValid) {
            return end(SessionStatus.COMPLETED, MessageType.SUCCESS, text(ConsoleMarks.next(
                    "건강검진 및 처방전 데이터 수집이 완료되었습니다.", actionId)), edit -> {
                        edit.progress(Progress.COMPLETED, true);
                        edit.put("collection_completed", true);
                        edit.putNow("collection_end_time");
                    }, CollectionFinished.Result.COMPLETED,
                    Phrase.of("collection.completed", healthValid ? 1 : 0, prescriptionsValid ? p : 0,
                            SessionStatus.COMPLETED));
        }
        return end(SessionStatus.ERROR, MessageType.ERROR, text(ConsoleMarks.next(
                "수집된 건강검진·처방전 데이터가 없습니다.", actionId)), edit -> edit.putNow("collection_end_time"),
                CollectionFinished.Result.ERROR, Phrase.of("collection.nothing", SessionStatus.ERROR));
    }

    private static JsonNode text(String s) {
        return JsonNodeFactory.instance.textNode(s);
    }

    /** An object message as the backend's background task writes it (docs/backend-protocol.md, "The document"). */
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

    private void progress(Phrase step) {
        SessionStatus status = expected;
        runtime.fire(l -> l.onCollectionProgress(new CollectionProgress(id, actionId, status, step)));
    }

    /**
     * A step may write while the claim is ours, the status is the one the last step left, and the backend still reads
     * the session: past its expires_at the backend's own collection would have found it gone.
     */
    private Precondition ours() {
        return FlowRuntime.ownsClaim(actionId, Set.of(expected), true).and(runtime.backendReads());
    }

    /** A step write: keeps the claim, holds the write, advances {@link #expected}. */
    private UpdateResult step(SessionMutation mutation) {
        UpdateResult r = runtime.update(id, ours(), mutation);
        if (r instanceof UpdateResult.Applied applied) {
            runtime.held(operator, request, actionId, applied, runtime.reapplyGuard(actionId));
            expected = applied.after().status();
        }
        return r;
    }

    /** The last write: sets the final status, clears collection_started and the claim. */
    private CollectionFinished end(SessionStatus status, MessageType type, JsonNode message,
                                   Consumer<SessionEditor> extra, CollectionFinished.Result result, Phrase sentence) {
        SentWrites sent = new SentWrites();
        UpdateResult r = runtime.update(id, ours(), (current, edit) -> {
            edit.status(status);
            edit.put(SessionDocument.COLLECTION_STARTED, false);
            edit.tree().remove(ConsoleMarks.CLAIM);
            if (extra != null) {
                extra.accept(edit);
            }
            if (message instanceof ObjectNode object) {
                edit.message(type, object);
            } else {
                edit.message(type, message.asText());
            }
        }, sent);
        if (r instanceof UpdateResult.Applied applied) {
            runtime.held(operator, request, actionId, applied, runtime.reapplyGuard(actionId));
            return new CollectionFinished(id, actionId, result, applied.after().status(), sentence,
                    request.batchId());
        }
        if (r instanceof UpdateResult.Failed) {
            // Its answer lost and the session not readable just then: it may have landed, which the release that
            // follows tells by finding the claim gone (finalWriteLanded).
            lastWrite = new LastWrite(sent, result, sentence);
        }
        return lost(r);
    }

    /** The last write whose fate was not known when the release ran: its tries, and what it would report. */
    private record LastWrite(SentWrites sent, CollectionFinished.Result result, Phrase sentence) {
    }

    /**
     * The last write that landed after all, told by its message in the session once the release found the claim gone:
     * that is this collection's own end, not someone else's change. Empty when it is not there or cannot be read.
     */
    private Optional<CollectionFinished> finalWriteLanded() {
        LastWrite last = lastWrite;
        if (last == null) {
            return Optional.empty();
        }
        try {
            Optional<StoredSession> now = runtime.readPatiently(id);
            if (now.isPresent() && now.get().parsed() instanceof SessionDocument doc) {
                Optional<SentWrites.Try> landed = last.sent().foundIn(doc);
                if (landed.isPresent()) {
                    LOG.info("{} the last write to session {}, whose answer was lost, had landed", actionId, id);
                    runtime.held(operator, request, actionId, new UpdateResult.Applied(id, landed.get().replaced(),
                            doc, 1), runtime.reapplyGuard(actionId));
                    return Optional.of(new CollectionFinished(id, actionId, last.result(), doc.status(),
                            last.sentence(), request.batchId()));
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("{} session {} could not be read to find the last write", actionId, id, e);
        }
        return Optional.empty();
    }

    /** A write of ours was not applied: stop, name why, and clear collection_started if the claim is still ours. */
    private CollectionFinished lost(UpdateResult r) {
        if (r instanceof UpdateResult.PreconditionFailed refused && Guards.isExpiry(refused)) {
            // nothing more is written: the backend deletes the session at its next read, the claim with it
            return new CollectionFinished(id, actionId, CollectionFinished.Result.VANISHED, refused.statusSeen(),
                    Phrase.of("collection.expired", refused.reason().arg(0), refused.reason().arg(1)),
                    request.batchId());
        }
        if (r instanceof UpdateResult.Missing) {
            return new CollectionFinished(id, actionId, CollectionFinished.Result.VANISHED, null,
                    Phrase.of("collection.vanished"), request.batchId());
        }
        if (r instanceof UpdateResult.Failed failed) {
            CollectionFinished released = release(SessionStatus.AUTH_COMPLETED, false, null,
                    redisTroubleText(failed.failure()), CollectionFinished.Result.UNAVAILABLE,
                    Phrase.of("collection.stoppedByRedis", failed.describe()));
            return released;
        }
        Phrase why = r instanceof UpdateResult.PreconditionFailed changed ? changed.reason() : r.describe();
        return release(SessionStatus.AUTH_COMPLETED, false, null,
                "다른 변경과 충돌하여 콘솔의 데이터 수집을 중단했습니다. 다시 시도할 수 있습니다.",
                CollectionFinished.Result.ABANDONED,
                Phrase.of("collection.stoppedByChange", why, SessionStatus.AUTH_COMPLETED));
    }

    /**
     * When the claim's lease lapses if nobody gives the claim back: its renewals are stopped first, so none moves it
     * past the moment said. Null when the claim's lease is not known.
     */
    private LocalDateTime leaseLapses() {
        LeaseKeeper.Renewal renewing = renewal;
        LocalDateTime renewed = null;
        if (renewing != null) {
            renewing.close();
            renewed = renewing.latestLease();
        }
        if (claimLease == null || renewed == null) {
            return renewed == null ? claimLease : renewed;
        }
        return renewed.isAfter(claimLease) ? renewed : claimLease;
    }

    private static String redisTroubleText(StoreFailure failure) {
        return switch (failure.cause()) {
            case PERMISSION_DENIED -> "Redis 권한이 없어 콘솔의 데이터 수집을 중단했습니다. 다시 시도할 수 있습니다.";
            case TIMEOUT -> "Redis가 응답하지 않아 콘솔의 데이터 수집을 중단했습니다. 다시 시도할 수 있습니다.";
            default -> "Redis 연결 문제로 콘솔의 데이터 수집을 중단했습니다. 다시 시도할 수 있습니다.";
        };
    }

    CollectionFinished interrupted() {
        return release(SessionStatus.AUTH_COMPLETED, false, null,
                "콘솔이 종료되어 데이터 수집을 중단했습니다. 다시 시도할 수 있습니다.",
                CollectionFinished.Result.INTERRUPTED,
                Phrase.of("collection.interrupted", SessionStatus.AUTH_COMPLETED));
    }

    /**
     * Clears collection_started and the claim if the claim is still ours (any status); a fetching_* status becomes
     * {@code status}. Retried briefly when Redis is unavailable.
     */
    CollectionFinished release(SessionStatus status, boolean error, String errorText, String message,
                               CollectionFinished.Result result, Phrase sentence) {
        UpdateResult r = null;
        // One write tried up to three times: an attempt whose answer was lost may have released the claim, and the
        // next one then finds it gone.
        SentWrites sent = new SentWrites();
        for (int attempt = 1; attempt <= RELEASE_ATTEMPTS; attempt++) {
            r = runtime.update(id, FlowRuntime.ownsClaim(actionId, null, true), (current, edit) -> {
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
            }, sent);
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
            runtime.held(operator, request, actionId, applied, runtime.reapplyGuard(actionId));
            SessionStatus now = applied.after().status();
            // The sentence names the status the release sets; one another writer had moved on keeps its own, and the
            // sentence would be untrue ("back at auth_completed" of a session in error).
            Phrase said = now == status || now == null ? sentence : Phrase.of("collection.releasedAsLeft",
                    Phrase.of("audit.result." + result.name()), now);
            return new CollectionFinished(id, actionId, result, now, said, request.batchId());
        }
        if (r instanceof UpdateResult.Failed failed) {
            // The claim may stand, collection_started with it, until its lease lapses, and another console's
            // reset-stuck is refused until then: said with the lease's real end, as a claim the action could not
            // give back is (flow.collect.claimStands), not as "nothing was changed".
            LocalDateTime lapses = leaseLapses();
            Phrase said = lapses == null
                    ? Phrase.of("collection.notReleased", failed.describe(), ActionKind.RESET_STUCK)
                    : Phrase.of("collection.claimStands", failed.failure().phrase(), FlowRuntime.leaseClock(lapses),
                            ActionKind.RESET_STUCK);
            return new CollectionFinished(id, actionId, CollectionFinished.Result.UNAVAILABLE, null, said,
                    request.batchId());
        }
        if (r instanceof UpdateResult.Missing) {
            return new CollectionFinished(id, actionId, CollectionFinished.Result.VANISHED, null,
                    Phrase.of("collection.vanished"), request.batchId());
        }
        if (r instanceof UpdateResult.PreconditionFailed) {
            Optional<CollectionFinished> ended = finalWriteLanded();
            if (ended.isPresent()) {
                return ended.get();
            }
        }
        Phrase why = r instanceof UpdateResult.PreconditionFailed changed ? changed.reason() : r.describe();
        return new CollectionFinished(id, actionId, result == CollectionFinished.Result.UNAVAILABLE ? result
                : CollectionFinished.Result.ABANDONED, null, Phrase.of("collection.leftAlone",
                Phrase.of("audit.result." + result.name()), why), request.batchId());
    }
}
