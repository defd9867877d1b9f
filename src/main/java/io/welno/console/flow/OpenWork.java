package io.welno.console.flow;

import java.time.Instant;

/**
 * What a closing console would cut short (docs/flow.md, "Held actions"): changes still watched for a revert, whose
 * holds would end unconfirmed, and collections still running, which would stop and give their claims back.
 *
 * @param collections how many collections of this console are running
 */
public record OpenWork(Held held, int collections) {

    /** @param until when the last hold ends; null when nothing is held */
    public record Held(int count, Instant until) {
    }

    public boolean isEmpty() {
        return held.count() == 0 && collections == 0;
    }
}
