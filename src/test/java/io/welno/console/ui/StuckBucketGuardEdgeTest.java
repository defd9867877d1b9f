package io.welno.console.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.flow.ActionKind;
import io.welno.console.flow.FlowOptions;
import io.welno.console.flow.Guards;
import io.welno.console.flow.Refusal;
import io.welno.console.live.ChangeKind;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.StuckPolicy;
import io.welno.console.session.Timestamps;
import io.welno.console.testing.TestRows;
import io.welno.console.ui.table.SessionTableModel;
import io.welno.console.view.Bucket;
import io.welno.console.view.SessionRow;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Stuck bucket (its rows and its count, which the window's bulk reset and the stuck alert take) and reset-stuck's
 * guards judge a session at one moment alike, also within the second its expiry or its stuck threshold passes: the
 * guards compare to the microsecond, and a bucket that counted whole seconds listed for up to a second a collection
 * the guards refuse as expired, and left out one they accept. The status bar's count of sessions past their expiry
 * takes the same moment: counted from the next whole second, it left out the session the guards refuse as expired.
 */
class StuckBucketGuardEdgeTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2026, 11, 25, 14, 0);
    /** The clock, three quarters into the second 14:30:00. */
    private static final LocalDateTime NOW = T0.plusMinutes(30).plusNanos(750_000_000);

    /**
     * A collection that died: fetching with collection_started and the credentials a collection reads (reset-stuck
     * refuses a session without them), its last progress at {@code lastProgress}.
     */
    private static SessionRow collection(String id, LocalDateTime lastProgress, LocalDateTime expires) {
        return TestRows.session(id, "fetching_health_data", lastProgress).requested(lastProgress)
                .put("collection_started", true)
                .expires(expires).row();
    }

    @Test
    void theBucketListsExactlyTheCollectionsResetStuckAcceptsWithinTheSecondOfTheirEdges() {
        Clock clock = Clock.fixed(NOW.atZone(Timestamps.DEFAULT_ZONE).toInstant(), ZoneOffset.UTC);
        Guards guards = new Guards(FlowOptions.defaults(), new Timestamps(clock, Timestamps.DEFAULT_ZONE));
        SessionTableModel model = new SessionTableModel(StuckPolicy.defaults(), clock, Timestamps.DEFAULT_ZONE);
        List<SessionRow> rows = List.of(
                // expired half a second ago, in the same second: the guards refuse it
                collection("welno_expired", T0, T0.plusMinutes(30).plusNanos(250_000_000)),
                // expires in 0.15 s: still stuck, and the guards accept it
                collection("welno_expiring", T0, T0.plusMinutes(30).plusNanos(900_000_000)),
                // stuck since 14:30:00.5 (ten minutes after its last progress): the guards accept it already
                collection("welno_just_stuck", T0.plusMinutes(20).plusNanos(500_000_000), T0.plusHours(1)),
                // stuck only after 14:30:00.8
                collection("welno_not_yet", T0.plusMinutes(20).plusNanos(800_000_000), T0.plusHours(1)));
        model.apply(rows.stream().map(r -> new SessionTableModel.RowChange(ChangeKind.UPDATED, r.id(), r)).toList());
        model.bucketProperty().set(Bucket.STUCK);

        Set<String> accepted = rows.stream().filter(r -> guards.refusal(ActionKind.RESET_STUCK, r.document(), false,
                id -> false).isEmpty()).map(SessionRow::id).collect(Collectors.toSet());
        assertEquals(Set.of("welno_expiring", "welno_just_stuck"), accepted, "the guards' own verdicts");
        Optional<Refusal> expired = guards.refusal(ActionKind.RESET_STUCK, rows.get(0).document(), true, id -> false);
        assertEquals("guard.expired", expired.orElseThrow().phrase().key());

        Set<String> listed = model.rows().stream().map(SessionRow::id).collect(Collectors.toSet());
        assertEquals(accepted, listed, "the Stuck bucket lists what reset-stuck accepts, no more, no less");
        assertEquals(2, model.count(Bucket.STUCK).get(), "and counts it");
        model.tick();
        assertEquals(accepted, model.rows().stream().map(SessionRow::id).collect(Collectors.toSet()), "after a tick");
        assertEquals(2, model.count(Bucket.STUCK).get());

        // The status bar's "past expires_at" count judges by the same clock reading: the collection the guards refuse
        // as expired, a quarter of a second into its own second, is counted there, not a second later.
        assertEquals(1, model.pastExpiryProperty().get(), "welno_expired is past its expires_at");
        model.tick();
        assertEquals(1, model.pastExpiryProperty().get(), "after a tick");

        // The command line's --bucket stuck takes the same rule (StuckPolicy.isStuck) at the guards' clock reading.
        LocalDateTime guardsNow = new Timestamps(clock, Timestamps.DEFAULT_ZONE).nowLocal();
        for (SessionRow row : rows) {
            SessionDocument doc = row.document();
            assertEquals(accepted.contains(row.id()), StuckPolicy.defaults().isStuck(doc, guardsNow), row.id());
            assertEquals(accepted.contains(row.id()), guards.isStuck(doc), row.id());
            assertTrue(row.isStuck(StuckPolicy.defaults(), guardsNow) == accepted.contains(row.id()), row.id());
        }
    }
}
