package io.welno.console.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.testing.Fixtures;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class StuckPolicyTest {

    private final SessionCodec codec = new SessionCodec();
    private final StuckPolicy policy = StuckPolicy.defaults();

    @Test
    void aDeadCollectionIsStuckEvenWhileTheBrowserKeepsUpdatedAtFresh() {
        SessionDocument doc = (SessionDocument) codec.parse("x", Fixtures.text("05_fetching_health_data_stuck.json"));
        // Last progress is the collection start at 14:04:32; a status poll then rewrote updated_at.
        var polled = doc.tree().deepCopy();
        polled.put("updated_at", "2026-11-20T14:20:00.000001");
        SessionDocument fresh = (SessionDocument) codec.wrap("x", polled);
        assertEquals(LocalDateTime.parse("2026-11-20T14:04:32.123456"), fresh.lastProgressAt().orElseThrow());
        assertTrue(policy.isStuck(fresh, LocalDateTime.parse("2026-11-20T14:20:00")));
        assertFalse(policy.isStuck(fresh, LocalDateTime.parse("2026-11-20T14:10:00")));
    }

    @Test
    void aFinishedOrUnclaimedSessionIsNeverStuck() {
        LocalDateTime muchLater = LocalDateTime.parse("2026-11-21T00:00:00");
        assertFalse(policy.isStuck((SessionDocument) codec.parse("x", Fixtures.text("07_completed.json")), muchLater));
        var unclaimed = ((SessionDocument) codec.parse("x", Fixtures.text("05_fetching_health_data_stuck.json")))
                .tree().deepCopy();
        unclaimed.put("collection_started", false);
        assertFalse(policy.isStuck((SessionDocument) codec.wrap("x", unclaimed), muchLater));
        assertTrue(policy.isStuck((SessionDocument) codec.parse("x", Fixtures.text("03_auth_request_sent.json")),
                muchLater), "nobody approved for hours");
    }
}
