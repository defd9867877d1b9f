package io.welno.console.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** The guards ask whether this console renews a claim on a session: true from keep until its last close. */
    @Test
    void itSaysWhichSessionsItRenews(@TempDir Path dir) {
        Timestamps timestamps = new Timestamps(new TestClock(), Timestamps.DEFAULT_ZONE);
        FileSessionStore store = new FileSessionStore(dir, new SessionCodec(), timestamps, RetryPolicy.DEFAULT);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            LeaseKeeper keeper = new LeaseKeeper(store, timestamps, Duration.ofMinutes(1), timer,
                    FlowOptions.defaults().logWords());
            LeaseKeeper.Renewal first = keeper.keep("s1", "a1");
            LeaseKeeper.Renewal second = keeper.keep("s1", "a2");
            assertTrue(keeper.renews("s1"));
            assertFalse(keeper.renews("s2"));
            first.close();
            first.close(); // a collection closes its renewal twice: counted once
            assertTrue(keeper.renews("s1"), "the other renewal is still open");
            second.close();
            assertFalse(keeper.renews("s1"));
        } finally {
            timer.shutdownNow();
        }
    }
}
