package io.welno.console.live;

import io.welno.console.store.StoreFailure;
import io.welno.console.text.LogWords;
import io.welno.console.text.Phrase;
import io.welno.console.text.PhrasedException;

/**
 * Why the feed lost or could not make a connection, as a phrase for its mode detail: the causes a long-lived
 * subscription meets, then whatever {@link StoreFailure} makes of the rest. Redis's own words stay arguments.
 */
final class FeedErrors {

    /**
     * A failure the feed itself noticed (the watchdog, a subscription that ended), named by its phrase; its message is
     * the phrase in the feed's log words, for whoever logs the exception.
     */
    static final class Noticed extends IllegalStateException {
        private final transient Phrase phrase;

        Noticed(Phrase phrase, LogWords words, Throwable cause) {
            super(words.render(phrase), cause);
            this.phrase = phrase;
        }

        Phrase phrase() {
            return phrase;
        }
    }

    private FeedErrors() {
    }

    static Phrase describe(Throwable error) {
        if (error instanceof Noticed noticed) {
            return noticed.phrase();
        }
        Phrase phrased = PhrasedException.find(error);
        if (phrased != null) {
            return phrased; // a step of the console's own that named what it found (a sentinel, the cluster)
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (message.contains("Unexpected end of stream") || message.contains("Connection reset")
                    || message.contains("Broken pipe") || message.contains("Socket is closed")) {
                return FeedPhrases.closedByServer();
            }
            if (message.startsWith("LOADING")) {
                return FeedPhrases.loading();
            }
            if (message.startsWith("CLUSTERDOWN")) {
                return FeedPhrases.clusterDown();
            }
        }
        return StoreFailure.of(error).phrase();
    }
}
