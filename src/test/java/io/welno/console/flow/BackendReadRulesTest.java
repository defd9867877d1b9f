package io.welno.console.flow;

import static io.welno.console.flow.FlowTestSupport.DEVELOPER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.session.SessionDocument;
import io.welno.console.testing.Fixtures;
import io.welno.console.testing.Words;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The backend's own read rules decide: a session past its expires_at (the backend deletes it on its next read,
 * although Redis's TTL still runs) and a session /session/simple-auth would answer 404 for are refused by every
 * action they apply to, and not a byte is written.
 */
class BackendReadRulesTest extends DirectFlowRig {

    private final ObjectMapper mapper = new ObjectMapper();

    private String seed(String fixture, String id, Map<String, String> fields) throws Exception {
        ObjectNode doc = (ObjectNode) mapper.readTree(Fixtures.live(fixture));
        doc.put("session_id", id);
        fields.forEach((k, v) -> {
            if (v == null) {
                doc.remove(k);
            } else {
                doc.put(k, v);
            }
        });
        FlowTestSupport.put(REDIS, id, doc);
        return id;
    }

    private byte[] raw(String id) {
        return REDIS.client().get(("tilko_session:" + id).getBytes(StandardCharsets.UTF_8));
    }

    private ActionResult refusedWithoutAByte(ActionRequest request) {
        byte[] before = raw(request.sessionId());
        long ttl = REDIS.client().ttl("tilko_session:" + request.sessionId());
        ActionResult r = flow.perform(DEVELOPER, request);
        assertEquals(ActionResult.Outcome.REFUSED, r.outcome(), request + ": " + Words.en(r.message()));
        assertArrayEquals(before, raw(request.sessionId()), "not a byte written: " + request);
        assertTrue(REDIS.client().ttl("tilko_session:" + request.sessionId()) <= ttl, "the TTL untouched");
        return r;
    }

    @Test
    void aSessionPastItsExpiresAtIsRefusedByEveryActionEvenOverridden() throws Exception {
        String past = FlowTestSupport.TIMESTAMPS.nowPlusSeconds(-90);
        Map<ActionKind, String> fixtures = Map.of(ActionKind.SIMPLE_AUTH, "01_initiated.json",
                ActionKind.MANUAL_COMPLETE, "03_auth_request_sent.json", ActionKind.COLLECT, "04_auth_completed.json",
                ActionKind.RESET_STUCK, "05_fetching_health_data_stuck.json");
        for (Map.Entry<ActionKind, String> e : fixtures.entrySet()) {
            String id = seed(e.getValue(), "welno_expired" + e.getKey().ordinal(), Map.of("expires_at", past));
            assertTrue(REDIS.client().ttl("tilko_session:" + id) > 0, "Redis still holds it");
            for (ActionRequest request : List.of(ActionRequest.of(e.getKey(), id, "try"),
                    ActionRequest.of(e.getKey(), id, "force").withOverride())) {
                String said = Words.en(refusedWithoutAByte(request).message());
                assertTrue(said.contains("deletes this session on its next read") && said.contains(past), said);
            }
            assertFalse(flow.canOverride(e.getKey(), (SessionDocument) store.get(id)
                    .orElseThrow().parsed(), Role.DEVELOPER), "expiry is a hard rule");
        }
        assertEquals(0, tilko.calls.get(), "Tilko is never asked");
    }

    @Test
    void idsTheBackendsSimpleAuthAnswers404ForAreRefused() throws Exception {
        String uuid = seed("01_initiated.json", "3f2b8c1e-9a4d-4e7b-8c21-5d6f7a8b9c10", Map.of());
        String otherPartner = seed("01_initiated.json", "welno_0123456789abcdef0123456789abcdef",
                Map.of("partner_id", "kindhabit"));
        Map<String, String> noPartner = new HashMap<>();
        noPartner.put("partner_id", null);
        String missingPartner = seed("01_initiated.json", "welno_fedcba9876543210fedcba9876543210", noPartner);

        assertTrue(Words.en(refusedWithoutAByte(ActionRequest.of(ActionKind.SIMPLE_AUTH, uuid, "resend")).message())
                .contains("no partner prefix"));
        assertTrue(Words.en(refusedWithoutAByte(ActionRequest.of(ActionKind.SIMPLE_AUTH, otherPartner, "resend"))
                .message()).contains("\"kindhabit\" differs from the id's partner \"welno\""));
        assertTrue(Words.en(refusedWithoutAByte(ActionRequest.of(ActionKind.SIMPLE_AUTH, missingPartner, "resend"))
                .message()).contains("has no partner_id"));
        // For simple-auth it is hard: the backend would answer 404 whatever the console wrote.
        refusedWithoutAByte(ActionRequest.of(ActionKind.SIMPLE_AUTH, uuid, "resend").withOverride());
        assertEquals(0, tilko.calls.get(), "Tilko is never asked");

        // The backend's other endpoints do not check ownership: there a developer may override it, recorded.
        String legacy = seed("10_legacy_uuid_authenticated_camelcase_auth_data.json", "a1b2c3d4-0000-4000-8000-"
                + "000000000010", Map.of());
        refusedWithoutAByte(ActionRequest.of(ActionKind.MANUAL_COMPLETE, legacy, "approved"));
        ActionResult forced = flow.perform(DEVELOPER, ActionRequest.of(ActionKind.MANUAL_COMPLETE, legacy,
                "approved, legacy session").withOverride());
        assertEquals(ActionResult.Outcome.APPLIED, forced.outcome(), Words.en(forced.message()));
    }

    @Test
    void thePartnerIsReportedAsTheBackendDerivesIt() throws Exception {
        String uuid = seed("01_initiated.json", "3f2b8c1e-9a4d-4e7b-8c21-5d6f7a8b9c11", Map.of());
        SessionDocument doc = (SessionDocument) store.get(uuid)
                .orElseThrow().parsed();
        assertNull(doc.partnerId(), "a uuid-era id has no partner the backend could tell");
        assertEquals("welno", doc.storedPartnerId());
    }
}
