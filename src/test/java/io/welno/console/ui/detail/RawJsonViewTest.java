package io.welno.console.ui.detail;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.session.SessionCodec;
import io.welno.console.session.Timestamps;
import io.welno.console.testing.TestRows;
import io.welno.console.view.BundleTexts;
import io.welno.console.view.SessionRow;
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
}
