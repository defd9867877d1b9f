package io.welno.console.store;

import io.welno.console.text.Phrase;
import io.welno.console.text.PhrasedException;

/**
 * The CA certificate a profile names cannot be used (missing, unreadable, no certificate in it). Raised before any
 * byte goes to Redis, so it is the operator's file to fix, not something Redis or the network did: the connection
 * check says it as such, where a cause read from the exception chain called it a session file of the fallback folder
 * or an error Redis answered.
 */
public final class CaCertificateProblem extends PhrasedException {

    CaCertificateProblem(Phrase phrase, Throwable cause) {
        super(phrase, cause);
    }

    /** The first one among {@code error}'s causes, or null. */
    public static CaCertificateProblem among(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CaCertificateProblem problem) {
                return problem;
            }
        }
        return null;
    }
}
