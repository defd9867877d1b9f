package io.welno.console.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.flow.ActionRequest;
import io.welno.console.text.Phrase;
import io.welno.console.text.SafeText;
import org.junit.jupiter.api.Test;

class WordingTest {

    /** A phrase's string arguments came from outside (a session, a Redis or Tilko error): escaped and bounded. */
    @Test
    void stringArgumentsAreEscapedAndBounded() {
        String sentence = Wording.cli().render(Phrase.of("app.failed", "ERR \u001b[2J\nFORGED \u202e" + "x".repeat(5000)));
        assertEquals(-1, SafeText.firstUnsafe(sentence), sentence);
        assertTrue(sentence.startsWith("Could not start: ERR \\u001b[2J\\nFORGED \\u202e"), sentence);
        assertTrue(sentence.length() < SafeText.TEXT + 100, "bounded: " + sentence.length());
        assertTrue(sentence.endsWith(SafeText.ELLIPSIS), sentence);
    }

    @Test
    void theReasonCheckReadsInBothLanguages() {
        Phrase problem = ActionRequest.reasonProblem("a\nb").orElseThrow();
        assertEquals("The reason must be one line of plain text: character 2 is a control or invisible character (\\n).",
                Wording.cli().render(problem));
        String korean = Wording.window(new BundleTexts(BundleTexts.KOREAN)).render(problem);
        assertTrue(korean.contains("2번째 글자") && korean.contains("\\n"), korean);
        assertEquals("A reason is required: one line of at most 500 characters saying why.",
                Wording.cli().render(ActionRequest.reasonProblem(" ").orElseThrow()));
    }

    /** A family of texts shares one call with an argument only some use; those without one stay as written. */
    @Test
    void aTextWithoutPlaceholdersKeepsItsApostropheWhateverItIsGiven() {
        assertEquals("Use the primary's address (the backend writes there); a replica can only show sessions.",
                BundleTexts.english().format("connect.fix.read-only", "tilko_session:"));
    }

    @Test
    void aSessionIdAsALabelKeepsItsCaseAndOtherSentencesStartWithACapital() {
        Phrase revert = Phrase.of("alert.revert", "welno_1f2e3d", io.welno.console.flow.ActionKind.MANUAL_COMPLETE,
                "root", "auth_completed");
        assertTrue(Wording.cli().render(revert).startsWith("welno_1f2e3d: root's \"manual-auth-complete\" was written over"),
                Wording.cli().render(revert));
        assertTrue(Wording.window(new BundleTexts(BundleTexts.KOREAN)).render(revert).startsWith("welno_1f2e3d: "));
        assertTrue(Wording.cli().render(Phrase.of("app.failed", "x")).startsWith("Could not start"));
        assertEquals("status is error again (the action had set auth_completed)", Wording.cli().render(
                Phrase.of("revert.field.valueAgain", "status", "error", "auth_completed")),
                "a field's name starts a sentence as it is spelled");
    }

    /** Only a pattern's own first word is capitalised: an argument that begins the sentence is a name, kept as it is. */
    @Test
    void anArgumentThatBeginsASentenceIsNeverCapitalised() {
        Wording korean = Wording.window(new BundleTexts(BundleTexts.KOREAN));
        assertEquals("staging-kr에 연결하는 중…", korean.render(Phrase.of("app.connecting", "staging-kr")));
        String problem = korean.render(Phrase.of("connect.problem", "rediss://cache.example:6380",
                Phrase.of("app.failed", "x"), ""));
        assertTrue(problem.startsWith("rediss://cache.example:6380에 연결하지 못했습니다"), problem);
        assertEquals("data/sessions is a file, not a folder",
                Wording.cli().render(Phrase.of("files.notDirectory", "data/sessions")));

        assertEquals("Connecting to staging-kr…", Wording.cli().render(Phrase.of("app.connecting", "staging-kr")));
        String refused = Wording.cli().render(Phrase.of("flow.refused",
                Phrase.of("tilko.noAnswer", java.time.Duration.ofSeconds(30))));
        assertTrue(refused.startsWith("No answer from Tilko within 30s"),
                "a nested phrase that begins the sentence begins it with its pattern's word: " + refused);
    }
}
