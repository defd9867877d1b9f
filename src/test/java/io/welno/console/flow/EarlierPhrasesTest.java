package io.welno.console.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.session.SessionStatus;
import io.welno.console.testing.Words;
import io.welno.console.text.Phrase;
import io.welno.console.view.BundleTexts;
import io.welno.console.view.Wording;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Audit entries written before the guards' and the outcomes' sentences took their actions and statuses as arguments
 * read as today's sentences.
 */
class EarlierPhrasesTest {

    private static final Wording WINDOW_ENGLISH = Wording.window(BundleTexts.english());
    private static final Wording WINDOW_KOREAN = Wording.window(new BundleTexts(BundleTexts.KOREAN));

    /** As an earlier console stored them: the key, and the arguments its sentence took then. */
    private static final List<Phrase> EARLIER = List.of(
            Phrase.of("guard.simpleAuth.inFlightUnknown"),
            Phrase.of("guard.simpleAuth.inFlight", Duration.ofSeconds(42), Duration.ofSeconds(150)),
            Phrase.of("guard.simpleAuth.duplicate", SessionStatus.AUTH_REQUEST_SENT),
            Phrase.of("guard.simpleAuth.authType", "9"),
            Phrase.of("guard.manualComplete.noTemp", SessionStatus.INITIATED),
            Phrase.of("guard.collect.here"),
            Phrase.of("guard.collect.running", SessionStatus.FETCHING_HEALTH_DATA),
            Phrase.of("guard.collect.started", SessionStatus.AUTH_COMPLETED),
            Phrase.of("guard.collect.noAuth", SessionStatus.AUTH_COMPLETED),
            Phrase.of("guard.reset.here"),
            Phrase.of("guard.reset.notStarted", SessionStatus.FETCHING_HEALTH_DATA),
            Phrase.of("guard.reset.leased", "console-7", Duration.ofSeconds(20)),
            Phrase.of("guard.reset.idleUnknown", SessionStatus.FETCHING_HEALTH_DATA),
            Phrase.of("guard.reset.notStuck", Duration.ofMinutes(2), SessionStatus.FETCHING_HEALTH_DATA,
                    Duration.ofMinutes(10)),
            Phrase.of("guard.simpleAuth.status", Phrase.of("guard.seen", SessionStatus.COMPLETED)),
            Phrase.of("guard.manualComplete.status", List.of(SessionStatus.AUTH_REQUEST_SENT),
                    Phrase.of("guard.seen", SessionStatus.INITIATED)),
            Phrase.of("guard.collect.status", List.of(SessionStatus.AUTH_COMPLETED, SessionStatus.AUTHENTICATED),
                    Phrase.of("guard.seen", SessionStatus.AUTH_REQUEST_SENT)),
            Phrase.of("guard.reset.status", List.of(SessionStatus.FETCHING_HEALTH_DATA,
                    SessionStatus.FETCHING_PRESCRIPTION_DATA), Phrase.of("guard.seen", SessionStatus.COMPLETED)),
            Phrase.of("flow.reset.applied", SessionStatus.FETCHING_HEALTH_DATA),
            Phrase.of("flow.manualComplete.applied"),
            Phrase.of("flow.approval.notApproved", "LoginCheck said no"),
            Phrase.of("flow.simpleAuth.followUp", Duration.ofMinutes(5)),
            Phrase.of("flow.simpleAuth.applied", "2026-11-20T14:13:22.123456"),
            Phrase.of("flow.simpleAuth.failed", "Tilko said no"),
            Phrase.of("flow.simpleAuth.noAnswer", "timed out"),
            Phrase.of("flow.simpleAuth.notSaved", "Tilko accepted it", "Redis is full.", Duration.ofSeconds(150)),
            Phrase.of("flow.simpleAuth.saveUnknown", "Tilko accepted it", "the connection was lost"),
            Phrase.of("flow.collect.applied"),
            Phrase.of("flow.collect.followUp"),
            Phrase.of("collection.notApproved", "not yet"),
            Phrase.of("collection.infoRequired", "name mismatch"),
            Phrase.of("collection.healthFailed", "server error"),
            Phrase.of("collection.completed", 1, 3L),
            Phrase.of("collection.nothing"),
            Phrase.of("collection.unexpected", "IllegalStateException"),
            Phrase.of("collection.interrupted"),
            Phrase.of("collection.rejected"),
            Phrase.of("collection.notStarted"),
            Phrase.of("collection.stoppedByChange", "another console wrote it"),
            Phrase.of("collection.notReleased", "Redis timed out"));

    private static Phrase readBack(Phrase stored) {
        return PhraseCodec.decode(PhraseCodec.encode(stored));
    }

    /**
     * Each reads whole in every edge's words, and the window's English names no action or status as stored: these
     * are today's sentences with today's arguments, so this also reads every one of them as the window shows it.
     */
    @Test
    void everyEarlierSentenceReadsWholeAndInTheWindowsWords() {
        for (Phrase stored : EARLIER) {
            Phrase read = readBack(stored);
            assertTrue(read.args().size() > stored.args().size(), stored.key());
            String window = WINDOW_ENGLISH.render(read);
            for (String sentence : List.of(Words.en(read), window, WINDOW_KOREAN.render(read))) {
                assertFalse(sentence.contains("{"), stored.key() + ": " + sentence);
                assertFalse(sentence.matches("(?s).*\\b(guard|flow|collection)\\.[a-z].*"),
                        stored.key() + ": " + sentence);
            }
            assertEquals(null, Words.storedName(window), stored.key() + ": " + window);
        }
    }

    @Test
    void theyReadAsTodaysSentencesInEachEdgesWords() {
        Phrase here = readBack(Phrase.of("flow.refused", Phrase.of("guard.collect.here")));
        assertEquals(Phrase.of("flow.refused", Phrase.of("guard.collect.here", ActionKind.COLLECT)), here);
        assertTrue(Words.en(here).startsWith("collect is refused: this console is already collecting"), Words.en(here));
        assertTrue(WINDOW_ENGLISH.render(here).startsWith("Collect health data is refused:"),
                WINDOW_ENGLISH.render(here));

        Phrase inFlight = readBack(EARLIER.get(1));
        assertTrue(Words.en(inFlight).startsWith(
                "simple-auth is refused: the session has been auth_requesting for only"), Words.en(inFlight));
        assertTrue(WINDOW_ENGLISH.render(inFlight).startsWith(
                "Re-send auth request is refused: the session has been Requesting auth for only"),
                WINDOW_ENGLISH.render(inFlight));

        // A Korean text that leaves the new arguments out is still a pattern now: its quotes must survive.
        Phrase followUp = readBack(Phrase.of("flow.collect.followUp"));
        assertTrue(WINDOW_KOREAN.render(followUp).contains("성공하면 '완료'"), WINDOW_KOREAN.render(followUp));
        assertTrue(WINDOW_ENGLISH.render(followUp).contains("Completed on success, Approved if"),
                WINDOW_ENGLISH.render(followUp));

        Phrase needs = readBack(Phrase.of("guard.collect.status", List.of(SessionStatus.AUTH_COMPLETED,
                SessionStatus.AUTHENTICATED), Phrase.of("guard.seen", SessionStatus.AUTH_REQUEST_SENT)));
        assertEquals("collect needs status auth_completed or authenticated, but the session is auth_request_sent.",
                Words.en(needs));
        Phrase simpleAuth = readBack(Phrase.of("guard.simpleAuth.status", Phrase.of("guard.seen",
                SessionStatus.COMPLETED)));
        assertEquals(Phrase.of("guard.simpleAuth.needs", List.of(SessionStatus.INITIATED, SessionStatus.ERROR),
                SessionStatus.AUTH_REQUESTING, Phrase.of("guard.seen", SessionStatus.COMPLETED),
                ActionKind.SIMPLE_AUTH),
                simpleAuth);
    }

    @Test
    void todaysPhrasesAndOtherKeysReadBackAsStored() {
        for (Phrase phrase : List.of(
                Phrase.of("guard.collect.here", ActionKind.COLLECT),
                Phrase.of("guard.reset.notStuck", Duration.ofMinutes(2), SessionStatus.FETCHING_HEALTH_DATA,
                        Duration.ofMinutes(10), ActionKind.RESET_STUCK),
                Phrase.of("flow.reset.applied", SessionStatus.FETCHING_HEALTH_DATA, SessionStatus.AUTH_COMPLETED,
                        ActionKind.COLLECT),
                Phrase.of("flow.approval.approved"),
                // a key the table knows with another number of arguments is not an earlier entry
                Phrase.of("guard.collect.running", SessionStatus.FETCHING_HEALTH_DATA, ActionKind.COLLECT))) {
            assertEquals(phrase, readBack(phrase));
        }
    }
}
