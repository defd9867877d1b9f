package io.welno.console.view;

import io.welno.console.flow.ActionKind;
import io.welno.console.session.SessionStatus;
import io.welno.console.text.Phrase;
import java.time.Instant;
import java.util.List;

/**
 * One version of a session the console observed: when, who wrote it, and what changed from the version before.
 *
 * @param at         when the console saw it; for one a pass found, when the pass found it (it came before)
 * @param kind       a change, or the end of the session
 * @param status     the status this version has (null once the session ended)
 * @param fields     the changed fields, masked, at most {@link SessionHistory.Bounds#maxFields()}
 * @param moreFields how many further fields changed and are not kept
 * @param found      a pass reading every session again (a resync after a reconnect) found it, not a change told as it
 *                   happened: a {@link Kind#CHANGED} found then, or the session found missing ({@link Kind#GONE})
 */
public record HistoryVersion(Instant at, Kind kind, Author author, SessionStatus status, List<FieldDiff.Field> fields,
                             int moreFields, boolean found) {

    /** GONE: found missing by a pass, whether deleted or expired not known. */
    public enum Kind { CHANGED, REMOVED, EXPIRED, GONE }

    public HistoryVersion {
        fields = List.copyOf(fields);
    }

    /**
     * The version that ends a session: expired (Redis's TTL ran out), deleted (the backend's), or gone — found missing
     * by a pass, by an author and at a time the console cannot name.
     */
    static HistoryVersion ended(Instant at, Ending ending) {
        return switch (ending) {
            case EXPIRED -> new HistoryVersion(at, Kind.EXPIRED, Author.EXPIRY, null, List.of(), 0, false);
            case REMOVED -> new HistoryVersion(at, Kind.REMOVED, Author.BACKEND, null, List.of(), 0, false);
            case GONE -> new HistoryVersion(at, Kind.GONE, Author.UNKNOWN, null, List.of(), 0, true);
        };
    }

    HistoryVersion by(Author other) {
        return new HistoryVersion(at, kind, other, status, fields, moreFields, found);
    }

    /**
     * Who wrote a version, as far as the console can tell: one of its own actions (it knows their ids), another
     * console's action (its id is in the message the action appended, or the claim it changed; operator and action
     * from the shared audit stream when it has arrived), the backend (everything else), Redis's expiry, or not known
     * (a session a pass found missing).
     *
     * @param actionId the console action's id, "" for the backend and expiry
     * @param operator the operator, "" when not known
     * @param action   the action's kind, null when not known
     */
    public record Author(Type type, String actionId, String operator, ActionKind action) {

        public enum Type { THIS_CONSOLE, OTHER_CONSOLE, BACKEND, EXPIRY, UNKNOWN }

        public static final Author BACKEND = new Author(Type.BACKEND, "", "", null);
        public static final Author EXPIRY = new Author(Type.EXPIRY, "", "", null);
        public static final Author UNKNOWN = new Author(Type.UNKNOWN, "", "", null);

        public Author {
            actionId = actionId == null ? "" : actionId;
            operator = operator == null ? "" : operator;
        }

        /** How the author reads: "this console: reset #3f2a91c0 (kim)", "backend". */
        public Phrase phrase() {
            String who = operator.isEmpty() ? "" : " (" + operator + ")";
            Object what = action == null ? Phrase.of("history.author.action") : action;
            return switch (type) {
                case THIS_CONSOLE -> Phrase.of("history.author.this", what, actionId, who);
                case OTHER_CONSOLE -> Phrase.of("history.author.other", what, actionId, who);
                case BACKEND -> Phrase.of("history.author.backend");
                case EXPIRY -> Phrase.of("history.author.expiry");
                case UNKNOWN -> Phrase.of("history.author.unknown");
            };
        }
    }
}
