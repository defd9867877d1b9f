package io.welno.console.session;

/**
 * When a session's authentication was requested and approved, as its messages tell: the backend keeps no status
 * history, but every step appends a message. The approval is the first message that is not an error and says the
 * authentication is complete ("인증이 완료되었습니다"); the request is the last "…앱에서 인증을 진행해주세요." before it,
 * else the last "간편인증을 요청" message before it (written just before the request is sent). Both are the messages'
 * timestamps as stored; null when there is no such message.
 *
 * <p>Read in the same pass as the rest of a document's facts ({@link Scan}), whether from the bytes or from a tree,
 * so no one parses a document's tree for it.
 */
public record AuthApproval(String requestedAt, String approvedAt) {

    public static final AuthApproval NONE = new AuthApproval(null, null);

    /** "인증이 완료되었습니다", "카카오톡 인증이 완료되었습니다…" — but not "인증이 완료되지 않았습니다" nor a data success. */
    public static boolean isApproval(MessageType type, String text) {
        return isApproval(type, (CharSequence) text);
    }

    private static boolean isApproval(MessageType type, CharSequence text) {
        return type != MessageType.ERROR && contains(text, "인증") && contains(text, "완료")
                && !contains(text, "완료되지") && !contains(text, "않았");
    }

    /**
     * Takes a document's messages oldest first; what it has seen decides {@link #result()}. A message's text and
     * timestamp may be any characters (the one-pass reading hands its reused buffers, so that no message but the last
     * costs a string); a timestamp is made a string only for the few messages the approval keeps.
     */
    static final class Scan {

        private String approvedAt;
        private boolean approved;
        private String lastSent;
        private boolean sent;
        private String lastRequesting;
        private boolean requesting;

        void next(SessionMessage message) {
            next(message.type(), message.summary(), message.timestamp());
        }

        /** @param timestamp the message's timestamp, or null when it has none */
        void next(MessageType type, CharSequence text, CharSequence timestamp) {
            if (approved) {
                return; // only the first approval counts, and only what came before it
            }
            if (isApproval(type, text)) {
                approved = true;
                approvedAt = string(timestamp);
            } else if (contains(text, "인증을 진행해주세요")) {
                sent = true;
                lastSent = string(timestamp);
            } else if (contains(text, "간편인증을 요청")) {
                requesting = true;
                lastRequesting = string(timestamp);
            }
        }

        /** Whether the messages still to come can change the result: nothing after the first approval counts. */
        boolean decided() {
            return approved;
        }

        AuthApproval result() {
            if (!approved || !(sent || requesting)) {
                return NONE;
            }
            return new AuthApproval(sent ? lastSent : lastRequesting, approvedAt);
        }

        private static String string(CharSequence text) {
            return text == null ? null : text.toString();
        }
    }

    private static boolean contains(CharSequence text, String word) {
        if (text instanceof String string) {
            return string.contains(word);
        }
        int last = text.length() - word.length();
        for (int at = 0; at <= last; at++) {
            int i = 0;
            while (i < word.length() && text.charAt(at + i) == word.charAt(i)) {
                i++;
            }
            if (i == word.length()) {
                return true;
            }
        }
        return false;
    }
}
