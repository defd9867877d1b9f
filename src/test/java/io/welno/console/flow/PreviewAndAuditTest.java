package io.welno.console.flow;

import static io.welno.console.flow.FlowTestSupport.DEVELOPER;
import static io.welno.console.flow.FlowTestSupport.OPERATOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.session.SessionStatus;
import io.welno.console.store.RedisSessionStore;
import io.welno.console.testing.Fixtures;
import io.welno.console.text.Phrase;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.testing.Words;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.params.SetParams;

class PreviewAndAuditTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private RedisSessionStore store;
    private FlowService flow;

    @BeforeEach
    void wire() {
        for (String fixture : Fixtures.readable()) {
            REDIS.client().set("tilko_session:" + Fixtures.id(fixture), Fixtures.live(fixture),
                    SetParams.setParams().ex(1800));
        }
        store = FlowTestSupport.store(REDIS);
        flow = FlowTestSupport.service(store, new ThrowingTilko(), null, new DirectExecutor(), FlowOptions.defaults());
    }

    @AfterEach
    void close() {
        flow.close();
        store.close();
    }

    @Test
    void previewShowsTheFirstWriteWithoutWritingAnything() {
        String id = Fixtures.id("04_auth_completed.json");
        String raw = REDIS.client().get("tilko_session:" + id);
        ActionPreview preview = flow.preview(OPERATOR, ActionRequest.of(ActionKind.COLLECT, id, ""));
        assertTrue(preview.allowed(), Words.en(preview.refusal()));
        assertEquals(SessionStatus.AUTH_COMPLETED, preview.before().status());
        assertEquals(SessionStatus.FETCHING_HEALTH_DATA, preview.after().status());
        assertTrue(preview.after().collectionStarted());
        assertEquals(preview.before().messageCount() + 1, preview.after().messageCount());
        assertTrue(Words.en(preview.followUp()).contains("completed on success"), Words.en(preview.followUp()));
        assertEquals(raw, REDIS.client().get("tilko_session:" + id), "a preview writes nothing");

        ActionPreview complete = flow.preview(DEVELOPER,
                ActionRequest.of(ActionKind.MANUAL_COMPLETE, Fixtures.id("03_auth_request_sent.json"), "x"));
        assertTrue(complete.allowed());
        assertEquals("CX000003-7d1e", complete.after().tree().at("/auth_data/CxId").asText());
        assertTrue(complete.after().progress().authCompleted());
        assertFalse(complete.before().progress().authCompleted());

        ActionPreview refused = flow.preview(OPERATOR,
                ActionRequest.of(ActionKind.COLLECT, Fixtures.id("03_auth_request_sent.json"), "x"));
        assertFalse(refused.allowed());
        assertNull(refused.after());
        assertTrue(Words.en(refused.refusal()).contains("but the session is auth_request_sent"), Words.en(refused.refusal()));
        assertTrue(Words.en(flow.preview(OPERATOR, ActionRequest.of(ActionKind.COLLECT, "welno_none", "x"))
                .refusal()).contains("no session"));
        assertEquals(0, flow.auditLog().read(10).size(), "previews are not attempts");
    }

    @Test
    void theAuditStreamIsCappedAndReadNewestFirst() {
        RedisAuditLog audit = new RedisAuditLog(REDIS.client(), "welno:console:audit:test", 100);
        for (int i = 0; i < 1_000; i++) {
            audit.record(new AuditRecord(Instant.now(), "id" + i, AuditRecord.ATTEMPT, "kim", Role.OPERATOR,
                    "collect", "s" + i, "r", false, "auth_completed", "fetching_health_data", "APPLIED",
                    Phrase.of("text.verbatim", "m"), null));
        }
        long length = REDIS.client().xlen("welno:console:audit:test");
        assertTrue(length >= 100 && length < 300, "MAXLEN ~ 100 keeps about 100 entries, not " + length);
        List<AuditRecord> newest = audit.read(3);
        assertEquals(List.of("id999", "id998", "id997"), newest.stream().map(AuditRecord::actionId).toList());
        assertEquals(Role.OPERATOR, newest.get(0).role());
        assertTrue(newest.get(0).streamId().contains("-"));
        // Entries written by another console version with fewer or unknown fields still read.
        REDIS.client().xadd("welno:console:audit:test", (redis.clients.jedis.StreamEntryID) null,
                Map.of("action", "collect", "future_field", "x"));
        AuditRecord odd = audit.read(1).get(0);
        assertEquals("collect", odd.action());
        assertEquals("", odd.operator());
        assertTrue(odd.time().isAfter(Instant.EPOCH));
    }
}
