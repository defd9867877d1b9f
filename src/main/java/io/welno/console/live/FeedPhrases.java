package io.welno.console.live;

import io.welno.console.text.Phrase;
import java.time.Duration;

/**
 * What the feed says about its state, as codes of the {@code feed.} bundle entries: the detail that comes with each
 * {@link FeedMode}, and the causes it quotes. The window words them in its language, the command line and the logs
 * in English (docs/live.md, "Modes"). Addresses and Redis's own words travel as arguments and are sanitised where
 * they are shown.
 */
public final class FeedPhrases {

    private FeedPhrases() {
    }

    public static Phrase notStarted() {
        return Phrase.of("feed.notStarted");
    }

    public static Phrase stopped() {
        return Phrase.of("feed.stopped");
    }

    /** @param address the redacted URL (never the password) */
    public static Phrase connecting(String address) {
        return Phrase.of("feed.connecting", address);
    }

    /** @param servers what the feed connected to: an address, "3 cluster primaries", a sentinel's master */
    public static Phrase subscribing(Phrase servers) {
        return Phrase.of("feed.subscribing", servers);
    }

    /** @param notifications what the flag check found ({@link NotificationConfig.Check#detail()}) */
    public static Phrase live(Phrase servers, Phrase notifications) {
        return Phrase.of("feed.live", servers, notifications);
    }

    /** @param why why notifications cannot be used */
    public static Phrase polling(Phrase why, Duration every) {
        return Phrase.of("feed.polling", why, human(every));
    }

    /** A working connection broke; the first retry follows. */
    public static Phrase lost(String address, Phrase why, Duration retry) {
        return Phrase.of("feed.lost", address, why, human(retry));
    }

    /** A broken connection could not be made again; another retry follows. */
    public static Phrase stillUnreachable(String address, Phrase why, Duration retry) {
        return Phrase.of("feed.stillUnreachable", address, why, human(retry));
    }

    /** The server refused the user name or password: not retried, a wrong password stays wrong. */
    public static Phrase refusedPassword(String address) {
        return Phrase.of("feed.refusedPassword", address);
    }

    /** The server was never reached since the start; retrying. */
    public static Phrase unreachable(String address, Phrase why, Duration retry) {
        return Phrase.of("feed.unreachable", address, why, human(retry));
    }

    /**
     * PSUBSCRIBE on the keyspace channels was refused (an ACL user without the channel).
     *
     * @param redisSays the first line of Redis's answer ({@code NOPERM …}): outside text
     */
    public static Phrase subscribeRefused(String redisSays) {
        return Phrase.of("feed.subscribeRefused", redisSays);
    }

    /** The subscription's watchdog closed a connection that no longer answered PING. */
    public static Phrase noPong(long millis) {
        return Phrase.of("feed.error.noPong", millis);
    }

    public static Phrase closedByServer() {
        return Phrase.of("feed.error.closed");
    }

    public static Phrase loading() {
        return Phrase.of("feed.error.loading");
    }

    public static Phrase clusterDown() {
        return Phrase.of("feed.error.clusterDown");
    }

    /**
     * A delay as the feed reports it, "200 ms", "2 s", "1.5 s" ("200ms", "2초", "1.5초"): the retry and poll delays are
     * short and exact, which the minutes-and-seconds durations of the window are not. A phrase, so the unit is the
     * window's language's: a Korean status bar that said "2 s 후" beside its "3초" read half in English.
     */
    static Phrase human(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return Phrase.of("feed.delay.ms", millis);
        }
        // tenths of a second, rounded half up ("1.25 s" reads "1.3")
        return Phrase.of("feed.delay.s", Math.round(millis / 100.0) / 10.0);
    }
}
