package io.welno.console.live;

import io.welno.console.store.StoreErrors;

/** Connection failures as sentences for the status bar, adding the ones a long-lived subscription meets. */
final class FeedErrors {

    private FeedErrors() {
    }

    static String describe(Throwable error) {
        if (error instanceof IllegalStateException && error.getMessage() != null
                && error.getMessage().startsWith("the server stopped answering")) {
            return error.getMessage();
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (message.contains("Unexpected end of stream") || message.contains("Connection reset")
                    || message.contains("Broken pipe") || message.contains("Socket is closed")) {
                return "the server closed the connection";
            }
            if (message.startsWith("LOADING")) {
                return "the server is loading its data set";
            }
            if (message.startsWith("CLUSTERDOWN")) {
                return "the cluster is down";
            }
        }
        return StoreErrors.describe(error);
    }
}
