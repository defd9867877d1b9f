package io.welno.console.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.welno.console.session.SessionCodec;
import io.welno.console.session.Timestamps;
import io.welno.console.store.FileSessionStore;
import io.welno.console.store.RetryPolicy;
import io.welno.console.testing.Await;
import io.welno.console.testing.LogCapture;
import io.welno.console.view.Wording;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lease the flow could not renew is logged in the words its options carry, not as the store's code. */
class LeaseKeeperLogTest {

    @Test
    void aLeaseThatCannotBeRenewedSaysWhyInWords(@TempDir Path dir) {
        Timestamps timestamps = new Timestamps(Clock.systemUTC(), Timestamps.DEFAULT_ZONE);
        FileSessionStore store = new FileSessionStore(dir, new SessionCodec(), timestamps, RetryPolicy.DEFAULT);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try (LogCapture logs = new LogCapture(LeaseKeeper.class.getName())) {
            LeaseKeeper keeper = new LeaseKeeper(store, timestamps, Duration.ofMillis(30), timer,
                    FlowOptions.defaults().withLogWords(Wording.cli()::render).logWords());
            try (LeaseKeeper.Renewal renewal = keeper.keep("gone", "a1")) {
                Await.until("a renewal tried", Await.EVENTUALLY, () -> !logs.lines().isEmpty());
            }
            assertEquals("a1 lease of session gone not renewed: Nothing was changed: the session gone no longer exists"
                    + " (it expired or was deleted).", logs.lines().get(0));
        } finally {
            timer.shutdownNow();
        }
    }
}
