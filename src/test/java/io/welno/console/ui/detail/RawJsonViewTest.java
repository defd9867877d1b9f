package io.welno.console.ui.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.Timestamps;
import io.welno.console.testing.TestRows;
import io.welno.console.view.BundleTexts;
import io.welno.console.store.StoredSession;
import io.welno.console.text.SafeText;
import io.welno.console.view.SessionRow;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The summary of a document too large to show whole names its fields' kinds in the window's language. */
class RawJsonViewTest {

    private static final SessionRow LARGE = TestRows.session("welno_raw000000000000000000000000000", "error",
                    LocalDateTime.now(Timestamps.DEFAULT_ZONE).withNano(0))
            .message(LocalDateTime.now(Timestamps.DEFAULT_ZONE).withNano(0), "error",
                    "x".repeat(RawJsonView.RAW_RENDER_LIMIT))
            .row();

    @Test
    void aLargeDocumentsSummaryIsInKorean() {
        String summary = RawJsonView.text(new BundleTexts(BundleTexts.KOREAN), new SessionCodec(), LARGE, false);
        assertTrue(summary.matches("(?s).*\nmessages: \\(배열, \\d+KB\\)\n.*"), summary);
        assertTrue(summary.contains("\nuser_info: (객체, 0KB)\n"), summary);
        assertFalse(summary.contains("array") || summary.contains("object"), summary);
    }

    @Test
    void aLargeDocumentsSummaryIsInEnglish() {
        String summary = RawJsonView.text(new BundleTexts(BundleTexts.ENGLISH), new SessionCodec(), LARGE, false);
        assertTrue(summary.matches("(?s).*\nmessages: \\(array, \\d+ KB\\)\n.*"), summary);
        assertTrue(summary.contains("\nuser_info: (object, 0 KB)\n"), summary);
    }

    /**
     * A field's name is outside text like its value: in the summary of a large document a name holding a line break
     * would start a line of its own (a forged "status" line), and a bidi override would turn the lines after it around.
     */
    @Test
    void aLargeDocumentsFieldNamesAreEscapedInItsSummary() {
        SessionCodec codec = new SessionCodec();
        ObjectNode tree = LARGE.document().tree().deepCopy();
        String hostile = "note\nstatus: \"completed\"\u202e\u001b[2J";
        tree.put(hostile, "x");
        byte[] bytes = codec.write(tree).getBytes(StandardCharsets.UTF_8);
        SessionRow row = SessionRow.of(new StoredSession(codec.parse(LARGE.id(), bytes), 1_800_000, bytes));
        for (boolean revealed : new boolean[] {false, true}) {
            String summary = RawJsonView.text(new BundleTexts(BundleTexts.ENGLISH), codec, row, revealed);
            assertTrue(summary.lines().noneMatch(line -> line.startsWith("status: \"completed")),
                    "no line is forged by a field's name: " + summary);
            assertTrue(summary.contains("\n" + SafeText.escape(hostile) + ": \"x\"\n"), summary);
            assertEquals(-1, SafeText.firstUnsafe(summary.replace("\n", "")), summary);
        }
    }

    /** A long value in the summary is cut between whole characters: half an emoji would show as an escape. */
    @Test
    void aLargeDocumentsLongValueIsCutBetweenWholeCharacters() {
        SessionCodec codec = new SessionCodec();
        ObjectNode tree = LARGE.document().tree().deepCopy();
        tree.put("x_note", "a".repeat(198) + "😀 and more");
        byte[] bytes = codec.write(tree).getBytes(StandardCharsets.UTF_8);
        SessionRow row = SessionRow.of(new StoredSession(codec.parse(LARGE.id(), bytes), 1_800_000, bytes));
        String summary = RawJsonView.text(new BundleTexts(BundleTexts.ENGLISH), codec, row, true);
        assertTrue(summary.contains("x_note: \"" + "a".repeat(198) + "…\n"), summary);
    }

    /**
     * The summary masks what the whole text masks: a number that looks like a phone, resident registration or birth
     * number in a field of its own (someone else's, which the person's own masking does not know) is masked unless
     * revealed, as in the raw view of a smaller document.
     */
    @Test
    void aLargeDocumentsSummaryMasksPersonalNumbersAsTheWholeTextDoes() {
        SessionCodec codec = new SessionCodec();
        ObjectNode tree = LARGE.document().tree().deepCopy();
        tree.put("guardian", "보호자 010-1111-2222, 880101-1234567");
        tree.put("010-3333-4444", "a field named by a number");
        byte[] bytes = codec.write(tree).getBytes(StandardCharsets.UTF_8);
        SessionRow row = SessionRow.of(new StoredSession(codec.parse(LARGE.id(), bytes), 1_800_000, bytes));
        String masked = RawJsonView.text(new BundleTexts(BundleTexts.ENGLISH), codec, row, false);
        for (String number : new String[] {"010-1111-2222", "880101-1234567", "010-3333-4444"}) {
            assertFalse(masked.contains(number), number + " in " + masked);
        }
        String revealed = RawJsonView.text(new BundleTexts(BundleTexts.ENGLISH), codec, row, true);
        assertTrue(revealed.contains("010-1111-2222") && revealed.contains("010-3333-4444"), revealed);
    }

    /** A large document's summary shows a number as the backend writes it, as the whole text would (-0.0, NaN, 1e+16). */
    @Test
    void aLargeDocumentsSummaryShowsNumbersAsTheBackendWritesThem() {
        SessionCodec codec = new SessionCodec();
        ObjectNode tree = LARGE.document().tree().deepCopy();
        tree.put("x_negative_zero", -0.0);
        tree.put("x_not_a_number", Double.NaN);
        tree.put("x_large", 1e16);
        byte[] bytes = codec.write(tree).getBytes(StandardCharsets.UTF_8);
        SessionRow row = SessionRow.of(new StoredSession(codec.parse(LARGE.id(), bytes), 1_800_000, bytes));
        String summary = RawJsonView.text(new BundleTexts(BundleTexts.ENGLISH), codec, row, true);
        assertTrue(summary.contains("x_negative_zero: -0.0\n") && summary.contains("x_not_a_number: NaN\n")
                && summary.contains("x_large: 1e+16\n"), summary);
    }
}
