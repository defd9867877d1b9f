package io.welno.console.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.hostile.Hostile;
import io.welno.console.testing.LogCapture;
import io.welno.console.testing.Words;
import io.welno.console.text.Phrase;
import io.welno.console.view.Wording;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The feed words its phrases with the words its options carry: English from the edge, safe codes without. */
class FeedLogWordsTest {

    private static final FeedListener NOBODY = batch -> {
    };

    @Test
    void aModeLineWordsItsPhraseAndEscapesWhatRedisSaid() {
        Phrase refused = FeedPhrases.polling(FeedPhrases.subscribeRefused("NOPERM no channels" + Hostile.FORGED_ROW),
                Duration.ofSeconds(2));
        try (LogCapture logs = new LogCapture(FeedStatus.class.getName())) {
            new FeedStatus(Wording.cli()::render).set(FeedMode.POLLING, refused, Runnable::run, NOBODY);
            assertEquals(List.of("Feed POLLING: This user may not subscribe to the keyspace channels"
                    + " (NOPERM no channels\\nFORGED 2026-01-01 00:00:00 root complete APPLIED); polling every 2 s"),
                    logs.lines());
            Words.assertWords(logs.lines().get(0));
        }
    }

    @Test
    void aFailureTheFeedNoticedSaysWhyInItsWords() {
        Phrase noPong = FeedPhrases.noPong(3000);
        FeedErrors.Noticed noticed = new FeedErrors.Noticed(noPong, Wording.cli()::render, null);
        assertEquals("The server stopped answering (no PONG within 3,000 ms)", noticed.getMessage());
        assertSame(noPong, FeedErrors.describe(noticed), "the feed itself still reads the phrase");
    }

    @Test
    void withoutWordsFromAnEdgeALineShowsTheCodeEscaped() {
        String line = FeedOptions.defaults().logWords().render(FeedPhrases.subscribeRefused("NOPERM" + Hostile.BIDI));
        assertTrue(line.startsWith("feed.subscribeRefused[NOPERM\\u202egnp.exe"), line);
        Hostile.assertNothingRaw(line, "the line");
    }
}
