package io.welno.console.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.store.FileSessionStore;
import io.welno.console.store.RetryPolicy;
import io.welno.console.testing.Fixtures;
import io.welno.console.text.Phrase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The revert spotter learns another console's action from its message in a document, and reports the backend
 * writing back a copy without it — whichever way the document's JSON writes the mark's '#'.
 */
class RevertSpotterTest {

    private static final String ID = "welno_dfd5922f5aa9441e95d21ed58bb9f220";
    private static final String ACTION = "3f2a91c0";
    private static final LocalDateTime BACKEND_NOW = LocalDateTime.parse("2026-11-20T14:05:00");

    @TempDir
    Path dir;

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void anotherConsolesActionIsLearnedAndItsRevertReported() throws Exception {
        assertEquals(List.of(ACTION), revertsAfter(markedDocument()));
    }

    /** The '#' written as a JSON escape: a document that looks as if it held no mark still teaches the spotter. */
    @Test
    void aMarkWhoseHashIsAnEscapeIsLearnedToo() throws Exception {
        String escaped = markedDocument().replace("#" + ACTION + "]", "\\u0023" + ACTION + "]");
        assertEquals(-1, escaped.indexOf('#'), "no '#' left in the bytes");
        assertEquals(List.of(ACTION), revertsAfter(escaped));
    }

    @Test
    void aDocumentWithoutConsoleMessagesExpectsNothing() throws Exception {
        assertEquals(List.of(), revertsAfter(Fixtures.text("03_auth_request_sent.json")));
    }

    /** Another console's bulk run, learned from its audit entry: the revert is told as that run's. */
    @Test
    void aRevertOfAnotherConsolesBulkRunCarriesTheRun() throws Exception {
        FileSessionStore store = store();
        List<RevertDetected> reverted = new CopyOnWriteArrayList<>();
        RevertSpotter spotter = spotter(store, reverted);
        Path file = dir.resolve(ID + ".json");
        Files.writeString(file, markedDocument(), StandardCharsets.UTF_8);
        spotter.onAudit(new AuditRecord(Instant.now(), ACTION, AuditRecord.ATTEMPT, "kim", Role.OPERATOR,
                ActionKind.MANUAL_COMPLETE.wire(), ID, "고객 전화 확인", false, "auth_request_sent", "auth_completed",
                "APPLIED", Phrase.of("text.verbatim", "ok"), null, "run7"));
        assertEquals(List.of(), reverted, "the action's message is there");

        Files.writeString(file, Fixtures.text("03_auth_request_sent.json"), StandardCharsets.UTF_8);
        spotter.onKeyChanged(ID, store.get(ID).orElseThrow());
        assertEquals(1, reverted.size());
        assertEquals("run7", reverted.get(0).batchId());
        assertEquals(ActionKind.MANUAL_COMPLETE, reverted.get(0).action());
    }

    /**
     * Another console's change written over by a value that is no session at all: gone as surely as under an older
     * copy, and told as the console that made it tells it (revert.unreadable), not left unsaid because the value
     * cannot be read.
     */
    @Test
    void anotherConsolesChangeWrittenOverByAnUnreadableValueIsReported() throws Exception {
        FileSessionStore store = store();
        List<RevertDetected> reverted = new CopyOnWriteArrayList<>();
        RevertSpotter spotter = spotter(store, reverted);
        Path file = dir.resolve(ID + ".json");
        Files.writeString(file, markedDocument(), StandardCharsets.UTF_8);
        spotter.onKeyChanged(ID, store.get(ID).orElseThrow());
        assertEquals(List.of(), reverted, "the action's message is there");

        Files.writeString(file, "{\"broken\": ", StandardCharsets.UTF_8);
        spotter.onKeyChanged(ID, store.get(ID).orElseThrow());
        assertEquals(1, reverted.size(), "told once");
        RevertDetected revert = reverted.get(0);
        assertEquals(ACTION, revert.actionId());
        assertTrue(revert.toUnreadable(), String.valueOf(revert.lost()));
        assertFalse(revert.ours());
        spotter.onKeyChanged(ID, store.get(ID).orElseThrow());
        assertEquals(1, reverted.size(), "and only once");
    }

    /**
     * A value the console stops parsing at a bound of its own (a number longer than its parser takes) may be the
     * session with the other console's message still in it: nothing is told written over, and the change is still
     * expected, so a later copy without it is reported.
     */
    @Test
    void aValuePastTheConsolesOwnParseBoundIsNoRevert() throws Exception {
        FileSessionStore store = store();
        List<RevertDetected> reverted = new CopyOnWriteArrayList<>();
        RevertSpotter spotter = spotter(store, reverted);
        Path file = dir.resolve(ID + ".json");
        String marked = markedDocument();
        Files.writeString(file, marked, StandardCharsets.UTF_8);
        spotter.onKeyChanged(ID, store.get(ID).orElseThrow());

        Files.writeString(file, "{\"n\": " + "1".repeat(1001) + ", " + marked.substring(1), StandardCharsets.UTF_8);
        spotter.onKeyChanged(ID, store.get(ID).orElseThrow());
        assertEquals(List.of(), reverted, "nothing known to be written over");

        Files.writeString(file, Fixtures.text("03_auth_request_sent.json"), StandardCharsets.UTF_8);
        spotter.onKeyChanged(ID, store.get(ID).orElseThrow());
        assertEquals(List.of(ACTION), reverted.stream().map(RevertDetected::actionId).toList());
        assertFalse(reverted.get(0).toUnreadable());
    }

    /** The document as the feed brings it, then the backend's stale copy: the actions reported reverted. */
    private List<String> revertsAfter(String document) throws Exception {
        FileSessionStore store = store();
        List<RevertDetected> told = new CopyOnWriteArrayList<>();
        RevertSpotter spotter = spotter(store, told);

        Path file = dir.resolve(ID + ".json");
        Files.writeString(file, document, StandardCharsets.UTF_8);
        spotter.onKeyChanged(ID, store.get(ID).orElseThrow());
        assertEquals(List.of(), told, "the action's message is there");

        Files.writeString(file, Fixtures.text("03_auth_request_sent.json"), StandardCharsets.UTF_8);
        spotter.onKeyChanged(ID, store.get(ID).orElseThrow());
        return told.stream().map(RevertDetected::actionId).toList();
    }

    private FileSessionStore store() {
        return new FileSessionStore(dir, FlowTestSupport.CODEC, FlowTestSupport.TIMESTAMPS, RetryPolicy.DEFAULT);
    }

    /** A spotter over {@code store} that knows no action of its own and tells every revert into {@code told}. */
    private static RevertSpotter spotter(FileSessionStore store, List<RevertDetected> told) {
        RevertSpotter spotter = new RevertSpotter(store, Duration.ofMinutes(6), actionId -> false, Runnable::run,
                () -> BACKEND_NOW);
        spotter.addListener(told::add);
        return spotter;
    }

    /** The fixture with a message another console appended a minute before the backend's now. */
    private String markedDocument() throws Exception {
        ObjectNode doc = (ObjectNode) mapper.readTree(Fixtures.text("03_auth_request_sent.json"));
        ObjectNode message = doc.withArray("messages").addObject();
        message.put("timestamp", "2026-11-20T14:04:00.000000");
        message.put("type", "info");
        message.put("message", "인증이 완료된 것으로 처리했습니다. [콘솔 kim · 사유: 고객 전화 확인 · #" + ACTION + "]");
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
    }
}
