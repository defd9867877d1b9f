package io.welno.console.tilko;

import static io.welno.console.tilko.TilkoClassification.ERROR;
import static io.welno.console.tilko.TilkoClassification.INFO_MISMATCH;
import static io.welno.console.tilko.TilkoClassification.NOT_APPROVED_YET;
import static io.welno.console.tilko.TilkoClassification.SUCCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The backend's rules, docs/backend-protocol.md, as a pure function. */
class TilkoClassifierTest {

    private static JsonNode json(String s) {
        try {
            return TilkoJson.mapper().readTree(s);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void okIsSuccessForDataCalls() {
        JsonNode ok = json("{\"Status\":\"OK\",\"ErrorCode\":0,\"Message\":\"성공\",\"ResultList\":[]}");
        assertEquals(SUCCESS, TilkoClassifier.classifyCheckups(ok));
        assertEquals(SUCCESS, TilkoClassifier.classifyPrescriptions(ok));
    }

    @ParameterizedTest
    @ValueSource(strings = {"입력하신 정보가 올바르지 않습니다", "인증을 진행할 수 없습니다", "사용자 정보가 없습니다",
        "확인 후 다시 시도하세요"})
    void wrongUserDataPhrasesAreInfoMismatch(String message) {
        JsonNode e = json("{\"Status\":\"Error\",\"ErrorCode\":4115,\"Message\":\"" + message + "\"}");
        // Checked before 4115 and before 인증: these all mean wrong user data.
        assertEquals(INFO_MISMATCH, TilkoClassifier.classifyCheckups(e));
        assertEquals(INFO_MISMATCH, TilkoClassifier.classifyPrescriptions(e));
    }

    @Test
    void phraseContaining인증IsStillInfoMismatchBecauseOrderMatters() {
        JsonNode e = json("{\"Status\":\"Error\",\"Message\":\"간편인증을 진행할 수 없습니다.\"}");
        assertEquals(INFO_MISMATCH, TilkoClassifier.classifyCheckups(e));
    }

    @Test
    void code4115IsNotApprovedYetEvenAsString() {
        assertEquals(NOT_APPROVED_YET, TilkoClassifier.classifyCheckups(
                json("{\"Status\":\"Error\",\"ErrorCode\":4115,\"Message\":\"오류\"}")));
        assertEquals(NOT_APPROVED_YET, TilkoClassifier.classifyCheckups(
                json("{\"Status\":\"Error\",\"ErrorCode\":\"4115\",\"Message\":\"오류\"}")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"간편인증이 완료되지 않았습니다", "승인 대기 중입니다"})
    void 인증Or승인InTheMessageIsNotApprovedYet(String message) {
        assertEquals(NOT_APPROVED_YET, TilkoClassifier.classifyCheckups(
                json("{\"Status\":\"Error\",\"ErrorCode\":1,\"Message\":\"" + message + "\"}")));
    }

    @Test
    void errMsgIsUsedWhenMessageIsMissingOrEmpty() {
        assertEquals(NOT_APPROVED_YET, TilkoClassifier.classifyCheckups(
                json("{\"Status\":\"Error\",\"ErrMsg\":\"승인 필요\"}")));
        assertEquals(INFO_MISMATCH, TilkoClassifier.classifyCheckups(
                json("{\"Status\":\"Error\",\"Message\":\"\",\"ErrMsg\":\"사용자 정보 불일치\"}")));
    }

    @Test
    void htmlTagsAreStrippedBeforeMatching() {
        JsonNode e = json("{\"Status\":\"Error\",\"Message\":\"<b>입력하신</b> 정보를<br/> 확인하세요\"}");
        assertEquals(INFO_MISMATCH, TilkoClassifier.classifyCheckups(e));
        assertEquals("입력하신 정보를 확인하세요", TilkoClassifier.errorText(e));
    }

    @Test
    void otherErrorsAreErrors() {
        JsonNode e = json("{\"Status\":\"Error\",\"ErrorCode\":9001,\"Message\":\"일시적인 장애가 발생했습니다\"}");
        assertEquals(ERROR, TilkoClassifier.classifyCheckups(e));
        assertEquals(ERROR, TilkoClassifier.classifyPrescriptions(e));
        assertEquals(ERROR, TilkoClassifier.classifyCheckups(json("{}")), "missing Status is not a success");
        assertEquals(ERROR, TilkoClassifier.classifyCheckups(json("{\"Status\":\"ok\"}")), "Status is compared exactly");
    }

    @Test
    void prescriptionCode8801005IsInfoMismatch() {
        assertEquals(INFO_MISMATCH, TilkoClassifier.classifyPrescriptions(
                json("{\"Status\":\"Error\",\"ErrorCode\":8801005,\"Message\":\"오류\"}")));
        assertEquals(INFO_MISMATCH, TilkoClassifier.classifyPrescriptions(
                json("{\"Status\":\"Error\",\"ErrorCode\":\"8801005\"}")));
        // Only for prescriptions, as in the backend.
        assertEquals(ERROR, TilkoClassifier.classifyCheckups(
                json("{\"Status\":\"Error\",\"ErrorCode\":8801005,\"Message\":\"오류\"}")));
    }

    @Test
    void prescriptionsHaveNoNotApprovedBranchLikeTheBackend() {
        assertEquals(ERROR, TilkoClassifier.classifyPrescriptions(
                json("{\"Status\":\"Error\",\"ErrorCode\":4115,\"Message\":\"간편인증이 완료되지 않았습니다\"}")));
    }

    @Test
    void syntheticHtmlEnvelopeIsNotApprovedYetForCheckups() {
        JsonNode html = SyntheticEnvelopes.htmlAnswer();
        assertEquals("AUTH_PENDING", html.get("ResultCode").asText());
        assertEquals("인증 대기 중", html.get("Message").asText());
        assertEquals(NOT_APPROVED_YET, TilkoClassifier.classifyCheckups(html));
    }

    @Test
    void syntheticTransportEnvelopesAreErrors() {
        assertEquals(ERROR, TilkoClassifier.classifyCheckups(SyntheticEnvelopes.timeout("x")));
        assertEquals(ERROR, TilkoClassifier.classifyCheckups(SyntheticEnvelopes.httpStatus(503, "x")));
        assertEquals(ERROR, TilkoClassifier.classifyCheckups(SyntheticEnvelopes.connectionError("x")));
        assertEquals(ERROR, TilkoClassifier.classifyCheckups(SyntheticEnvelopes.invalidJson("x")));
        assertEquals(ERROR, TilkoClassifier.classifyCheckups(SyntheticEnvelopes.unexpected("x")));
    }

    @Test
    void simpleAuthNeedsOkAndCxId() {
        assertEquals(SUCCESS, TilkoClassifier.classifySimpleAuth(
                json("{\"Status\":\"OK\",\"ResultData\":{\"CxId\":\"cx-1\"}}")));
        assertEquals(ERROR, TilkoClassifier.classifySimpleAuth(
                json("{\"Status\":\"OK\",\"ResultData\":{\"CxId\":null}}")), "the backend's 'app not linked'");
        assertEquals(ERROR, TilkoClassifier.classifySimpleAuth(json("{\"Status\":\"OK\",\"ResultData\":null}")));
        // Simple-auth failures are plain errors in the backend, whatever the message says.
        assertEquals(ERROR, TilkoClassifier.classifySimpleAuth(
                json("{\"Status\":\"Error\",\"ErrorCode\":4115,\"Message\":\"입력하신 정보가 올바르지 않습니다\"}")));
    }

    @Test
    void loginCheckWaitsForResultTrue() {
        assertEquals(SUCCESS, TilkoClassifier.classifyLoginCheck(json("{\"Status\":\"OK\",\"Result\":true}")));
        assertEquals(SUCCESS, TilkoClassifier.classifyLoginCheck(json("{\"Status\":\"OK\",\"Result\":\"True\"}")));
        assertEquals(NOT_APPROVED_YET, TilkoClassifier.classifyLoginCheck(
                json("{\"Status\":\"OK\",\"Message\":\"성공\",\"Result\":false}")));
        assertEquals(ERROR, TilkoClassifier.classifyLoginCheck(
                json("{\"Status\":\"Error\",\"Message\":\"일시적인 장애\"}")));
    }
}
