package io.welno.console.store;

import java.util.Objects;

/**
 * A Redis command on the console's audit stream failed: the failure, with the stream's key, so that its words name what
 * was refused ({@link StoreFailure#stream}). A user whose ACL allows the sessions' keys but not the stream's (or the
 * stream commands) would otherwise be told to ask for the sessions' keys, which it has.
 */
public final class AuditStreamException extends RuntimeException {

    private final String stream;

    /**
     * @param stream the audit stream's key
     * @param cause  what Redis or the connection threw; its message is kept, as the failure is read from it
     */
    public AuditStreamException(String stream, RuntimeException cause) {
        super(cause.getMessage(), cause);
        this.stream = Objects.requireNonNull(stream);
    }

    public String stream() {
        return stream;
    }
}
