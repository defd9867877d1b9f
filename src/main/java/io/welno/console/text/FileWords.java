package io.welno.console.text;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Why a file could not be read or written, as a phrase: the usual causes (no permission, a missing folder, a full or
 * read-only disk) have words in both languages, so an export or a profiles file that fails says so in the window's
 * language rather than in the JVM's English. The file's name is kept (outside text); any other cause is quoted.
 */
public final class FileWords {

    private FileWords() {
    }

    public static Phrase of(Throwable failure) {
        Throwable error = unwrap(failure);
        if (error instanceof AccessDeniedException denied) {
            return Phrase.of("file.denied", name(denied));
        }
        if (error instanceof NoSuchFileException missing) {
            return Phrase.of("file.missing", name(missing));
        }
        if (error instanceof FileSystemException other) {
            String reason = String.valueOf(other.getReason()).toLowerCase(Locale.ROOT);
            if (reason.contains("no space left")) {
                return Phrase.of("file.full", name(other));
            }
            if (reason.contains("read-only file system")) {
                return Phrase.of("file.readOnly", name(other));
            }
            if (reason.contains("is a directory")) {
                return Phrase.of("file.directory", name(other));
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

    private static String name(FileSystemException error) {
        return error.getFile() == null ? "?" : error.getFile();
    }
}
