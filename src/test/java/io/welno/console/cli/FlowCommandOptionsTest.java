package io.welno.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.welno.console.text.Phrase;
import org.junit.jupiter.api.Test;

/** The flow a command builds logs its phrases in English, as the command prints them. */
class FlowCommandOptionsTest {

    @Test
    void theFlowOfACommandLogsInEnglish() {
        assertEquals("Nothing was changed: the session s1 no longer exists (it expired or was deleted).",
                new FlowCommandOptions().flowOptions().logWords().render(Phrase.of("store.missing", "s1")));
    }
}
