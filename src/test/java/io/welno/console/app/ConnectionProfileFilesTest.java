package io.welno.console.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.text.Phrase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profile's optional fallback folder: saved with it, read back from older files without it, and checked. */
class ConnectionProfileFilesTest {

    @TempDir
    Path dir;

    private ConnectionProfile withFiles(String folder) {
        return new ConnectionProfile("prod", "redis://10.0.1.10:6380/0", "operator", "Asia/Seoul", "production",
                false, null, folder);
    }

    @Test
    void theFolderIsSavedWithTheProfileAndOlderProfilesHaveNone() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("tilko_sessions"));
        ConnectionProfiles profiles = new ConnectionProfiles(dir.resolve("profiles.json"));
        profiles.save(List.of(withFiles(" " + folder + " "), new ConnectionProfile("staging", "redis://10.0.1.11:6380/0",
                "viewer", "Asia/Seoul", "staging", false, null, "")));
        List<ConnectionProfile> loaded = profiles.load();
        assertEquals(folder.toString(), loaded.get(0).filesDirectory(), "kept, without the blanks around it");
        assertEquals(Optional.of(folder), loaded.get(0).files());
        assertNull(loaded.get(1).filesDirectory(), "an empty field is no folder");

        Files.writeString(profiles.file(), "[{\"name\":\"old\",\"url\":\"redis://localhost:6380\",\"role\":\"viewer\","
                + "\"zone\":\"Asia/Seoul\",\"environment\":\"development\",\"mayEnableNotifications\":false,"
                + "\"tilkoUrl\":null}]");
        ConnectionProfile old = profiles.load().get(0);
        assertNull(old.filesDirectory(), "a profile saved before the field existed");
        assertEquals(Optional.empty(), old.filesProblem());
    }

    @Test
    void aFolderThatIsMissingAFileOrUnreadableIsNamedAndRefusedWhenConnecting() throws Exception {
        Path file = Files.writeString(dir.resolve("a.json"), "{}");
        assertEquals(Optional.empty(), withFiles(dir.toString()).filesProblem());
        assertEquals("files.missing", withFiles(dir.resolve("nope").toString()).filesProblem().map(Phrase::key)
                .orElseThrow());
        assertEquals("files.notDirectory", withFiles(file.toString()).filesProblem().map(Phrase::key).orElseThrow());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ConsoleServices.connect(withFiles(dir.resolve("nope").toString()), null));
        String said = io.welno.console.testing.Words.en(((io.welno.console.text.PhrasedException) refused).phrase());
        assertTrue(said.contains("Fallback folder") && said.contains("does not exist"), said);
    }
}
