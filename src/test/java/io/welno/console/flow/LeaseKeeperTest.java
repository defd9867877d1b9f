package io.welno.console.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.welno.console.session.SessionCodec;
import io.welno.console.session.Timestamps;
import io.welno.console.store.FileSessionStore;
import io.welno.console.store.RetryPolicy;
import io.welno.console.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A claim that cannot be given back stands until its lease lapses, and a renewal may have moved that lease: the renewal
 * says how far it tried to move it, so a collection that stops long after its claim names the lease's real end.
 */
class LeaseKeeperTest {

    @Test
    void aRenewalSaysTheLatestLeaseItTried(@TempDir Path dir) {
        TestClock clock = new TestClock();
        Timestamps timestamps = new Timestamps(clock, Timestamps.DEFAULT_ZONE);
        FileSessionStore store = new FileSessionStore(dir, new SessionCodec(), timestamps, RetryPolicy.DEFAULT);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            // a lease of 3 s, renewed every second; its writes find no session, as when Redis fails them: what
            // counts is how far they may have moved the lease
            LeaseKeeper keeper = new LeaseKeeper(store, timestamps, Duration.ofSeconds(3), timer,
                    FlowOptions.defaults().logWords());
            LocalDateTime start = timestamps.nowLocal();
            try (LeaseKeeper.Renewal renewal = keeper.keep("gone", "a1")) {
                Await.until("a renewal tried", Await.EVENTUALLY, () -> renewal.latestLease() != null);
                assertEquals(start.plusSeconds(3), renewal.latestLease());
                clock.advance(Duration.ofMinutes(2)); // a long Tilko call later
                Await.until("a later renewal tried", Await.EVENTUALLY,
                        () -> start.plusMinutes(2).plusSeconds(3).equals(renewal.latestLease()));
            }
        } finally {
            timer.shutdownNow();
        }
    }
}
