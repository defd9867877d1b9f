package io.welno.console.flow;

import static io.welno.console.flow.FlowTestSupport.DEVELOPER;
import static io.welno.console.flow.FlowTestSupport.OPERATOR;
import static io.welno.console.flow.FlowTestSupport.VIEWER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.session.SessionStatus;
import io.welno.console.session.Timestamps;
import io.welno.console.store.RedisConnectionSettings;
import io.welno.console.store.RedisSessionStore;
import io.welno.console.testing.Fixtures;
import io.welno.console.testing.Words;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.params.SetParams;

/** Every refusal is a sentence, writes nothing, and a viewer sends no write command to Redis at all. */
class FlowRefusalTest extends DirectFlowRig {

    private final ObjectMapper mapper = new ObjectMapper();

    @BeforeEach
    void seed() {
        for (String fixture : Fixtures.readable()) {
            REDIS.client().set("tilko_session:" + Fixtures.id(fixture), Fixtures.live(fixture),
                    SetParams.setParams().ex(1800));
        }
        REDIS.client().set("tilko_session:broken", Fixtures.text("90_not_json.txt"));
    }

    private String raw(String fixture) {
        return REDIS.client().get("tilko_session:" + Fixtures.id(fixture));
    }

    private ActionResult refusedAndUnchanged(Operator who, ActionRequest request, String fixture) {
        String before = raw(fixture);
        ActionResult r = flow.perform(who, request);
        assertEquals(ActionResult.Outcome.REFUSED, r.outcome(), Words.en(r.message()));
        assertEquals(ActionResult.Outcome.REFUSED, r.outcome());
        assertEquals(before, raw(fixture), "a refusal writes nothing");
        assertTrue(Words.en(r.message()).endsWith("Nothing was changed.") || Words.en(r.message()).contains("never writes"), Words.en(r.message()));
        return r;
    }

    @Test
    void collectBeforeAuthCompletedNamesTheStatusItSaw() {
        String id = Fixtures.id("03_auth_request_sent.json");
        ActionResult r = refusedAndUnchanged(OPERATOR, ActionRequest.of(ActionKind.COLLECT, id, "user waited"),
                "03_auth_request_sent.json");
        assertEquals("collect needs status auth_completed or authenticated, but the session is auth_request_sent. "
                + "Nothing was changed.", Words.en(r.message()));
        assertEquals(SessionStatus.AUTH_REQUEST_SENT, r.statusBefore());
        assertEquals(0, tilko.calls.get(), "Tilko is never asked for a refused action");
    }

    @Test
    void completeWithoutTempAuthDataIsRefusedEvenWithAnOverride() {
        String id = Fixtures.id("01_initiated.json");
        ActionResult r = refusedAndUnchanged(DEVELOPER, ActionRequest.of(ActionKind.MANUAL_COMPLETE, id, "try"),
                "01_initiated.json");
        assertTrue(Words.en(r.message()).contains("temp_auth_data") && Words.en(r.message()).contains("initiated"), Words.en(r.message()));
        ActionResult forced = refusedAndUnchanged(DEVELOPER,
                ActionRequest.of(ActionKind.MANUAL_COMPLETE, id, "force it").withOverride(), "01_initiated.json");
        assertTrue(Words.en(forced.message()).contains("temp_auth_data"), Words.en(forced.message()));
    }

    @Test
    void roleReasonAndOverrideRulesAreEnforcedHereNotInTheButtons() {
        String sent = Fixtures.id("03_auth_request_sent.json");
        ActionResult r = refusedAndUnchanged(OPERATOR, ActionRequest.of(ActionKind.MANUAL_COMPLETE, sent, "please"),
                "03_auth_request_sent.json");
        assertEquals("The operator role cannot run \"manual-auth-complete\"; it needs the developer role. (The session is "
                + "auth_request_sent.) Nothing was changed.", Words.en(r.message()));
        r = refusedAndUnchanged(OPERATOR, ActionRequest.of(ActionKind.COLLECT, sent, "please").withOverride(),
                "03_auth_request_sent.json");
        assertEquals("Only the developer role may override guards. Nothing was changed.", Words.en(r.message()));
        r = refusedAndUnchanged(DEVELOPER, ActionRequest.of(ActionKind.MANUAL_COMPLETE, sent, "   "),
                "03_auth_request_sent.json");
        assertEquals("A reason is required: one line of at most 500 characters saying why. Nothing was changed.", Words.en(r.message()));
        // Documents the backend cannot read are refused until a developer overrides.
        String offset = Fixtures.id("14_timezone_aware_timestamps.json");
        r = refusedAndUnchanged(OPERATOR, ActionRequest.of(ActionKind.SIMPLE_AUTH, offset, "retry"),
                "14_timezone_aware_timestamps.json");
        assertTrue(Words.en(r.message()).contains("time-zone offset"), Words.en(r.message()));
        // Unreadable values are never written; a vanished session is a plain failure.
        ActionResult broken = flow.perform(DEVELOPER, ActionRequest.of(ActionKind.RESET_STUCK, "broken", "fix"));
        assertEquals(ActionResult.Outcome.REFUSED, broken.outcome());
        assertTrue(Words.en(broken.message()).contains("not a readable session"), Words.en(broken.message()));
        ActionResult gone = flow.perform(OPERATOR, ActionRequest.of(ActionKind.RESET_STUCK, "welno_nope", "fix"));
        assertEquals(ActionResult.Outcome.VANISHED, gone.outcome());
        assertTrue(Words.en(gone.message()).contains("expired or was deleted"), Words.en(gone.message()));
        assertEquals(0, tilko.calls.get());

        // Refusals by operators and developers are audited in the stream, with the status seen.
        List<AuditRecord> audit = flow.auditLog().read(20);
        assertEquals(6, audit.size());
        assertTrue(audit.stream().allMatch(a -> a.event().equals(AuditRecord.ATTEMPT)));
        AuditRecord first = audit.get(audit.size() - 1);
        assertEquals("REFUSED", first.result());
        assertEquals("manual-auth-complete", first.action());
        assertEquals("auth_request_sent", first.statusBefore());
        assertEquals("please", first.reason());
    }

    @Test
    void anOverrideByADeveloperIsAppliedAndRecordedAsSuch() throws Exception {
        // A collection that made progress 1 minute ago is not stuck yet; a developer may reset it anyway.
        String id = "welno_fresh_fetching";
        ObjectNode doc = (ObjectNode) mapper.readTree(Fixtures.live("05_fetching_health_data_stuck.json"));
        String now = FlowTestSupport.TIMESTAMPS.nowPlusSeconds(-60);
        doc.put("session_id", id);
        doc.put("collection_start_time", now);
        doc.put("expires_at", FlowTestSupport.TIMESTAMPS.nowPlusSeconds(600));
        ((ObjectNode) doc.withArray("messages").get(1)).put("timestamp", now);
        FlowTestSupport.put(REDIS, id, doc);

        ActionResult refused = flow.perform(OPERATOR, ActionRequest.of(ActionKind.RESET_STUCK, id, "looks stuck"));
        assertEquals(ActionResult.Outcome.REFUSED, refused.outcome());
        assertTrue(Words.en(refused.message()).contains("last made progress 1m ago"), Words.en(refused.message()));

        ActionResult forced = flow.perform(DEVELOPER,
                ActionRequest.of(ActionKind.RESET_STUCK, id, "Tilko incident, restart it").withOverride());
        assertEquals(ActionResult.Outcome.APPLIED, forced.outcome(), Words.en(forced.message()));
        JsonNode stored = mapper.readTree(REDIS.client().get("tilko_session:" + id));
        assertEquals("auth_completed", stored.get("status").asText());
        assertFalse(stored.get("collection_started").asBoolean());
        String message = stored.get("messages").get(stored.get("messages").size() - 1).get("message").asText();
        assertTrue(message.contains("개발자 재정의") && message.contains("lee"), message);
        AuditRecord audit = flow.auditLog().read(1).get(0);
        assertTrue(audit.override());
        assertEquals("APPLIED", audit.result());
        assertEquals("fetching_health_data", audit.statusBefore());
        assertEquals("auth_completed", audit.statusAfter());
    }

    /**
     * An emoji picked with its presentation selector ("✔️", U+2714 U+FE0F, as emoji pickers and Korean and macOS
     * keyboards insert it) is part of the reason, not an invisible character: the check the dialogs and the command
     * line make lets it through, and the flow applies the action with the reason kept as typed. A selector that belongs to no
     * character is still refused, and nothing is written.
     */
    @Test
    void anEmojiPickedWithItsPresentationSelectorIsPartOfTheReason() throws Exception {
        String reason = "확인 \u2714\ufe0f 고객 재요청";
        assertTrue(ActionRequest.reasonProblem(reason).isEmpty(), () -> Words.en(ActionRequest.reasonProblem(reason)
                .orElseThrow()));
        String id = "welno_emoji_reason";
        ObjectNode doc = (ObjectNode) mapper.readTree(Fixtures.live("05_fetching_health_data_stuck.json"));
        doc.put("session_id", id);
        doc.put("expires_at", FlowTestSupport.TIMESTAMPS.nowPlusSeconds(600));
        FlowTestSupport.put(REDIS, id, doc);

        for (String hidden : List.of("확인 \ufe0f", "\ufe0f확인", "확인 \u2714\ufe0f\ufe0f", "확인\ufe0f")) {
            String before = REDIS.client().get("tilko_session:" + id);
            ActionResult refused = flow.perform(OPERATOR, ActionRequest.of(ActionKind.RESET_STUCK, id, hidden));
            assertEquals(ActionResult.Outcome.REFUSED, refused.outcome(), Words.en(refused.message()));
            assertTrue(Words.en(refused.message()).contains("is a control or invisible character (\\ufe0f)"),
                    Words.en(refused.message()));
            assertEquals(before, REDIS.client().get("tilko_session:" + id), "a refusal writes nothing");
        }

        ActionResult applied = flow.perform(DEVELOPER, ActionRequest.of(ActionKind.RESET_STUCK, id, reason)
                .withOverride()); // the fixture's collection made progress minutes ago: not stuck yet
        assertEquals(ActionResult.Outcome.APPLIED, applied.outcome(), Words.en(applied.message()));
        JsonNode stored = mapper.readTree(REDIS.client().get("tilko_session:" + id));
        String message = stored.get("messages").get(stored.get("messages").size() - 1).get("message").asText();
        assertTrue(message.contains("사유: " + reason + " ·"), message);
        assertEquals(reason, flow.auditLog().read(1).get(0).reason());
    }

    /**
     * The session's message keeps the first 200 characters of a long reason, cut between two characters: cut inside
     * an emoji's surrogate pair, it stored a lone escaped half (U+D83D) that the backend, writing the session again as
     * UTF-8, cannot encode. The audit keeps the whole reason.
     */
    @Test
    void aLongReasonIsCutInTheMessageBetweenCharactersNeverInsideOne() throws Exception {
        String reason = "a" + "\uD83D\uDE42".repeat(150); // the 200th UTF-16 unit is the first half of a pair
        assertTrue(ActionRequest.reasonProblem(reason).isEmpty());
        String id = "welno_long_emoji_reason";
        ObjectNode doc = (ObjectNode) mapper.readTree(Fixtures.live("05_fetching_health_data_stuck.json"));
        doc.put("session_id", id);
        doc.put("expires_at", FlowTestSupport.TIMESTAMPS.nowPlusSeconds(600));
        FlowTestSupport.put(REDIS, id, doc);

        ActionResult applied = flow.perform(DEVELOPER, ActionRequest.of(ActionKind.RESET_STUCK, id, reason)
                .withOverride());
        assertEquals(ActionResult.Outcome.APPLIED, applied.outcome(), Words.en(applied.message()));
        String raw = REDIS.client().get("tilko_session:" + id);
        assertFalse(raw.toLowerCase(java.util.Locale.ROOT).contains("\\ud83d"), "no lone half, escaped: " + raw);
        JsonNode stored = mapper.readTree(raw);
        String message = stored.get("messages").get(stored.get("messages").size() - 1).get("message").asText();
        assertTrue(message.codePoints().noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF), message);
        assertTrue(message.contains("사유: a" + "\uD83D\uDE42".repeat(99) + "…"), message);
        assertEquals(reason, flow.auditLog().read(1).get(0).reason());
    }

    /**
     * Emoji as phones and pickers produce them (a family ZWJ sequence, a subdivision flag) are part of the reason:
     * the check lets them through, the session's message and the audit keep them as typed, and a long reason cut for
     * the message loses the whole sequence rather than leaving a joiner at its end.
     */
    @Test
    void anEmojiSequenceIsPartOfTheReasonAndTheMessageCutKeepsItWhole() throws Exception {
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        StringBuilder flag = new StringBuilder("\uD83C\uDFF4");
        "gbsct".chars().forEach(c -> flag.appendCodePoint(0xE0000 + c));
        flag.appendCodePoint(0xE007F);
        String reason = "가족 " + family + " " + flag + " 지점 요청";
        assertTrue(ActionRequest.reasonProblem(reason).isEmpty(), () -> Words.en(ActionRequest.reasonProblem(reason)
                .orElseThrow()));
        String longReason = "x".repeat(197) + family; // the 200th UTF-16 unit is the first joiner
        assertTrue(ActionRequest.reasonProblem(longReason).isEmpty());
        for (String[] run : new String[][] {{"welno_family_reason", reason}, {"welno_long_family_reason", longReason}}) {
            ObjectNode doc = (ObjectNode) mapper.readTree(Fixtures.live("05_fetching_health_data_stuck.json"));
            doc.put("session_id", run[0]);
            doc.put("expires_at", FlowTestSupport.TIMESTAMPS.nowPlusSeconds(600));
            FlowTestSupport.put(REDIS, run[0], doc);
            ActionResult applied = flow.perform(DEVELOPER, ActionRequest.of(ActionKind.RESET_STUCK, run[0], run[1])
                    .withOverride());
            assertEquals(ActionResult.Outcome.APPLIED, applied.outcome(), Words.en(applied.message()));
            assertEquals(run[1], flow.auditLog().read(1).get(0).reason());
        }
        assertTrue(lastMessage("welno_family_reason").contains("사유: " + reason + " ·"));
        String cut = lastMessage("welno_long_family_reason");
        assertTrue(cut.contains("사유: " + "x".repeat(197) + "… ·"), cut);
        assertEquals(cut, io.welno.console.text.SafeText.escape(cut), "nothing in the message is shown escaped");
    }

    private String lastMessage(String id) throws Exception {
        JsonNode stored = mapper.readTree(REDIS.client().get("tilko_session:" + id));
        return stored.get("messages").get(stored.get("messages").size() - 1).get("message").asText();
    }

    @Test
    void aViewerIsRefusedEveryActionAndNoWriteCommandReachesRedis() {
        // A Redis user that may only read, like a support profile would use.
        REDIS.client().sendCommand(Protocol.Command.ACL, "SETUSER", "support", "on", ">readonly", "~*",
                "+@read", "+@connection", "+info");
        RedisConnectionSettings readOnly = RedisConnectionSettings.parse(
                "redis://support:readonly@127.0.0.1:" + REDIS.port() + "/0");
        REDIS.client().sendCommand(Protocol.Command.CONFIG, "RESETSTAT");
        REDIS.client().sendCommand(Protocol.Command.ACL, "LOG", "RESET");
        try (RedisSessionStore viewerStore = RedisSessionStore.open(readOnly, FlowTestSupport.CODEC, Timestamps.system())) {
            FlowService viewerFlow = new FlowService(viewerStore, tilko, new RedisAuditLog(viewerStore.client()),
                    new RevertWatch(viewerStore, java.time.Duration.ofMillis(20)), FlowTestSupport.TIMESTAMPS,
                    new DirectExecutor(), FlowOptions.defaults());
            String[][] cases = {
                {"01_initiated.json", "SIMPLE_AUTH"}, {"03_auth_request_sent.json", "MANUAL_COMPLETE"},
                {"04_auth_completed.json", "COLLECT"}, {"05_fetching_health_data_stuck.json", "RESET_STUCK"}};
            for (String[] c : cases) {
                String before = raw(c[0]);
                ActionRequest request = ActionRequest.of(ActionKind.valueOf(c[1]), Fixtures.id(c[0]), "just looking");
                ActionResult r = viewerFlow.perform(VIEWER, request);
                assertEquals(ActionResult.Outcome.REFUSED, r.outcome(), Words.en(r.message()));
                assertEquals("The viewer role cannot run any action (it never writes to Redis). Nothing was changed.",
                        Words.en(r.message()));
                assertEquals(before, raw(c[0]));
                assertTrue(viewerFlow.preview(VIEWER, request).refusalReason().isPresent());
                viewerFlow.perform(VIEWER, request.withOverride());
            }
            // The viewer can still read (the same store lists and shows sessions).
            assertTrue(viewerStore.get(Fixtures.id("01_initiated.json")).isPresent());
            assertEquals(8, viewerFlow.localAudit().read(100).size(), "viewer attempts are kept locally");
            viewerFlow.close();
        }
        assertFalse(REDIS.client().exists(RedisAuditLog.DEFAULT_KEY), "not even an audit XADD for a viewer");
        assertEquals(0, tilko.calls.get());
        Set<String> called = calledCommands();
        Set<String> writes = new HashSet<>(called);
        writes.retainAll(Set.of("set", "setex", "psetex", "eval", "evalsha", "eval_ro", "xadd", "del", "unlink",
                "expire", "pexpire", "persist", "hset", "getset", "append", "incr", "rename", "xtrim", "script"));
        assertEquals(Set.of(), writes, "write commands seen: " + called);
        List<?> aclLog = (List<?>) REDIS.client().sendCommand(Protocol.Command.ACL, "LOG");
        assertEquals(0, aclLog.size(), "no command was denied, because none was attempted");
    }

    /** The command names Redis counted since CONFIG RESETSTAT. */
    private static Set<String> calledCommands() {
        Set<String> names = new HashSet<>();
        for (String line : REDIS.client().info("commandstats").split("\r?\n")) {
            if (line.startsWith("cmdstat_")) {
                names.add(line.substring("cmdstat_".length(), line.indexOf(':')).toLowerCase());
            }
        }
        return names;
    }
}
