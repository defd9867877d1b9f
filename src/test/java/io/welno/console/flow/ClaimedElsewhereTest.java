package io.welno.console.flow;

import static io.welno.console.flow.FlowTestSupport.DEVELOPER;
import static io.welno.console.flow.FlowTestSupport.OPERATOR;
import static io.welno.console.flow.FlowTestSupport.TIMESTAMPS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.session.SessionDocument;
import io.welno.console.testing.CliRun;
import io.welno.console.testing.Fixtures;
import io.welno.console.testing.Words;
import io.welno.console.view.ActionAvailability;
import io.welno.console.view.BundleTexts;
import io.welno.console.view.SessionRow;
import io.welno.console.view.Wording;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Another console's live claim (its lease still renewed: its Tilko call is out or waits its turn) is refused, hard,
 * for every action — not only for the two that call Tilko. A developer's override of manual-auth-complete or
 * reset-stuck would not call that request back: the other console's answer would find the session changed and be
 * dropped (a simple-auth's ticket lost while the phone shows its request; a collection stopped with its call still
 * out, and a collect sent after the reset a second Tilko request beside it). docs/flow.md, "Claims and leases".
 * The other console's owner is written by hand: {@link ConsoleInstance#id()} is one per JVM.
 */
class ClaimedElsewhereTest extends DirectFlowRig {

    private static final String CONSOLE_B = "console-b.example/4242/beef";

    private final ObjectMapper mapper = new ObjectMapper();

    /** Console B's simple-auth in flight: auth_requesting, B's claim renewed, an earlier request's temp_auth_data. */
    private String simpleAuthOfB(long leaseSeconds) throws Exception {
        String id = FlowTestSupport.seeded(REDIS, "02_auth_requesting.json", Fixtures.FIXTURE_NOW, 600);
        ObjectNode doc = read(id);
        ObjectNode older = (ObjectNode) read(FlowTestSupport.seeded(REDIS, "05_fetching_health_data_stuck.json",
                Fixtures.FIXTURE_NOW, 600)).get("temp_auth_data");
        doc.set("temp_auth_data", older);
        claimBy(doc, "simple-auth", leaseSeconds);
        FlowTestSupport.put(REDIS, id, doc);
        return id;
    }

    /** Console B's collection in flight: fetching_health_data, collection_started, B's claim renewed. */
    private String collectionOfB(long leaseSeconds) throws Exception {
        String id = FlowTestSupport.seeded(REDIS, "05_fetching_health_data_stuck.json", Fixtures.FIXTURE_NOW, 600);
        ObjectNode doc = read(id);
        claimBy(doc, "collect", leaseSeconds);
        FlowTestSupport.put(REDIS, id, doc);
        return id;
    }

    private static void claimBy(ObjectNode doc, String action, long leaseSeconds) {
        doc.putObject("console_claim").put("id", "b0b0b0b0").put("action", action).put("operator", "choi")
                .put("owner", CONSOLE_B).put("at", TIMESTAMPS.nowPlusSeconds(-1))
                .put("lease_until", TIMESTAMPS.nowPlusSeconds(leaseSeconds));
    }

    private ObjectNode read(String id) throws Exception {
        return (ObjectNode) mapper.readTree(raw(id));
    }

    private static String raw(String id) {
        return REDIS.client().get("tilko_session:" + id);
    }

    private SessionDocument doc(String id) {
        return (SessionDocument) store.get(id).orElseThrow().parsed();
    }

    private ActionResult forcedAndRefused(ActionKind kind, String id) {
        String before = raw(id);
        ActionResult r = flow.perform(DEVELOPER, ActionRequest.of(kind, id, "repair it").withOverride());
        assertEquals(ActionResult.Outcome.REFUSED, r.outcome(), kind + ": " + Words.en(r.message()));
        assertEquals(before, raw(id), kind + " wrote over console B's live claim");
        String said = Words.en(r.message());
        assertTrue(said.contains(CONSOLE_B) && said.contains("still renews its claim"), said);
        String korean = Wording.window(new BundleTexts(BundleTexts.KOREAN)).render(r.message());
        assertTrue(korean.contains(CONSOLE_B) && korean.contains("점유를 계속 갱신"), korean);
        assertFalse(flow.canOverride(kind, doc(id), DEVELOPER.role()), kind + " offered an override");
        return r;
    }

    @Test
    void manualCompleteWithAnOverrideDoesNotWriteOverAnotherConsolesSimpleAuth() throws Exception {
        String id = simpleAuthOfB(60);
        ActionResult r = forcedAndRefused(ActionKind.MANUAL_COMPLETE, id);
        // Not the Tilko actions' "a second request": this one sends nothing, it would make B drop its answer.
        assertTrue(Words.en(r.message()).contains("drop its answer"), Words.en(r.message()));
        // With the approval check too: refused on the session read, before Tilko's LoginCheck is asked.
        String before = raw(id);
        ActionResult checked = flow.perform(DEVELOPER, ActionRequest.of(ActionKind.MANUAL_COMPLETE, id, "phone says ok")
                .withOverride().withApprovalCheck());
        assertEquals(ActionResult.Outcome.REFUSED, checked.outcome(), Words.en(checked.message()));
        assertEquals(before, raw(id));
        assertEquals(0, tilko.calls.get());
    }

    @Test
    void resetWithAnOverrideDoesNotTakeAwayAnotherConsolesClaim() throws Exception {
        forcedAndRefused(ActionKind.RESET_STUCK, simpleAuthOfB(60));
        String collecting = collectionOfB(60);
        forcedAndRefused(ActionKind.RESET_STUCK, collecting);
        // Without an override it was refused before too; now for the same hard reason, in the same words.
        ActionResult plain = flow.perform(OPERATOR, ActionRequest.of(ActionKind.RESET_STUCK, collecting, "stuck?"));
        assertEquals(ActionResult.Outcome.REFUSED, plain.outcome());
        assertTrue(Words.en(plain.message()).contains("still renews its claim"), Words.en(plain.message()));
    }

    /**
     * The window: a developer's buttons for both repairs are grey, not "needs an override" (an override the flow would
     * refuse at the press), and say why in the refusal's words; the action dialog's refusal is the same phrase.
     */
    @Test
    void theWindowsButtonsAreGreyAndSayWhy() throws Exception {
        SessionRow row = SessionRow.of(store.get(simpleAuthOfB(60)).orElseThrow());
        ActionAvailability availability = new ActionAvailability(flow, DEVELOPER.role());
        for (ActionKind kind : List.of(ActionKind.MANUAL_COMPLETE, ActionKind.RESET_STUCK)) {
            ActionAvailability.Verdict verdict = availability.of(kind, row);
            assertEquals(ActionAvailability.State.DISABLED, verdict.state(), kind.wire());
            String korean = Wording.window(new BundleTexts(BundleTexts.KOREAN)).render(verdict.why().orElseThrow());
            assertTrue(korean.contains(CONSOLE_B) && korean.contains("응답을 버리게"), korean);
            ActionPreview forced = flow.preview(DEVELOPER, ActionRequest.of(kind, row.id(), "x").withOverride());
            assertEquals("guard.claimedElsewhere.change", forced.refusalReason().orElseThrow().key());
        }
    }

    @Test
    void onceItsLeaseLapsesTheClaimIsStuckAndResetRepairsItWithoutAnOverride() throws Exception {
        String id = collectionOfB(-1);
        ActionResult r = flow.perform(OPERATOR, ActionRequest.of(ActionKind.RESET_STUCK, id, "console B died"));
        assertEquals(ActionResult.Outcome.APPLIED, r.outcome(), Words.en(r.message()));
        assertFalse(doc(id).consoleClaim().isPresent());
    }

    @Test
    void theCommandLineRefusesItAloneAndInABatch() throws Exception {
        String auth = simpleAuthOfB(60);
        String collecting = collectionOfB(60);
        String before = raw(auth);
        CliRun complete = CliRun.of("complete", auth, "--reason", "phone approved", "--role", "developer",
                "--override-guards", "--hold", "0", "--redis", REDIS.url());
        assertEquals(2, complete.exit(), complete.all());
        assertTrue(complete.err().contains("still renews its claim") && complete.err().contains(CONSOLE_B),
                complete.all());
        assertEquals(before, raw(auth));

        String collectingBefore = raw(collecting);
        CliRun batch = CliRun.of("reset", auth, collecting, "--reason", "repair", "--role", "developer",
                "--override-guards", "--hold", "0", "--redis", REDIS.url());
        assertEquals(2, batch.exit(), batch.all());
        for (String id : List.of(auth, collecting)) {
            assertTrue(batch.err().lines().anyMatch(l -> l.contains("REFUSED") && l.contains(id)
                    && l.contains("still renews its claim")), batch.all());
        }
        assertEquals(before, raw(auth));
        assertEquals(collectingBefore, raw(collecting));
    }
}
