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
        polled.put("updated_at", "2026-11-20T14:20:00.000001").put("expires_at", "2026-11-20T15:00:00");
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
        SessionDocument waiting = (SessionDocument) codec.parse("x", Fixtures.text("03_auth_request_sent.json"));
        assertFalse(policy.isStuck(waiting, muchLater), "past its expires_at (14:08:27) it is left to expire");
        var stillValid = waiting.tree().deepCopy().put("expires_at", "2026-11-21T01:00:00");
        assertTrue(policy.isStuck((SessionDocument) codec.wrap("x", stillValid), muchLater),
                "nobody approved for hours");
    }

    private SessionDocument fetching(java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode> edit) {
        var tree = ((SessionDocument) codec.parse("x", Fixtures.text("05_fetching_health_data_stuck.json"))).tree()
                .deepCopy();
        edit.accept(tree);
        return (SessionDocument) codec.wrap("x", tree);
    }

    @Test
    void aSessionThatWouldExpireFirstIsStuckAMinuteBeforeItsExpiry() {
        // Last progress 14:04:32, expires_at 14:13:22: ten minutes would be too late to repair it.
        SessionDocument doc = fetching(tree -> { });
        assertEquals(LocalDateTime.parse("2026-11-20T14:12:22.123456"), policy.stuckAfter(doc).orElseThrow());
        assertFalse(policy.isStuck(doc, LocalDateTime.parse("2026-11-20T14:12:00")));
        StuckReason why = policy.why(doc, LocalDateTime.parse("2026-11-20T14:12:30")).orElseThrow();
        assertEquals(StuckReason.Kind.EXPIRES_SOON, why.kind());
        assertEquals(java.time.Duration.ofSeconds(52), why.amount().withNanos(0), "52 s left before expires_at");
        // Past it, the backend deletes the session on its next read: nothing can repair it, it is not stuck any more.
        assertTrue(policy.isStuck(doc, LocalDateTime.parse("2026-11-20T14:13:22")));
        assertFalse(policy.isStuck(doc, LocalDateTime.parse("2026-11-20T14:13:23")));
        assertTrue(policy.why(doc, LocalDateTime.parse("2026-11-20T14:14:00")).isEmpty());

        SessionDocument later = fetching(tree -> tree.put("expires_at", "2026-11-20T15:00:00"));
        assertEquals(LocalDateTime.parse("2026-11-20T14:14:32.123456"), policy.stuckAfter(later).orElseThrow(),
                "with time to spare, the status's own threshold");
        assertEquals(StuckReason.Kind.IDLE,
                policy.why(later, LocalDateTime.parse("2026-11-20T14:15:00")).orElseThrow().kind());
    }

    /**
     * An auth request whose console died: its lease lapses a minute after the claim, but the Tilko request it sent may
     * still reach the phone until the request is stale (150 s), and simple-auth refuses to send another until then.
     * Stuck says it can be sent again, so not before that either; a lease renewed longer than that still decides.
     */
    @Test
    void anAuthRequestWhoseLeaseLapsedIsStuckOnlyOnceItIsStale() {
        SessionDocument requesting = authRequesting("2026-11-20T14:05:32.123456");
        assertEquals(LocalDateTime.parse("2026-11-20T14:07:02.123456"), policy.stuckAfter(requesting).orElseThrow());
        assertFalse(policy.isStuck(requesting, LocalDateTime.parse("2026-11-20T14:06:00")),
                "its lease lapsed, but its Tilko request may still be out");
        assertTrue(policy.isStuck(requesting, LocalDateTime.parse("2026-11-20T14:07:03")));
        assertEquals(StuckReason.Kind.LEASE_LAPSED,
                policy.why(requesting, LocalDateTime.parse("2026-11-20T14:07:03")).orElseThrow().kind());

        SessionDocument renewed = authRequesting("2026-11-20T14:09:00");
        assertEquals(LocalDateTime.parse("2026-11-20T14:09:00"), policy.stuckAfter(renewed).orElseThrow(),
                "renewed past the stale moment: the lease decides");
    }

    /** A simple-auth claim written at 14:04:32.123456, its lease until {@code leaseUntil}. */
    private SessionDocument authRequesting(String leaseUntil) {
        return fetching(tree -> {
            tree.put("status", "auth_requesting").put("collection_started", false)
                    .put("expires_at", "2026-11-20T15:00:00");
            tree.putObject("console_claim").put("id", "3f2a91c0").put("action", "simple-auth")
                    .put("owner", "host/12/ab12").put("at", "2026-11-20T14:04:32.123456")
                    .put("lease_until", leaseUntil);
        });
    }

    @Test
    void aLeasedClaimDecidesAloneStuckTheMomentItsLeaseLapses() {
        SessionDocument leased = fetching(tree -> tree.put("expires_at", "2026-11-20T14:31:00")
                .putObject("console_claim").put("id", "3f2a91c0").put("owner", "host/12/ab12")
                .put("at", "2026-11-20T14:04:32.123456").put("lease_until", "2026-11-20T14:30:00"));
        // Alive: not stuck, although the threshold and the expiry rule (14:30) have passed.
        assertFalse(policy.isStuck(leased, LocalDateTime.parse("2026-11-20T14:29:59")));
        assertTrue(policy.isStuck(leased, LocalDateTime.parse("2026-11-20T14:30:01")));
        StuckReason why = policy.why(leased, LocalDateTime.parse("2026-11-20T14:30:10")).orElseThrow();
        assertEquals(StuckReason.Kind.LEASE_LAPSED, why.kind());
        assertEquals(java.time.Duration.ofSeconds(10), why.amount());
        assertFalse(policy.isStuck(leased, LocalDateTime.parse("2026-11-20T14:31:01")),
                "past its expires_at it is left to expire, lease or not");

        SessionDocument lapsedEarly = fetching(tree -> tree.putObject("console_claim").put("id", "3f2a91c0")
                .put("at", "2026-11-20T14:04:32.123456").put("lease_until", "2026-11-20T14:05:32"));
        assertTrue(policy.isStuck(lapsedEarly, LocalDateTime.parse("2026-11-20T14:06:00")),
                "its console died: stuck a minute after the claim, not after ten");

        SessionDocument noLease = fetching(tree -> tree.putObject("console_claim").put("id", "3f2a91c0")
                .put("at", "2026-11-20T14:04:32.123456"));
        assertFalse(policy.isStuck(noLease, LocalDateTime.parse("2026-11-20T14:06:00")),
                "a claim without a lease (an older console) falls back to the threshold");
    }
}
