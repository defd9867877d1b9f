package io.welno.console.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.text.PhrasedException;
import io.welno.console.view.BundleTexts;
import io.welno.console.view.Wording;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A profiles file that cannot be read is named in the window's language, the file and the parser's cause quoted. */
class ConnectionProfilesFailureTest {

    @TempDir
    Path dir;

    @Test
    void anUnreadableProfilesFileIsNamedInKorean() throws Exception {
        Path file = Files.writeString(dir.resolve("profiles.json"), "[{\"name\": \"prod\",");
        PhrasedException refused = assertThrows(PhrasedException.class, () -> new ConnectionProfiles(file).load());
        assertEquals("profiles.readFailed", refused.phrase().key());
        String korean = Wording.window(new BundleTexts(BundleTexts.KOREAN)).render(refused.phrase());
        assertTrue(korean.startsWith("연결 프로필 파일 " + file + "을(를) 읽지 못했습니다: "), korean);
    }
}
