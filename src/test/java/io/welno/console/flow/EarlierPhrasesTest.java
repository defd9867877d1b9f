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

/** Audit entries written before the guards' sentences named the action by an argument read as today's sentences. */
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
                    SessionStatus.FETCHING_PRESCRIPTION_DATA), Phrase.of("guard.seen", SessionStatus.COMPLETED)));

    private static Phrase readBack(Phrase stored) {
        return PhraseCodec.decode(PhraseCodec.encode(stored));
    }

    @Test
    void everyEarlierGuardSentenceReadsWholeAndNamesItsAction() {
        for (Phrase stored : EARLIER) {
            Phrase read = readBack(stored);
            assertTrue(read.args().size() > stored.args().size(), stored.key());
            assertTrue(read.args().stream().anyMatch(ActionKind.class::isInstance), stored.key());
            for (String sentence : List.of(Words.en(read), WINDOW_ENGLISH.render(read), WINDOW_KOREAN.render(read))) {
                assertFalse(sentence.contains("{"), stored.key() + ": " + sentence);
                assertFalse(sentence.contains("guard."), stored.key() + ": " + sentence);
            }
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
        assertTrue(Words.en(inFlight).startsWith("simple-auth is refused: the session has been auth_requesting for only"),
                Words.en(inFlight));
        assertTrue(WINDOW_ENGLISH.render(inFlight).startsWith(
                "Re-send auth request is refused: the session has been Requesting auth for only"),
                WINDOW_ENGLISH.render(inFlight));

        Phrase needs = readBack(Phrase.of("guard.collect.status", List.of(SessionStatus.AUTH_COMPLETED,
                SessionStatus.AUTHENTICATED), Phrase.of("guard.seen", SessionStatus.AUTH_REQUEST_SENT)));
        assertEquals("collect needs status auth_completed or authenticated, but the session is auth_request_sent.",
                Words.en(needs));
        Phrase simpleAuth = readBack(Phrase.of("guard.simpleAuth.status", Phrase.of("guard.seen",
                SessionStatus.COMPLETED)));
        assertEquals(Phrase.of("guard.simpleAuth.needs", List.of(SessionStatus.INITIATED, SessionStatus.ERROR),
                SessionStatus.AUTH_REQUESTING, Phrase.of("guard.seen", SessionStatus.COMPLETED), ActionKind.SIMPLE_AUTH),
                simpleAuth);
    }

    @Test
    void todaysPhrasesAndOtherKeysReadBackAsStored() {
        for (Phrase phrase : List.of(
                Phrase.of("guard.collect.here", ActionKind.COLLECT),
                Phrase.of("guard.reset.notStuck", Duration.ofMinutes(2), SessionStatus.FETCHING_HEALTH_DATA,
                        Duration.ofMinutes(10), ActionKind.RESET_STUCK),
                Phrase.of("flow.reset.applied", SessionStatus.AUTH_COMPLETED),
                // a key the table knows with another number of arguments is not an earlier entry
                Phrase.of("guard.collect.running", SessionStatus.FETCHING_HEALTH_DATA, ActionKind.COLLECT))) {
            assertEquals(phrase, readBack(phrase));
        }
    }
}
