package io.welno.console.tilko;

import java.time.Clock;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Whether Tilko can be used now, asked before every action that needs it. One probe at a time, and a failed one is
 * remembered for a few seconds: a bulk run of a thousand re-sends over a Tilko that is down then refuses its sessions
 * as fast as it reads them, instead of waiting out the probe's time limit once per session (or once per caller that
 * asked at the same moment). A single action asks anew. A success is not remembered here: the key it fetched is, in
 * the key cache.
 */
final class UsabilityProbe {

    /** How long a failed probe stands for Tilko's state: short, so that a Tilko back up is used again at once. */
    static final Duration FAILURE_MEMORY = Duration.ofSeconds(5);

    /** A failed probe: for which API key, its answer, and when it came. */
    private record Failure(String apiKey, TilkoResult<String> answer, ClockStamp at) {
    }

    /** By both clocks ({@link ClockStamp}): by either alone, a failure could stand an hour after Tilko was back. */
    private final LongSupplier nanoTime;
    private final Clock wall;
    private Failure last;

    UsabilityProbe(LongSupplier nanoTime, Clock wall) {
        this.nanoTime = nanoTime;
        this.wall = wall;
    }

    /**
     * The probe's answer (remembered when it failed), or, for a caller that may take it, the remembered failure for
     * this API key while it is recent. Callers that ask while a probe runs wait for it; those that may take a recent failure
     * then take its answer rather than send one each.
     *
     * @param takeRecentFailure true for one of many sessions (a bulk run), whose refusal may rest on a failure seen a
     *                          moment ago; false for a single action, which an operator may be retrying because Tilko
     *                          is back, so it is asked anew
     */
    synchronized TilkoResult<String> ask(String apiKey, boolean takeRecentFailure,
                                         Supplier<TilkoResult<String>> probe) {
        if (takeRecentFailure && last != null && apiKey.equals(last.apiKey())
                && last.at().within(FAILURE_MEMORY, ClockStamp.now(nanoTime, wall))) {
            return last.answer();
        }
        TilkoResult<String> answer = probe.get();
        last = answer.isSuccess() ? null : new Failure(apiKey, answer, ClockStamp.now(nanoTime, wall));
        return answer;
    }

    synchronized void forget() {
        last = null;
    }
}
