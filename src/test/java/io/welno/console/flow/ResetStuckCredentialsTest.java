package io.welno.console.flow;

import static io.welno.console.flow.FlowTestSupport.OPERATOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.testing.Fixtures;
import io.welno.console.testing.Words;
import org.junit.jupiter.api.Test;

/**
 * A collection stuck because auth_data is missing (manual-auth-complete ran before temp_auth_data was there, or it
 * was lost) would stop the same way after a reset that only frees it: the backend's task reads auth_data. The reset
 * writes it from temp_auth_data, as manual-auth-complete does, so "you can try again" is true; one that has it keeps
 * it untouched.
 */
class ResetStuckCredentialsTest extends DirectFlowRig {

    private final ObjectMapper mapper = new ObjectMapper();

    private ObjectNode read(String id) throws Exception {
        return (ObjectNode) mapper.readTree(REDIS.client().get("tilko_session:" + id));
    }

    private String stuck(boolean withAuthData) throws Exception {
        return stuck(withAuthData, true);
    }

    private String stuck(boolean withAuthData, boolean withTempAuthData) throws Exception {
        String id = FlowTestSupport.seeded(REDIS, "05_fetching_health_data_stuck.json",
                Fixtures.FIXTURE_NOW.plusMinutes(10), 300);
        if (!withAuthData || !withTempAuthData) {
            ObjectNode doc = read(id);
            if (!withAuthData) {
                doc.putNull("auth_data");
            }
            if (!withTempAuthData) {
                doc.remove("temp_auth_data");
            }
            FlowTestSupport.put(REDIS, id, doc);
        }
        return id;
    }

    @Test
    void aSessionStuckWithoutAuthDataGetsItFromTempAuthData() throws Exception {
        String id = stuck(false);
        JsonNode temp = read(id).get("temp_auth_data");
        ActionResult result = flow.perform(OPERATOR, ActionRequest.of(ActionKind.RESET_STUCK, id, "repair"));
        assertTrue(result.applied(), Words.en(result.message()));
        ObjectNode after = read(id);
        assertEquals("auth_completed", after.get("status").asText());
        assertEquals(false, after.get("collection_started").asBoolean(true));
        JsonNode authData = after.get("auth_data");
        assertEquals(temp.get("cxId").asText(), authData.get("CxId").asText(), after.toString());
        assertEquals(temp.get("txId").asText(), authData.get("TxId").asText(), after.toString());
    }

    @Test
    void aSessionThatHasAuthDataKeepsItAsItWas() throws Exception {
        String id = stuck(true);
        JsonNode before = read(id).get("auth_data");
        assertTrue(flow.perform(OPERATOR, ActionRequest.of(ActionKind.RESET_STUCK, id, "repair")).applied());
        assertEquals(before, read(id).get("auth_data"));
    }

    @Test
    void withNeitherCredentialTheResetIsRefusedForTheNextCollectionWouldStopTheSameWay() throws Exception {
        String id = stuck(false, false);
        String before = REDIS.client().get("tilko_session:" + id);
        ActionResult result = flow.perform(OPERATOR, ActionRequest.of(ActionKind.RESET_STUCK, id, "repair"));
        assertEquals(ActionResult.Outcome.REFUSED, result.outcome(), Words.en(result.message()));
        assertTrue(Words.en(result.message()).contains("neither auth_data nor temp_auth_data"),
                Words.en(result.message()));
        assertEquals(before, REDIS.client().get("tilko_session:" + id), "nothing written");
    }

    @Test
    void aForcedResetWithNeitherCredentialSaysTheSessionCannotBeCollectedAgain() throws Exception {
        String id = stuck(false, false);
        ActionResult result = flow.perform(FlowTestSupport.DEVELOPER,
                ActionRequest.of(ActionKind.RESET_STUCK, id, "repair").withOverride());
        assertTrue(result.applied(), Words.en(result.message()));
        assertEquals("flow.reset.appliedNoCredentials", result.message().key());
        ObjectNode after = read(id);
        assertEquals("auth_completed", after.get("status").asText());
        JsonNode messages = after.get("messages");
        String last = messages.get(messages.size() - 1).get("message").asText();
        assertTrue(last.contains("다시 수집할 수 없습니다"), last);
    }

    @Test
    void aResetThatCanBeRetriedSaysSo() throws Exception {
        String id = stuck(false);
        ActionResult result = flow.perform(OPERATOR, ActionRequest.of(ActionKind.RESET_STUCK, id, "repair"));
        assertEquals("flow.reset.applied", result.message().key());
        JsonNode messages = read(id).get("messages");
        assertTrue(messages.get(messages.size() - 1).get("message").asText().contains("다시 시도할 수 있습니다"));
    }
}
