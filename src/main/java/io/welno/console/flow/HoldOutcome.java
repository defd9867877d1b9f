package io.welno.console.flow;

import io.welno.console.session.SessionStatus;
import io.welno.console.text.Phrase;

/**
 * How a {@link Hold} ended.
 *
 * @param message    what to tell the operator (for a revert: the fields the backend put back)
 * @param reapplies  how often the change was re-applied during the hold
 * @param statusNow  the status last seen (null when unknown)
 * @param overwrittenBy for a REVERTED end, what wrote over the change: a session, or a value that is no readable
 *                   session at all ({@link #overUnreadable}), told apart wherever the end is worded; null for every
 *                   other end, as nothing wrote over a change that stayed, ended with its session or is not known
 * @param pastOwnBound for an UNCONFIRMED end, whether Redis was read but its value goes past a bound of the console's
 *                   own ({@link #atOwnBound}), rather than Redis not being read: the first is no Redis trouble, so the
 *                   command line's exit status tells them apart
 */
public record HoldOutcome(Kind kind, Phrase message, int reapplies, SessionStatus statusNow, Overwrite overwrittenBy,
                          boolean pastOwnBound) {

    private static final String CLOSED = "hold.closed";

    public HoldOutcome {
        if ((overwrittenBy != null) != (kind == Kind.REVERTED)) {
            throw new IllegalArgumentException("a REVERTED end, and only one, says what wrote over the change: " + kind
                    + " by " + overwrittenBy);
        }
        if (pastOwnBound && kind != Kind.UNCONFIRMED) {
            throw new IllegalArgumentException("only an UNCONFIRMED end stops at the console's own bound: " + kind);
        }
    }

    public HoldOutcome(Kind kind, Phrase message, int reapplies, SessionStatus statusNow, Overwrite overwrittenBy) {
        this(kind, message, reapplies, statusNow, overwrittenBy, false);
    }

    /** An end whose change, if it was REVERTED, was written over by a session. */
    public HoldOutcome(Kind kind, Phrase message, int reapplies, SessionStatus statusNow) {
        this(kind, message, reapplies, statusNow, kind == Kind.REVERTED ? Overwrite.SESSION : null);
    }

    public enum Kind {
        /** The change was still in place when the hold ended (after any re-applies). */
        KEPT,
        /**
         * The backend put back an older copy and the change was not (or could no longer be) re-applied; or the change
         * was written over by a value that is no session at all ({@link Overwrite#UNREADABLE}).
         */
        REVERTED,
        /** The session ended (expired or deleted) during the hold. */
        VANISHED,
        /** Redis could not be read at the end of the hold, or a re-apply's answer was lost: nobody can say. */
        UNCONFIRMED,
        /** Nothing was held: the action was not applied, or it was asked to hold for zero seconds. */
        NOT_HELD
    }

    /**
     * The end of a hold whose change was written over by a value that is no readable session ({@code reason}: why it
     * cannot be read). REVERTED, as the change is gone; it is not re-applied, as the flow never writes over a value it
     * cannot read.
     */
    static HoldOutcome overUnreadable(Phrase reason, int reapplies) {
        return new HoldOutcome(Kind.REVERTED, Phrase.of("hold.overwrittenUnreadable", reason), reapplies, null,
                Overwrite.UNREADABLE);
    }

    /**
     * The end of a hold whose last read found a value the console stops parsing at a bound of its own ({@code reason}:
     * which): the change may well be in it, and the backend may read it, so nobody here can say.
     */
    static HoldOutcome atOwnBound(Phrase reason, int reapplies) {
        return new HoldOutcome(Kind.UNCONFIRMED, Phrase.of("hold.pastOwnBound", reason), reapplies, null, null, true);
    }

    /** The end of a hold the console's closing cut short (Ctrl+C, the window closed): Redis is not why. */
    static HoldOutcome closed(int reapplies) {
        return new HoldOutcome(Kind.UNCONFIRMED, Phrase.of(CLOSED), reapplies, null);
    }

    /** Whether the console closed before the hold could end: unconfirmed, with nothing wrong with Redis. */
    public boolean cutShortByClosing() {
        return kind == Kind.UNCONFIRMED && message != null && message.key().equals(CLOSED);
    }

    /** The change is known to be in place at the end of the hold (or nothing was held). */
    public boolean kept() {
        return kind == Kind.KEPT || kind == Kind.NOT_HELD;
    }

    static HoldOutcome notHeld() {
        return new HoldOutcome(Kind.NOT_HELD, Phrase.of("hold.notHeld"), 0, null);
    }

    /** Whether the change was written over by a value that is no readable session ({@link Overwrite#UNREADABLE}). */
    public boolean toUnreadable() {
        return overwrittenBy == Overwrite.UNREADABLE;
    }
}
