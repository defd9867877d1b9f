package io.welno.console.store;

import java.util.List;

/**
 * How a session stands between Redis and the backend's fallback directory ({@code data/tilko_sessions}): the
 * backend writes there when Redis fails, so a session can live only in the file, or in both with different
 * content (docs/backend-protocol.md, "File fallback").
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

    public FileCopy {
        differing = List.copyOf(differing);
    }

    /** Worth a mark in a list: anything but a plain Redis session or an identical copy. */
    public boolean notable() {
        return where == Where.FILE_ONLY || where == Where.DIVERGED;
    }

    /** The code {@code list --json} reports: {@code file-only}, {@code diverged}, {@code both}, or null. */
    public String wire() {
        return switch (where) {
            case REDIS_ONLY -> null;
            case FILE_ONLY -> "file-only";
            case BOTH_EQUAL -> "both";
            case DIVERGED -> "diverged";
        };
    }
}
