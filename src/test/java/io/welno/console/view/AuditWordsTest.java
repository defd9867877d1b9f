package io.welno.console.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.flow.AuditRecord;
import io.welno.console.text.Phrase;
import io.welno.console.text.SafeText;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A stored audit field cut to its bound says how long the whole was in English, as it is stored for every console
 * and the command line; the window's audit tab shows that in its own language, the value itself untouched.
 */
class AuditWordsTest {

    private static final BundleTexts KOREAN = new BundleTexts(Locale.KOREAN);

    @Test
    void aCutFieldSaysHowLongTheWholeWasInTheWindowsLanguage() {
        String name = "김하늘".repeat(100);
        String stored = SafeText.shortened(name, AuditRecord.FIELD_LIMIT);
        assertTrue(stored.endsWith("… (300 characters)"), stored);
        String kept = stored.substring(0, stored.indexOf('…'));
        assertTrue(name.startsWith(kept), kept);

        assertEquals(kept + "… (모두 300자)", AuditWords.field(KOREAN, stored));
        assertEquals(kept + "… (300 characters in all)", AuditWords.field(BundleTexts.english(), stored));
    }

    @Test
    void aFieldThatWasNotCutIsShownAsStored() {
        assertEquals("kim", AuditWords.field(KOREAN, "kim"));
        assertEquals("", AuditWords.field(KOREAN, ""));
        assertEquals("(300 characters)", AuditWords.field(KOREAN, "(300 characters)"), "no cut, no marker");
    }

    /** The cut falls between grapheme clusters: no emoji sequence is stored in halves or ending in its joiner. */
    @Test
    void aCutKeepsWholeEmojiSequences() {
        String family = "👨‍👩‍👧";
        String stored = SafeText.shortened(family.repeat(60), AuditRecord.FIELD_LIMIT);
        String kept = stored.substring(0, stored.indexOf('…'));
        assertEquals(0, kept.length() % family.length(), kept);
        assertEquals(family.repeat(kept.length() / family.length()), kept);
    }

    /**
     * A message's text argument the audit cut (a Tilko answer, a Redis error) ends with the same English marker: the
     * window words it in its language inside the sentence, also inside a nested phrase or a list.
     */
    @Test
    void aCutArgumentOfAMessageIsWordedInTheWindowsLanguage() {
        String stored = SafeText.shortened("틸코 응답 ".repeat(200), AuditRecord.TEXT_LIMIT / 2);
        String kept = stored.substring(0, stored.indexOf('…'));
        Phrase message = Phrase.of("flow.redisFailed", Phrase.of("text.verbatim", stored));
        String korean = Wording.window(KOREAN).render(AuditWords.message(message));
        assertTrue(korean.contains(kept.strip()), korean);
        assertTrue(korean.contains("… (모두 1,200자)") || korean.contains("… (모두 1200자)"), korean);
        assertFalse(korean.contains("characters"), korean);
        Phrase listed = AuditWords.message(Phrase.of("text.verbatim", List.of(stored)));
        assertFalse(Wording.window(KOREAN).render(listed).contains("characters"), listed.toString());
        // a code this console has no words for is named as such inside a list too, never shown as "!code!"
        assertEquals("audit.message.unknown", AuditWords.message(Phrase.of("text.verbatim",
                List.of(Phrase.of("hold.somethingNewer")))).key());
    }
}
