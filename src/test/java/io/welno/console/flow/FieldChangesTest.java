package io.welno.console.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionStatus;
import io.welno.console.testing.Fixtures;
import io.welno.console.testing.Words;
import io.welno.console.text.Phrase;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** What a revert put back, and what re-applying may and may not put back. */
class FieldChangesTest {

    private final SessionCodec codec = new SessionCodec();
    private final SessionDocument waiting = (SessionDocument) codec.parse("welno_x",
            Fixtures.text("03_auth_request_sent.json"));

    private SessionDocument with(SessionDocument base, Consumer<ObjectNode> edit) {
        ObjectNode tree = base.tree().deepCopy();
        edit.accept(tree);
        return (SessionDocument) codec.wrap("welno_x", tree);
    }

    private final SessionDocument completed = with(waiting, t -> {
        t.put("status", "auth_completed");
        t.with("progress").put("auth_completed", true);
        t.putObject("auth_data").put("CxId", "cx").put("Token", "secret-token");
        t.withArray("messages").addObject().put("timestamp", "2026-11-20T14:05:00").put("type", "success")
                .put("message", "인증이 완료되었습니다. [콘솔 lee · 사유: ok · #0000abcd]");
        t.put("updated_at", "2026-11-20T14:05:00");
    });

    @Test
    void theFieldsTheBackendPutBackAreNamedLeafByLeafWithoutSecrets() {
        List<Phrase> back = FieldChanges.putBack(waiting, completed, waiting);
        String said = String.join("; ", back.stream().map(Words::en).toList());
        assertTrue(said.contains("Status is auth_request_sent again (the action had set auth_completed)")
                || said.contains("status is auth_request_sent again"), said);
        assertTrue(said.toLowerCase().contains("progress.auth_completed is false again"), said);
        assertTrue(said.toLowerCase().contains("auth_data changed back"), said);
        assertFalse(said.contains("secret-token") || said.contains("updated_at"), said);
    }

    @Test
    void reapplyingRestoresWhatTheActionChangedAndNothingElse() {
        SessionDocument reverted = with(waiting, t -> t.put("last_activity", "2026-11-20T14:06:00"));
        FieldChanges.Restore plan = FieldChanges.restore(List.of(waiting, completed), reverted);
        assertTrue(plan.possible());
        ObjectNode tree = reverted.tree().deepCopy();
        plan.apply(tree);
        assertEquals("auth_completed", tree.get("status").asText());
        assertTrue(tree.get("progress").get("auth_completed").asBoolean());
        assertEquals("cx", tree.get("auth_data").get("CxId").asText());
        assertEquals("2026-11-20T14:06:00", tree.get("last_activity").asText(), "the backend's own change stays");
        assertEquals(false, tree.get("progress").get("health_data_fetched").asBoolean(), "untouched flags stay");
    }

    @Test
    void aFieldSomeoneElseMovedStopsTheReapplyAndIsNamed() {
        SessionDocument moved = with(waiting, t -> t.put("status", "error"));
        FieldChanges.Restore plan = FieldChanges.restore(List.of(waiting, completed), moved);
        assertFalse(plan.possible());
        assertEquals("status is now error (the action had set auth_completed)",
                Words.en(plan.conflicts().get(0)));
    }

    @Test
    void phrasesTravelThroughTheAuditStreamWithTheirTypes() {
        Phrase phrase = Phrase.of("guard.collect.needs", List.of(SessionStatus.AUTH_COMPLETED,
                SessionStatus.AUTHENTICATED), Phrase.of("guard.seen", SessionStatus.AUTH_REQUEST_SENT),
                ActionKind.COLLECT);
        Phrase back = PhraseCodec.decode(PhraseCodec.encode(phrase));
        assertEquals(phrase, back);
        assertEquals("collect needs status auth_completed or authenticated, but the session is auth_request_sent.",
                Words.en(back));
        Phrase typed = Phrase.of("flow.role.needsDeveloper", Role.OPERATOR, ActionKind.MANUAL_COMPLETE);
        assertEquals(typed, PhraseCodec.decode(PhraseCodec.encode(typed)));
        Phrase timed = Phrase.of("guard.simpleAuth.inFlight", Duration.ofSeconds(42), Duration.ofSeconds(150),
                ActionKind.SIMPLE_AUTH, SessionStatus.AUTH_REQUESTING);
        assertEquals(timed, PhraseCodec.decode(PhraseCodec.encode(timed)));
        assertEquals(Phrase.of("text.verbatim", "an older console's sentence"),
                PhraseCodec.decode("an older console's sentence"));
    }
}
