package io.welno.console.cli;

import io.welno.console.live.ClockOffset;
import io.welno.console.text.Phrase;
import io.welno.console.view.Wording;
import java.io.PrintWriter;
import java.time.Clock;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A line on standard error when this computer's clock is far from Redis's (docs/live.md, "Clocks"): what a listing
 * says of expiry ({@code !expired}, {@code expiredForSeconds}, {@code backendCanRead}) is judged by this computer's
 * clock, the backend's by its own. Standard output stays the listing a script reads.
 */
final class ClockNote {

    private ClockNote() {
    }

    /** The note to print when this computer's clock is noticeably off Redis's, else null (also when not compared). */
    static String read(UnifiedJedis redis, Clock clock) {
        ClockOffset offset;
        try {
            offset = ClockOffset.read(redis, clock);
        } catch (JedisException | IllegalArgumentException e) {
            return null; // not compared (a user without TIME, say): nothing is known, so nothing is said
        }
        return of(offset);
    }

    /** The note for {@code offset} when it is noticeable, else null. */
    static String of(ClockOffset offset) {
        return offset.noticeable() ? Wording.cli().render(Phrase.of(offset.consoleAhead() ? "clock.ahead.cli"
                : "clock.behind.cli", offset.difference())) : null;
    }

    /** Prints {@code note} ({@link #read}'s or {@link #of}'s; nothing when null) on standard error. */
    static void say(String note, PrintWriter err) {
        if (note != null) {
            err.println(note);
            err.flush();
        }
    }
}
