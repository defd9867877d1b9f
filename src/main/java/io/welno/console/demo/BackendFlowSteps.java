package io.welno.console.demo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.welno.console.session.AuthProvider;
import io.welno.console.session.MessageType;
import io.welno.console.session.Progress;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionEditor;
import io.welno.console.session.SessionStatus;
import io.welno.console.session.Timestamps;
import io.welno.console.session.UserInfo;
import io.welno.console.tilko.sim.SyntheticPayloads;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;

/**
 * The backend's live flow (docs/backend-protocol.md) as a chain of steps, each one write of the document
 * with the backend's messages and fields, including its failure branches: Tilko rejecting the person,
 * the user never approving, "not approved yet", information mismatch, and the collection task dying
 * with {@code collection_started} left true (a stuck session).
 */
final class BackendFlowSteps {

    /** One step: changes the document and says what comes next (null = the flow stops here). */
    interface Step {
        Next apply(SessionEditor edit, Random random);
    }

    record Next(Step step, Duration delay) {
    }

    private final double rejectRate;
    private final double abandonRate;

    BackendFlowSteps(double rejectRate, double abandonRate) {
        this.rejectRate = rejectRate;
        this.abandonRate = abandonRate;
    }

    Step start() {
        return (edit, random) -> new Next(this::requestAuth, millis(random, 800, 2500));
    }

    private Next requestAuth(SessionEditor edit, Random random) {
        edit.status(SessionStatus.AUTH_REQUESTING)
                .message(MessageType.INFO, provider(edit).koreanName() + " 간편인증을 요청하고 있습니다.");
        return new Next(this::authSent, millis(random, 500, 2000));
    }

    private Next authSent(SessionEditor edit, Random random) {
        if (random.nextDouble() < rejectRate) {
            edit.status(SessionStatus.ERROR)
                    .message(MessageType.ERROR, "틸코 API 에러 (0): 입력하신 정보로 인증을 진행할 수 없습니다.");
            return null;
        }
        UserInfo user = user(edit);
        String tx = UUID.randomUUID().toString();
        ObjectNode temp = JsonNodeFactory.instance.objectNode();
        temp.put("cxId", "CX" + Long.toHexString(random.nextLong() & 0xffffffffL));
        temp.put("privateAuthType", user.privateAuthType());
        temp.put("reqTxId", tx);
        temp.put("token", "tok." + Long.toHexString(random.nextLong()));
        temp.put("txId", tx);
        temp.put("userName", user.name());
        temp.put("birthDate", user.birthdate());
        temp.put("userCellphoneNumber", user.phoneNo());
        edit.put(SessionDocument.TEMP_AUTH_DATA, temp)
                .status(SessionStatus.AUTH_REQUEST_SENT)
                .extend(300)
                .message(MessageType.INFO, provider(edit).koreanName() + " 앱에서 인증을 진행해주세요.");
        boolean abandons = random.nextDouble() < abandonRate;
        long approveAfter = abandons ? Long.MAX_VALUE : 4_000 + random.nextInt(20_000);
        return new Next(polling(0, approveAfter), Duration.ofSeconds(5));
    }

    /** The frontend polls GET /session/{id}/status every few seconds; each poll rewrites the document. */
    private Step polling(long waitedMillis, long approveAfterMillis) {
        return (edit, random) -> {
            if (waitedMillis >= approveAfterMillis) {
                return approve(edit, random);
            }
            if (waitedMillis > 120_000) {
                return null; // the user gave up; the key lives on until its TTL
            }
            edit.extend(300);
            return new Next(polling(waitedMillis + 5_000, approveAfterMillis), Duration.ofSeconds(5));
        };
    }

    /**
     * The person approved on the phone and pressed "done" in the browser: the backend's manual-auth-complete, then the
     * collection as after any approval.
     */
    Step doneInBrowser() {
        return this::approve;
    }

    /**
     * Whether the session waits for the approval of the request Tilko knows as {@code cxId}: what a browser still
     * open on it would show the person.
     */
    static boolean waitsFor(ObjectNode doc, String cxId) {
        return SessionStatus.AUTH_REQUEST_SENT.wire().equals(doc.path("status").asText(null))
                && cxId.equals(doc.path(SessionDocument.TEMP_AUTH_DATA).path("cxId").asText(null));
    }

    private Next approve(SessionEditor edit, Random random) {
        SessionDocument current = document(edit);
        current.tempAuthData().ifPresent(edit::authData);
        edit.status(SessionStatus.AUTH_COMPLETED)
                .progress(Progress.AUTH_COMPLETED, true)
                .message(MessageType.SUCCESS, "인증이 완료되었습니다. 건강검진 데이터를 수집할 수 있습니다.");
        return new Next(this::collect, millis(random, 700, 2000));
    }

    private Next collect(SessionEditor edit, Random random) {
        edit.status(SessionStatus.FETCHING_HEALTH_DATA)
                .put(SessionDocument.COLLECTION_STARTED, true)
                .putNow("collection_start_time")
                .message(MessageType.INFO, "건강검진 데이터를 가져오는 중입니다.");
        double roll = random.nextDouble();
        if (roll < 0.05) {
            return null; // the task raised: fetching_health_data with collection_started=true forever
        }
        return new Next(healthResult(roll), millis(random, 1500, 5000));
    }

    private Step healthResult(double roll) {
        return (edit, random) -> {
            if (roll < 0.10) {
                edit.status(SessionStatus.AUTH_COMPLETED)
                        .put(SessionDocument.COLLECTION_STARTED, false)
                        .message(MessageType.INFO, "간편인증 로그인 요청이 실패했습니다. 인증을 완료한 후 다시 시도해주세요.");
                return new Next(this::collect, millis(random, 5000, 12000));
            }
            if (roll < 0.14) {
                ObjectNode body = JsonNodeFactory.instance.objectNode();
                body.put("type", "health_data_error");
                body.put("title", "입력 정보 확인 필요");
                body.put("message", "입력하신 정보가 건강보험공단 정보와 일치하지 않습니다.");
                body.put("error_code", 0);
                body.put("requires_info_recheck", true);
                body.put("retry_available", false);
                edit.status(SessionStatus.INFO_REQUIRED).message(MessageType.ERROR, body);
                return null;
            }
            UserInfo user = user(edit);
            edit.put(SessionDocument.HEALTH_DATA, SyntheticPayloads.checkupEnvelope(user.name(), user.birthdate(),
                            edit.timestamps().nowLocal().toLocalDate()))
                    .progress(Progress.HEALTH_DATA_FETCHED, true)
                    .message(MessageType.SUCCESS, "건강검진 데이터를 성공적으로 가져왔습니다.")
                    .status(SessionStatus.FETCHING_PRESCRIPTION_DATA);
            return new Next(this::prescriptions, millis(random, 1500, 5000));
        };
    }

    private Next prescriptions(SessionEditor edit, Random random) {
        UserInfo user = user(edit);
        edit.put(SessionDocument.PRESCRIPTION_DATA, SyntheticPayloads.prescriptionEnvelope(user.name(),
                        user.birthdate(), edit.timestamps().nowLocal().toLocalDate()))
                .progress(Progress.PRESCRIPTION_DATA_FETCHED, true)
                .message(MessageType.SUCCESS, "처방 데이터를 성공적으로 가져왔습니다.")
                .status(SessionStatus.COMPLETED)
                .progress(Progress.COMPLETED, true)
                .put(SessionDocument.COLLECTION_STARTED, false)
                .put("collection_completed", true)
                .putNow("collection_end_time")
                .message(MessageType.SUCCESS, "모든 데이터 수집이 완료되었습니다.");
        return null;
    }

    private static SessionDocument document(SessionEditor edit) {
        return (SessionDocument) new io.welno.console.session.SessionCodec(edit.timestamps().zone())
                .wrap("demo", edit.tree());
    }

    private static UserInfo user(SessionEditor edit) {
        return document(edit).userInfo();
    }

    private static AuthProvider provider(SessionEditor edit) {
        return user(edit).provider();
    }

    private static Duration millis(Random random, int min, int max) {
        return Duration.ofMillis(min + random.nextInt(max - min));
    }

    static Timestamps backdated(Timestamps base, Duration ago) {
        return new Timestamps(java.time.Clock.offset(base.clock(), ago.negated()), base.zone());
    }
}
