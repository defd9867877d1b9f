package io.welno.console.session;

/** What a stored value turned out to be: a readable document, or an unreadable one with the reason. */
public sealed interface ParsedSession permits SessionDocument, UnreadableSession {

    /** The session id taken from the key (or file name), never from the value. */
    String id();

    default boolean readable() {
        return this instanceof SessionDocument;
    }
}
