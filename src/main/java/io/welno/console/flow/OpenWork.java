package io.welno.console.flow;

import java.time.Instant;
import java.util.List;

/**
 * What a closing console would cut short (docs/flow.md, "Held actions"): changes still watched for a revert, whose
 * holds would end unconfirmed, collections still running, which would stop and give their claims back, and bulk runs
 * whose sessions are not all started, which would be left as they are.
 *
 * @param collections how many collections of this console are running
 * @param bulk        the bulk runs with sessions not started yet, oldest first
 */
public record OpenWork(Held held, int collections, List<Unstarted> bulk) {

    /** @param until when the last hold ends; null when nothing is held */
    public record Held(int count, Instant until) {
    }

    /** @param sessions how many sessions of the run have not been started */
    public record Unstarted(String batchId, int sessions) {
    }

    public OpenWork {
        bulk = List.copyOf(bulk);
    }

    public OpenWork(Held held, int collections) {
        this(held, collections, List.of());
    }

    /** The same work, with these bulk runs' sessions not started yet (runs with none are left out). */
    public OpenWork withBulk(List<Unstarted> runs) {
        return new OpenWork(held, collections, runs.stream().filter(run -> run.sessions() > 0).toList());
    }

    public boolean isEmpty() {
        return held.count() == 0 && collections == 0 && bulk.isEmpty();
    }
}
