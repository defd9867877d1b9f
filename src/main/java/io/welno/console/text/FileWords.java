package io.welno.console.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Why a file could not be read or written, as a phrase: the usual causes (no permission, a missing folder, a full or
 * read-only disk) have words in both languages, so an export, a profiles file or a certificate that fails says so in
 * the window's language rather than in the JVM's English. The file named is the one the user chose, not a temporary
 * file written beside it; any other cause is quoted (outside text).
 */
public final class FileWords {

    private FileWords() {
    }

    /** A failure about a file the exception names itself. */
    public static Phrase of(Throwable failure) {
        return of(failure, null);
    }

    /**
     * @param target the file the user asked for (its folder is named when that is what is missing), or null to name
     *               the exception's own file
     */
    public static Phrase of(Throwable failure, Path target) {
        Throwable error = unwrap(failure);
        String file = target != null ? target.toString()
                : error instanceof FileSystemException named && named.getFile() != null ? named.getFile() : "?";
        if (error instanceof NoSuchFileException) {
            Path folder = target == null ? null : target.toAbsolutePath().getParent();
            return folder != null && !Files.isDirectory(folder) ? Phrase.of("file.noFolder", folder.toString())
                    : Phrase.of("file.missing", file);
        }
        if (error instanceof AccessDeniedException) {
            return Phrase.of("file.denied", file);
        }
        // a write that fills the disk is a plain IOException with the system's words, no file of its own
        String said = error instanceof FileSystemException fs ? String.valueOf(fs.getReason())
                : String.valueOf(error.getMessage());
        String reason = said.toLowerCase(Locale.ROOT);
        if (error instanceof IOException) {
            // the system's words on Linux and macOS, then Windows's for the same causes
            if (reason.contains("no space left") || reason.contains("not enough space on the disk")) {
                return Phrase.of("file.full", file);
            }
            if (reason.contains("disk quota exceeded")) {
                return Phrase.of("file.quota", file);
            }
            if (reason.contains("read-only file system") || reason.contains("media is write protected")) {
                return Phrase.of("file.readOnly", file);
            }
            if (reason.contains("permission denied") || reason.contains("access is denied")) {
                return Phrase.of("file.denied", file);
            }
            if (reason.contains("operation not permitted")) {
                return Phrase.of("file.notPermitted", file); // macOS's privacy settings, a file made immutable
            }
            if (reason.contains("is a directory")) {
                return Phrase.of("file.directory", file);
            }
            if (reason.contains("being used by another process")) {
                return Phrase.of("file.inUse", file);
            }
            if (reason.contains("stale file handle") || reason.contains("stale nfs file handle")) {
                return Phrase.of("file.stale", file);
            }
            if (reason.contains("input/output error")) {
                return Phrase.of("file.ioError", file);
            }
            if (reason.contains("file name too long") || reason.contains("filename or extension is too long")) {
                return Phrase.of("file.nameTooLong", file);
            }
            if (reason.contains("too many open files")) {
                return Phrase.of("file.tooMany", file);
            }
        }
        String message = error.getMessage();
        return Phrase.of("text.verbatim", message == null || message.isBlank()
                ? error.getClass().getSimpleName() : message);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable error = failure;
        while ((error instanceof CompletionException || error instanceof ExecutionException
                || error instanceof UncheckedIOException) && error.getCause() != null) {
            error = error.getCause();
        }
        return error;
    }
}
