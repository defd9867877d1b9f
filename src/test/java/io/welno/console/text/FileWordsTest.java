package io.welno.console.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.welno.console.view.BundleTexts;
import io.welno.console.view.Wording;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file that cannot be written (an export, the profiles) is said in the window's language with its name, whatever
 * wraps the cause on its way from the background; only a cause without words of its own is quoted.
 */
class FileWordsTest {

    @TempDir
    Path dir;

    private final Wording korean = Wording.window(new BundleTexts(BundleTexts.KOREAN));

    @Test
    void aMissingFolderIsNamedThroughTheWrappersOfBackgroundWork() {
        Path into = dir.resolve("gone").resolve("sessions.csv");
        IOException missing = assertThrows(IOException.class, () -> Files.writeString(into, "x"));
        Throwable wrapped = new CompletionException(new UncheckedIOException(missing));
        assertEquals("file.missing", FileWords.of(wrapped).key());
        assertEquals(into + "에 파일이나 폴더가 없습니다", korean.render(FileWords.of(wrapped)));
        assertEquals("There is no file or folder at " + into, Wording.cli().render(FileWords.of(wrapped)));
    }

    /** An export writes a temporary file beside the chosen one first: the words name what the user chose. */
    @Test
    void theFileTheUserChoseIsNamedNotATemporaryOneBesideIt() throws Exception {
        Path chosen = dir.resolve("gone").resolve("sessions.csv");
        IOException missing = assertThrows(IOException.class,
                () -> Files.createTempFile(chosen.getParent(), ".welno-export-", ".csv"));
        assertEquals(chosen.getParent() + " 폴더가 없습니다", korean.render(FileWords.of(missing, chosen)));
        // a full disk is a plain IOException with the system's words and no file of its own
        assertEquals(chosen + "이(가) 있는 디스크가 가득 찼습니다",
                korean.render(FileWords.of(new IOException("No space left on device"), chosen)));
    }

    @Test
    void theUsualCausesHaveKoreanWordsAndAnyOtherIsQuoted() {
        List<Throwable> usual = List.of(new AccessDeniedException("/srv/out.csv"),
                new FileSystemException("/srv/out.csv", null, "No space left on device"),
                new FileSystemException("/srv/out.csv", null, "Read-only file system"),
                new FileSystemException("/srv", null, "Is a directory"),
                new IOException("Disk quota exceeded"),
                new FileSystemException("/srv/out.csv", null, "Operation not permitted"),
                new IOException("Input/output error"),
                new IOException("Stale file handle"),
                new FileSystemException("/srv/out.csv", null, "File name too long"),
                new IOException("Too many open files"),
                // Windows's words for the same causes
                new FileSystemException("/srv/out.csv", null, "The process cannot access the file because it is "
                        + "being used by another process"),
                new FileSystemException("/srv/out.csv", null, "Access is denied"),
                new IOException("There is not enough space on the disk"));
        for (Throwable cause : usual) {
            String said = korean.render(FileWords.of(cause)).replaceAll("/srv(/out\\.csv)?", "");
            assertFalse(said.matches("(?s).*[A-Za-z]{3,}.*"), "English in Korean: " + said);
        }
        assertEquals("text.verbatim", FileWords.of(new IOException("No medium found")).key());
        assertEquals("No medium found", korean.render(FileWords.of(new IOException("No medium found"))));
        assertEquals("IOException", korean.render(FileWords.of(new IOException())));
    }
}
