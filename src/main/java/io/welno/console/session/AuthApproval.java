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
        return type != MessageType.ERROR && text.contains("인증") && text.contains("완료")
                && !text.contains("완료되지") && !text.contains("않았");
    }

    /** Takes a document's messages oldest first; what it has seen decides {@link #result()}. */
    static final class Scan {

        private String approvedAt;
        private boolean approved;
        private String lastSent;
        private boolean sent;
        private String lastRequesting;
        private boolean requesting;

        void next(SessionMessage message) {
            if (approved) {
                return; // only the first approval counts, and only what came before it
            }
            String text = message.summary();
            if (isApproval(message.type(), text)) {
                approved = true;
                approvedAt = message.timestamp();
            } else if (text.contains("인증을 진행해주세요")) {
                sent = true;
                lastSent = message.timestamp();
            } else if (text.contains("간편인증을 요청")) {
                requesting = true;
                lastRequesting = message.timestamp();
            }
        }

        AuthApproval result() {
            if (!approved || !(sent || requesting)) {
                return NONE;
            }
            return new AuthApproval(sent ? lastSent : lastRequesting, approvedAt);
        }
    }
}
