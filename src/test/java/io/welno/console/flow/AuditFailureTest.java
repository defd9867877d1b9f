package io.welno.console.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.welno.console.store.RedisConnectionSettings;
import io.welno.console.store.RedisSessionStore;
import io.welno.console.store.StoreFailure;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.testing.Words;
import io.welno.console.text.Phrase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Protocol;

/**
 * An audit entry that cannot be written is told, never swallowed: an action applied without its entry says so (alone
 * and in a bulk run's count), and a reveal without its entry does not happen. The Redis user here may do everything
 * but XADD, as a production ACL that forgot the audit stream would.
 */
class AuditFailureTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private RedisSessionStore store;
    private FlowService flow;
    private final RecordingListener listener = new RecordingListener();

    @BeforeEach
    void noXadd() {
        REDIS.client().sendCommand(Protocol.Command.ACL, "SETUSER", "noaudit", "reset", "on", ">secret", "~*", "&*",
                "+@all", "-xadd");
        store = RedisSessionStore.open(RedisConnectionSettings.parse("redis://noaudit:secret@127.0.0.1:" + REDIS.port()
                + "/0"), FlowTestSupport.CODEC, FlowTestSupport.TIMESTAMPS);
        flow = new FlowService(store, (io.welno.console.tilko.TilkoClient) null, new RedisAuditLog(store.client()), null, FlowTestSupport.TIMESTAMPS,
                new DirectExecutor(), FlowOptions.defaults());
        flow.addListener(listener);
    }

    @AfterEach
    void close() {
        flow.close();
        store.close();
    }

    @Test
    void anActionAppliedWithoutItsAuditEntrySaysSo() throws Exception {
        String id = FlowTestSupport.waitingSession(REDIS);
        ActionResult r = flow.perform(FlowTestSupport.DEVELOPER,
                ActionRequest.of(ActionKind.MANUAL_COMPLETE, id, "user approved on the phone").withHold(Duration.ZERO));

        assertEquals(ActionResult.Outcome.APPLIED, r.outcome(), Words.en(r.message()));
        assertEquals("auth_completed", new ObjectMapper().readTree(REDIS.client().get("tilko_session:" + id))
                .get("status").asText(), "the change itself is written as ever");
        assertFalse(r.audited());
        assertEquals(StoreFailure.Cause.PERMISSION_DENIED, r.auditFailure().cause());
        String en = Words.en(r.message());
        assertTrue(en.contains("But its audit entry could not be written: the Redis user has no permission to run"
                + " \"xadd\""), en);
        assertTrue(Words.ko(r.message()).contains("감사 기록을 남기지 못했습니다"), Words.ko(r.message()));
        assertFalse(REDIS.client().exists(RedisAuditLog.DEFAULT_KEY));
        assertEquals(List.of(r), listener.actions, "the window hears the same result, flag and all");
    }

    @Test
    void aBulkRunCountsTheSessionsWithoutAnAuditEntry() throws Exception {
        List<String> ids = List.of(FlowTestSupport.waitingSession(REDIS), FlowTestSupport.waitingSession(REDIS));
        BulkRun run = BulkRun.start(flow, FlowTestSupport.DEVELOPER, ActionRequest.of(ActionKind.MANUAL_COMPLETE,
                ids.get(0), "user approved on the phone").withHold(Duration.ZERO), ids, new DirectExecutor(), null);
        assertTrue(run.await(Duration.ofSeconds(30)));
        BulkRun.Summary summary = run.summary();
        assertEquals(2, summary.count(BulkRun.Tally.APPLIED));
        assertEquals(2, summary.entriesMissing());
        assertTrue(Words.en(summary.phrase()).endsWith("; 2 with an audit entry missing (each says why)"),
                Words.en(summary.phrase()));
        assertTrue(Words.ko(summary.phrase()).contains("감사 기록이 빠진 세션 2"), Words.ko(summary.phrase()));
        for (BulkRun.Item item : summary.byTally().get(BulkRun.Tally.APPLIED)) {
            assertTrue(Words.en(item.told()).contains("audit entry could not be written"), Words.en(item.told()));
        }
    }

    @Test
    void aRevealWhoseEntryCannotBeWrittenIsDenied() {
        Optional<PersonalDataReveal.Denied> denied = PersonalDataReveal.reveal(new RedisAuditLog(store.client()),
                FlowTestSupport.DEVELOPER, "welno_x", Instant.now(), Phrase.of("audit.reveal.screen"));
        assertTrue(denied.isPresent());
        assertEquals(StoreFailure.Cause.PERMISSION_DENIED, denied.get().auditFailure().cause());
        assertEquals("Personal data stays masked, since the reveal could not be recorded in the audit log: the Redis user"
                + " has no permission to run \"xadd\" on the audit stream " + RedisAuditLog.DEFAULT_KEY
                + " (ask for an ACL that allows it on the stream).", Words.en(denied.get().why()));
        assertTrue(Words.ko(denied.get().why()).startsWith("개인정보를 가린 채로 둡니다."), Words.ko(denied.get().why()));

        try (io.welno.console.testing.LogCapture log = new io.welno.console.testing.LogCapture(
                PersonalDataReveal.class.getName())) {
            MemoryAuditLog audit = new MemoryAuditLog();
            assertEquals(Optional.empty(), PersonalDataReveal.reveal(audit, FlowTestSupport.DEVELOPER,
                    "welno_x", Instant.now(), Phrase.of("audit.reveal.screen")), "written: shown");
            assertTrue(audit.read(1).get(0).actionId().matches("[0-9a-f]{8}"),
                    "an action id as every action's (docs/flow.md): " + audit.read(1));
            assertEquals(List.of("Personal data of session welno_x revealed by the developer role"), log.lines(),
                    "who it was is the audit entry's to say, not the log's");
        }
        assertEquals(null, PersonalDataReveal.reveal(new MemoryAuditLog(), FlowTestSupport.OPERATOR, "welno_x",
                Instant.now(), Phrase.of("audit.reveal.screen")).orElseThrow().auditFailure(), "a role refusal");
    }

    @Test
    void anEntryWhoseFateIsUnknownIsToldAsUnconfirmed() {
        AuditLog stalled = new AuditLog() {
            @Override
            public Optional<StoreFailure> record(AuditRecord record) {
                return Optional.of(new StoreFailure(StoreFailure.Cause.TIMEOUT, ""));
            }

            @Override
            public List<AuditRecord> read(int limit) {
                return List.of();
            }

            @Override
            public String describe() {
                return "stalled";
            }
        };
        Optional<PersonalDataReveal.Denied> denied = PersonalDataReveal.reveal(stalled, FlowTestSupport.DEVELOPER,
                "welno_x", Instant.now(), Phrase.of("audit.reveal.cli"));
        assertTrue(Words.en(denied.orElseThrow().why()).startsWith("Personal data stays masked, since the reveal may not"
                + " have been recorded"), Words.en(denied.get().why()));

        FlowService stalledFlow = new FlowService(store, (io.welno.console.tilko.TilkoClient) null, stalled, null, FlowTestSupport.TIMESTAMPS,
                new DirectExecutor(), FlowOptions.defaults());
        try {
            String id = FlowTestSupport.waitingSession(REDIS);
            ActionResult r = stalledFlow.perform(FlowTestSupport.DEVELOPER, ActionRequest.of(
                    ActionKind.MANUAL_COMPLETE, id, "user approved on the phone").withHold(Duration.ZERO));
            assertEquals(ActionResult.Outcome.APPLIED, r.outcome());
            assertTrue(Words.en(r.message()).contains("But its audit entry may not have been written: Redis stopped"
                    + " answering"), Words.en(r.message()));
        } finally {
            stalledFlow.close();
        }
    }
}
