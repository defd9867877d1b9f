package io.welno.console.store;

import io.welno.console.text.SafeText;
import java.util.List;
import java.util.Locale;

/**
 * How a session stands between Redis and the backend's fallback directory ({@code data/tilko_sessions}): the
 * backend writes there when Redis fails, so a session can live only in the file, or in both with different
 * content (docs/backend-protocol.md, "Storage", the file fallback).
 *
 * @param differing for {@link Where#DIVERGED}, the fields where the file's copy differs from Redis's
 *                  ({@code progress.auth_completed}); empty otherwise
 */
public record FileCopy(Where where, List<String> differing) {

    public enum Where {
        /** Only in Redis (or no directory was given). */
        REDIS_ONLY,
        /** Only in the file: the backend wrote it while Redis was down, and Redis never had it. */
        FILE_ONLY,
        /** In both, with the same content. */
        BOTH_EQUAL,
        /** In both, with different content: which one the backend reads depends on whether Redis answers. */
        DIVERGED
    }

    public static final FileCopy NONE = new FileCopy(Where.REDIS_ONLY, List.of());
    public static final FileCopy FILE_ONLY = new FileCopy(Where.FILE_ONLY, List.of());
    public static final FileCopy BOTH_EQUAL = new FileCopy(Where.BOTH_EQUAL, List.of());

    public FileCopy {
        differing = List.copyOf(differing);
    }

    /** Worth a mark in a list: anything but a plain Redis session or an identical copy. */
    public boolean notable() {
        return where == Where.FILE_ONLY || where == Where.DIVERGED;
    }

    /**
     * A short mark for a line of text: {@code file_only}, {@code both_equal},
     * {@code diverged(status progress.auth_completed)}; field names are escaped and bounded, they come from documents.
     */
    public String mark() {
        return differing.isEmpty() ? wire()
                : wire() + "(" + SafeText.bounded(String.join(" ", differing), SafeText.FIELD) + ")";
    }

    /** The code {@code list --json} and {@code show} report: {@code redis}, {@code file_only}, {@code both_equal}, {@code diverged}. */
    public String wire() {
        return where == Where.REDIS_ONLY ? "redis" : where.name().toLowerCase(Locale.ROOT);
    }
}
