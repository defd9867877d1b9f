package io.welno.console.ui;

import io.welno.console.ui.table.SessionTableModel;
import io.welno.console.testing.TestRows;
import io.welno.console.view.Bucket;
import io.welno.console.view.SessionRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.live.ChangeKind;
import io.welno.console.live.FeedBatch;
import io.welno.console.live.FeedMode;
import io.welno.console.live.SessionChange;
import io.welno.console.store.StoredSession;
import io.welno.console.ui.table.FeedBridge;
import io.welno.console.view.AlertConditions;
import io.welno.console.view.AlertMonitor;
import io.welno.console.view.AlertRules;
import io.welno.console.view.SessionStarts;
import io.welno.console.session.StuckPolicy;
import io.welno.console.session.Timestamps;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import javafx.collections.ListChangeListener;
import io.welno.console.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The table's view model without a window: counts, filters, order, and the changes the table is told. */
class SessionTableModelTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2026, 11, 25, 14, 0);
    private static final String[] STATUSES = {"initiated", "auth_request_sent", "auth_completed",
        "fetching_health_data", "completed", "error"};

    private final Clock clock = Clock.fixed(T0.plusMinutes(30).atZone(Timestamps.DEFAULT_ZONE).toInstant(),
            ZoneOffset.UTC);
    private final SessionTableModel model = new SessionTableModel(StuckPolicy.defaults(), clock,
            Timestamps.DEFAULT_ZONE);
    /** What a table would hold if it applied every change it was told, step by step. */
    private final List<SessionRow> mirror = new ArrayList<>();

    SessionTableModelTest() {
        model.rows().addListener((ListChangeListener<SessionRow>) change -> {
            while (change.next()) {
                if (change.wasUpdated()) {
                    for (int i = change.getFrom(); i < change.getTo(); i++) {
                        mirror.set(i, change.getList().get(i));
                    }
                } else {
                    assertFalse(change.wasReplaced(), "a replaced range makes TableView rebuild every cell");
                    mirror.subList(change.getFrom(), change.getFrom() + change.getRemovedSize()).clear();
                    mirror.addAll(change.getFrom(), change.getAddedSubList());
                }
            }
        });
    }

    private static SessionRow row(String id, String status, int minute) {
        return TestRows.session(id, status, T0.plusMinutes(minute)).row();
    }

    private void apply(SessionRow... rows) {
        List<SessionTableModel.RowChange> changes = new ArrayList<>();
        for (SessionRow r : rows) {
            changes.add(new SessionTableModel.RowChange(ChangeKind.UPDATED, r.id(), r));
        }
        model.apply(changes);
    }

    private List<String> shownIds() {
        return model.rows().stream().map(SessionRow::id).toList();
    }

    /** The backend's read rule: a key past its expires_at is deleted on its next read, so it is not a session it serves. */
    @Test
    void theLiveCountSaysHowManyAreKeysTheBackendDeletesOnItsNextRead() {
        apply(TestRows.session("welno_a", "auth_request_sent", T0).row(), // expires_at T0 + 10 min: passed
                TestRows.session("welno_b", "auth_request_sent", T0.plusMinutes(25)).row(), // T0 + 35 min
                TestRows.session("welno_c", "initiated", T0).without("expires_at").row());
        assertEquals(3, model.liveCountProperty().get());
        assertEquals(1, model.pastExpiryProperty().get());

        apply(TestRows.session("welno_a", "auth_request_sent", T0).expires(T0.plusMinutes(40)).row()); // re-sent
        assertEquals(0, model.pastExpiryProperty().get());
        apply(TestRows.session("welno_b", "auth_request_sent", T0).row());
        assertEquals(1, model.pastExpiryProperty().get());
        model.apply(List.of(new SessionTableModel.RowChange(ChangeKind.EXPIRED, "welno_b", null)));
        assertEquals(0, model.pastExpiryProperty().get(), "an ended session is not counted");
    }

    @Test
    void bucketCountsFollowTheProviderAndPartnerFilterButNotTheSearch() {
        apply(TestRows.session("welno_k1", "initiated", T0).authType("0").row(),
                TestRows.session("campaign_k2", "completed", T0).authType("0").row(),
                TestRows.session("welno_p1", "initiated", T0).authType("4").row());
        io.welno.console.view.Bucket initiated = Bucket.of(io.welno.console.session.SessionStatus.INITIATED);
        model.setFollowed(java.util.Set.of("welno_k1", "welno_p1"));
        assertEquals(3, model.count(Bucket.ALL).get());
        assertEquals(2, model.count(Bucket.FOLLOWING).get());
        model.providerProperty().set(io.welno.console.session.AuthProvider.KAKAO_TALK);
        assertEquals(2, model.count(Bucket.ALL).get());
        assertEquals(1, model.count(initiated).get());
        assertEquals(1, model.count(Bucket.FOLLOWING).get(), "the followed sessions listed under the filter");
        assertTrue(model.facetActive());

        // changes arriving under the filter count by it too (the partner is the session id's prefix)
        apply(TestRows.session("welno_k3", "initiated", T0).authType("0").row(),
                TestRows.session("welno_p2", "initiated", T0).authType("4").row());
        assertEquals(3, model.count(Bucket.ALL).get());
        assertEquals(2, model.count(initiated).get());
        model.partnerProperty().set("welno");
        assertEquals(2, model.count(Bucket.ALL).get());
        model.apply(List.of(new SessionTableModel.RowChange(ChangeKind.REMOVED, "welno_k1", null)));
        assertEquals(1, model.count(Bucket.ALL).get());
        assertEquals(1, model.count(Bucket.ENDED).get());

        model.searchProperty().set("nobody");
        assertEquals(1, model.count(Bucket.ALL).get(), "the search narrows the table, not the counts");
        assertEquals(4, model.liveCountProperty().get(), "the status bar's count is every live session");

        model.providerProperty().set(null);
        model.partnerProperty().set("");
        assertFalse(model.facetActive());
        assertEquals(4, model.count(Bucket.ALL).get());
        assertEquals(1, model.count(Bucket.ENDED).get());
    }

    @Test
    void countsFollowStatusChangesAndPublishOncePerBatch() {
        apply(row("a", "initiated", 1), row("b", "initiated", 2), row("c", "completed", 3));
        assertEquals(3, model.count(Bucket.ALL).get());
        assertEquals(2, model.count(Bucket.of(io.welno.console.session.SessionStatus.INITIATED)).get());
        int[] changes = {0};
        model.count(Bucket.ALL).addListener((o, a, b) -> changes[0]++);
        // Three updates that leave the total unchanged: the ALL count must not flicker.
        apply(row("a", "auth_request_sent", 4), row("b", "completed", 5), row("c", "completed", 6));
        assertEquals(0, changes[0]);
        assertEquals(2, model.count(Bucket.of(io.welno.console.session.SessionStatus.COMPLETED)).get());
        assertEquals(0, model.count(Bucket.of(io.welno.console.session.SessionStatus.INITIATED)).get());
    }

    @Test
    void endedRowsLeaveTheLiveBucketsAndTheOldestBeyondTheCapacityAreDropped() {
        int n = SessionTableModel.ENDED_CAPACITY + 20;
        List<SessionRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(row(String.format("s%04d", i), "completed", i % 30));
        }
        apply(rows.toArray(SessionRow[]::new));
        List<SessionTableModel.RowChange> expiries = new ArrayList<>();
        for (SessionRow r : rows) {
            expiries.add(new SessionTableModel.RowChange(ChangeKind.EXPIRED, r.id(), null));
        }
        model.apply(expiries);
        assertEquals(0, model.count(Bucket.ALL).get());
        assertEquals(SessionTableModel.ENDED_CAPACITY, model.count(Bucket.ENDED).get());
        assertNull(model.row("s0000"), "the oldest ended rows are dropped");
        assertTrue(model.row(String.format("s%04d", n - 1)).isEnded());
        assertTrue(model.rows().isEmpty(), "the ALL bucket shows live sessions only");
        model.bucketProperty().set(Bucket.ENDED);
        assertEquals(SessionTableModel.ENDED_CAPACITY, model.rows().size());
        assertEquals(shownIds(), mirror.stream().map(SessionRow::id).toList());
    }

    @Test
    void searchAndBucketNarrowAndRestore() {
        apply(row("welno_aaa", "initiated", 1), row("welno_bbb", "completed", 2), row("welno_ccc", "error", 3));
        model.searchProperty().set("bbb");
        assertEquals(List.of("welno_bbb"), shownIds());
        model.searchProperty().set("");
        model.bucketProperty().set(Bucket.of(io.welno.console.session.SessionStatus.ERROR));
        assertEquals(List.of("welno_ccc"), shownIds());
        model.bucketProperty().set(Bucket.ALL);
        assertEquals(3, model.rows().size());
        assertEquals(shownIds(), mirror.stream().map(SessionRow::id).toList());
    }

    @Test
    void searchFindsIdInAnyCaseTheRealNameAndThePhoneNumbersLastDigits() {
        SessionRow lee = TestRows.session("welno_Lee", "initiated", T0).user("이서준", "01098761111", "19850505").row();
        SessionRow kim = TestRows.session("welno_kim", "initiated", T0.plusMinutes(1)).row(); // 김하늘, …5678
        apply(lee, kim);
        model.searchProperty().set("  WELNO_LEE ");
        assertEquals(List.of("welno_Lee"), shownIds());
        model.searchProperty().set("하늘");
        assertEquals(List.of("welno_kim"), shownIds(), "the real name, though only the masked one is shown");
        model.searchProperty().set("5678");
        assertEquals(List.of("welno_kim"), shownIds(), "the phone number's last four digits");
        model.searchProperty().set("1234");
        assertEquals(List.of(), shownIds(), "digits inside the phone number are not its suffix");
        model.searchProperty().set("welno_");
        assertEquals(List.of("welno_Lee", "welno_kim"), shownIds(), "by session id while no column sorts");
    }

    @Test
    void typingOnTestsOnlyTheRowsShownButDigitsAfterAPhoneSuffixSearchAgain() {
        List<SessionRow> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            rows.add(TestRows.session("welno_" + i, "initiated", T0.plusSeconds(i))
                    .user("김하늘", "01055550000", "19900101").row());
        }
        rows.add(TestRows.session("welno_phone", "initiated", T0).user("이서준", "01098760123", "19850505").row());
        apply(rows.toArray(SessionRow[]::new));
        model.searchProperty().set("welno_1");
        assertEquals(111, shownIds().size()); // 1, 10–19, 100–199

        int[] tested = {0};
        Predicate<SessionRow> welno12 = SessionRow.search("welno_12");
        model.rows().narrowFilter(row -> {
            tested[0]++;
            return welno12.test(row);
        });
        assertEquals(111, tested[0], "a narrower filter tests the rows shown, not all 200");
        assertEquals(11, shownIds().size());

        model.searchProperty().set("welno_12");
        model.searchProperty().set("welno_123");
        assertEquals(List.of("welno_123"), shownIds());
        model.searchProperty().set("12");
        assertEquals(List.of("welno_112", "welno_12", "welno_120", "welno_121", "welno_122", "welno_123",
                "welno_124", "welno_125", "welno_126", "welno_127", "welno_128", "welno_129"), shownIds());
        // The phone ending 0123 is not among the rows for "12", yet "123" is its suffix.
        model.searchProperty().set("123");
        assertEquals(List.of("welno_123", "welno_phone"), shownIds());
        model.searchProperty().set("0123");
        assertEquals(List.of("welno_phone"), shownIds());
        assertEquals(shownIds(), mirror.stream().map(SessionRow::id).toList());
    }

    @Test
    void aSearchNarrowsOnlyWhenEveryRowItMatchesMatchedBefore() {
        assertTrue(SessionRow.searchNarrows("", "kim"));
        assertTrue(SessionRow.searchNarrows("Ki", " kim"));
        assertTrue(SessionRow.searchNarrows("welno_1", "welno_12"));
        assertTrue(SessionRow.searchNarrows("23", "123"), "typed in front of a phone suffix");
        assertFalse(SessionRow.searchNarrows("kim", "ki"));
        assertFalse(SessionRow.searchNarrows("kim", ""));
        assertFalse(SessionRow.searchNarrows("12", "123"), "…0123 ends with 123, not with 12");
        assertTrue(SessionRow.searchNarrows("1234", "12345"), "five digits are no phone suffix, only text");
    }

    /**
     * Orders the view newest update first with a comparator that counts its calls, then loads 1,000 sessions.
     *
     * @return the count of comparisons, to be reset and read by the caller
     */
    private int[] thousandRowsNewestFirstCountingComparisons() {
        int[] comparisons = {0};
        Comparator<SessionRow> newestFirst = Comparator.comparing(SessionRow::updatedAt).reversed();
        model.rows().comparatorProperty().set((a, b) -> {
            comparisons[0]++;
            return newestFirst.compare(a, b);
        });
        List<SessionTableModel.RowChange> batch = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            SessionRow r = row("welno_" + i, STATUSES[i % STATUSES.length], i % 60);
            batch.add(new SessionTableModel.RowChange(ChangeKind.ADDED, r.id(), r));
        }
        model.apply(batch);
        return comparisons;
    }

    @Test
    void aNewFilterComparesNoRowsAndOnlyANewOrderSorts() {
        int[] comparisons = thousandRowsNewestFirstCountingComparisons();
        comparisons[0] = 0;
        model.searchProperty().set("welno_1");
        model.bucketProperty().set(Bucket.of(io.welno.console.session.SessionStatus.ERROR));
        model.bucketProperty().set(Bucket.ALL);
        model.searchProperty().set("");
        assertEquals(0, comparisons[0], "filters pass over rows kept in order; they do not sort");
        assertEquals(1_000, model.rows().size());
        assertTrue(model.rows().isOrdered());
        model.rows().comparatorProperty().set(Comparator.comparing(SessionRow::createdAt));
        assertTrue(model.rows().isOrdered());
    }

    /**
     * With nothing filtered out (the usual view), a batch finds each changed row's place in the order once: the rows
     * shown are then every row, and one merge serves both lists instead of two alike.
     */
    @Test
    void aBatchWithNothingFilteredOutPlacesEachRowOnce() {
        int[] comparisons = thousandRowsNewestFirstCountingComparisons();
        int changed = 50;
        int search = 10; // comparisons of a binary search over 1,000 rows: ceil(log2(1,001))
        int sorting = 282; // at most, sorting the 50 arriving rows: 50 × log2(50)
        List<SessionTableModel.RowChange> moves = new ArrayList<>();
        for (int i = 0; i < changed; i++) {
            SessionRow r = row("welno_" + (i * 19), "auth_pending", 61 + i);
            moves.add(new SessionTableModel.RowChange(ChangeKind.UPDATED, r.id(), r));
        }
        comparisons[0] = 0;
        model.apply(moves);
        assertTrue(comparisons[0] <= changed * 2 * search + sorting,
                "the old rows found and the new ones placed once: " + comparisons[0]);
        assertEquals(1_000, model.rows().size());
        assertTrue(model.rows().isOrdered());
        assertEquals(shownIds(), mirror.stream().map(SessionRow::id).toList(), "the table is told every move");
    }

    @Test
    void pausedUpdatesWaitAndAreCounted() {
        apply(row("a", "initiated", 1));
        model.pausedProperty().set(true);
        apply(row("a", "completed", 2), row("b", "initiated", 3));
        assertEquals(2, model.pendingUpdatesProperty().get());
        assertEquals(1, model.rows().size());
        model.pausedProperty().set(false);
        assertEquals(0, model.pendingUpdatesProperty().get());
        assertEquals(2, model.rows().size());
        assertEquals("completed", model.row("a").status().wire());
    }

    /**
     * The dashboard's started figures and the error-rate alert count every session the console saw start: the table
     * keeps only the newest {@link SessionTableModel#ENDED_CAPACITY} ended rows, and counting those undercounted every
     * busy hour.
     */
    @Test
    void theStartedCountsKeepEverySessionTheTableTrims() {
        int n = SessionTableModel.ENDED_CAPACITY + 100;
        List<SessionTableModel.RowChange> ends = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = String.format("welno_e%04d", i);
            apply(TestRows.session(id, "error", T0.plusMinutes(i % 30)).row());
            ends.add(new SessionTableModel.RowChange(ChangeKind.REMOVED, id, null));
        }
        model.apply(ends);
        // a resync reads the live ones again: the same sessions, not more of them
        apply(TestRows.session("welno_live", "initiated", T0.plusMinutes(29)).row());
        model.apply(List.of(new SessionTableModel.RowChange(ChangeKind.UPDATED, "welno_live",
                TestRows.session("welno_live", "initiated", T0.plusMinutes(29)).row())));

        assertEquals(SessionTableModel.ENDED_CAPACITY, model.endedCount(), "the table trims its ended rows");
        SessionStarts.Window hour = model.starts().within(Duration.ofHours(1), T0.plusMinutes(30));
        assertEquals(n + 1, hour.funnel().started());
        assertEquals(n, hour.failed());
    }

    /** Of the sessions started within the rule's window, the share that ended failed: trimmed ones too. */
    @Test
    void theErrorRateAlertCountsTheSessionsTheTableTrimmed() {
        AlertRules rules = AlertRules.defaults(); // above 20 % over 15 minutes
        LocalDateTime now = T0.plusMinutes(30);
        List<SessionTableModel.RowChange> failedEnds = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String id = "welno_f" + i;
            apply(TestRows.session(id, "error", now.minusMinutes(10)).row());
            failedEnds.add(new SessionTableModel.RowChange(ChangeKind.REMOVED, id, null));
        }
        model.apply(failedEnds);
        List<SessionTableModel.RowChange> doneEnds = new ArrayList<>();
        for (int i = 0; i < SessionTableModel.ENDED_CAPACITY; i++) {
            String id = "welno_d" + i;
            apply(TestRows.session(id, "completed", now.minusMinutes(5)).row());
            doneEnds.add(new SessionTableModel.RowChange(ChangeKind.REMOVED, id, null));
        }
        model.apply(doneEnds);

        AlertMonitor.Conditions c = AlertConditions.of(model.currentRows(),
                model.starts().within(rules.errorWindow(), now), now, model.stuckPolicy(), rules, FeedMode.LIVE);
        assertEquals(300.0 / 800, c.errorRate(), 1e-9, "300 of the 800 started failed, though the table kept none");
    }

    /**
     * A deletion held while the table is paused ended when the feed handed it on, not at the resume: the session's
     * end time (the detail pane's "ended", the per-minute figures) must not move to the moment someone pressed resume.
     */
    @Test
    void aDeletionHeldWhilePausedEndsWhenItWasSeen() {
        MutableClock moving = new MutableClock(T0.atZone(Timestamps.DEFAULT_ZONE).toInstant(), ZoneOffset.UTC);
        SessionTableModel paused = new SessionTableModel(StuckPolicy.defaults(), moving, Timestamps.DEFAULT_ZONE);
        FeedBridge bridge = new FeedBridge(moving);
        bridge.onBatch(new FeedBatch(List.of(new SessionChange(ChangeKind.ADDED, "welno_a",
                TestRows.session("welno_a", "auth_request_sent", T0).stored())), true, true));
        bridge.drain(paused);
        paused.pausedProperty().set(true);

        moving.advance(Duration.ofMinutes(1));
        bridge.onBatch(new FeedBatch(List.of(new SessionChange(ChangeKind.REMOVED, "welno_a", null)), false, false));
        bridge.drain(paused);
        moving.advance(Duration.ofMinutes(10));
        assertFalse(paused.row("welno_a").isEnded(), "held while paused");
        assertTrue(paused.currentRows().get(0).isEnded(), "the figures see it gone");
        assertEquals(T0.plusMinutes(1), paused.currentRows().get(0).endedAt());

        paused.pausedProperty().set(false);
        assertEquals(T0.plusMinutes(1), paused.row("welno_a").endedAt(),
                "ended when it was deleted, not at the resume");
    }

    /**
     * An end found by reading every session again (a resync after a reconnect) is marked as found then, not as having
     * happened then: the session went at some time before, while the console was not following. One told as it
     * happened is not so marked.
     */
    @Test
    void anEndFoundByAResyncIsMarkedAsFoundNotAsHappened() {
        MutableClock moving = new MutableClock(T0.atZone(Timestamps.DEFAULT_ZONE).toInstant(), ZoneOffset.UTC);
        SessionTableModel table = new SessionTableModel(StuckPolicy.defaults(), moving, Timestamps.DEFAULT_ZONE);
        FeedBridge bridge = new FeedBridge(moving);
        bridge.onBatch(new FeedBatch(List.of(
                new SessionChange(ChangeKind.ADDED, "welno_a", TestRows.session("welno_a", "initiated", T0).stored()),
                new SessionChange(ChangeKind.ADDED, "welno_b", TestRows.session("welno_b", "initiated", T0).stored())),
                true, true));
        bridge.drain(table);

        moving.advance(Duration.ofMinutes(5));
        bridge.onBatch(new FeedBatch(List.of(new SessionChange(ChangeKind.REMOVED, "welno_a", null, true),
                new SessionChange(ChangeKind.REMOVED, "welno_b", null)), true, true));
        bridge.drain(table);
        assertTrue(table.row("welno_a").endedFoundByPass());
        assertEquals(T0.plusMinutes(5), table.row("welno_a").endedAt(), "when it was found gone");
        assertEquals("ended.gone", table.row("welno_a").endedTextKey(), "not the feed's guess of deleted or expired");
        assertFalse(table.row("welno_b").endedFoundByPass(), "a deletion told as it happened");
        assertEquals("ended.removed", table.row("welno_b").endedTextKey());
    }

    /** A copy a resync read is marked as read by it (what changed came before); a pushed one is not. */
    @Test
    void aCopyAResyncReadIsMarkedAsReadByItAndAPushedOneIsNot() {
        SessionTableModel table = new SessionTableModel(StuckPolicy.defaults(), clock, Timestamps.DEFAULT_ZONE);
        FeedBridge bridge = new FeedBridge(clock);
        bridge.onBatch(new FeedBatch(List.of(
                new SessionChange(ChangeKind.ADDED, "welno_a", TestRows.session("welno_a", "initiated", T0).stored()),
                new SessionChange(ChangeKind.ADDED, "welno_b", TestRows.session("welno_b", "initiated", T0).stored())),
                true, true));
        bridge.drain(table);
        bridge.onBatch(new FeedBatch(List.of(new SessionChange(ChangeKind.UPDATED, "welno_a",
                        TestRows.session("welno_a", "auth_requesting", T0).stored(), true),
                new SessionChange(ChangeKind.UPDATED, "welno_b",
                        TestRows.session("welno_b", "auth_requesting", T0).stored())), true, true));
        bridge.drain(table);
        assertTrue(table.row("welno_a").readByPass());
        assertFalse(table.row("welno_b").readByPass(), "told as it happened");
        assertFalse(table.row("welno_a").endedFoundByPass(), "read, not ended");
    }

    /**
     * A row's TTL counts down by the clock the window reads it with: read with 30 minutes left, it shows 30 minutes
     * then, and 20 ten minutes later by that clock (the window's, which a test moves; not the machine's).
     */
    @Test
    void aRowsTtlCountsDownByTheWindowsClock() {
        MutableClock moving = new MutableClock(T0.atZone(Timestamps.DEFAULT_ZONE).toInstant(), ZoneOffset.UTC);
        SessionTableModel table = new SessionTableModel(StuckPolicy.defaults(), moving, Timestamps.DEFAULT_ZONE);
        FeedBridge bridge = new FeedBridge(moving);
        bridge.onBatch(new FeedBatch(List.of(new SessionChange(ChangeKind.ADDED, "welno_a",
                TestRows.session("welno_a", "auth_request_sent", T0).stored())), true, true));
        bridge.drain(table);
        assertEquals(Duration.ofMinutes(30).toMillis(), table.row("welno_a").ttlNowMillis(moving.millis()));
        moving.advance(Duration.ofMinutes(10));
        assertEquals(Duration.ofMinutes(20).toMillis(), table.row("welno_a").ttlNowMillis(moving.millis()));
    }

    /**
     * A session that came and went while the table was paused, never shown, is nothing to hold: no "1 new update" that
     * resuming turns into no change, no row, no count. The feed's own rule for a consumer that never saw a session
     * ({@code SessionChange.then}), which a frame's merge of batches already kept.
     */
    @Test
    void aSessionThatCameAndWentWhilePausedLeavesNoHeldUpdate() {
        apply(row("a", "initiated", 1));
        model.pausedProperty().set(true);
        model.apply(List.of(new SessionTableModel.RowChange(ChangeKind.ADDED, "x", row("x", "initiated", 2))));
        assertEquals(1, model.pendingUpdatesProperty().get());
        model.apply(List.of(new SessionTableModel.RowChange(ChangeKind.REMOVED, "x", null)));

        assertEquals(0, model.pendingUpdatesProperty().get(), "nothing is held for it");
        assertEquals(List.of("a"), model.currentRows().stream().map(SessionRow::id).toList());
        model.pausedProperty().set(false);
        assertNull(model.row("x"));
        assertEquals(1, model.liveCountProperty().get());
        assertEquals(1, model.count(Bucket.ALL).get());
        assertEquals(0, model.count(Bucket.ENDED).get());
    }

    /** While the table is paused, the figures (the dashboard, the alerts) read the sessions as the feed last told. */
    @Test
    void theCurrentRowsLayTheHeldChangesOverTheTable() {
        apply(row("a", "initiated", 1), row("b", "initiated", 1));
        model.pausedProperty().set(true);
        apply(row("a", "completed", 2), row("c", "initiated", 3));
        model.apply(List.of(new SessionTableModel.RowChange(ChangeKind.REMOVED, "b", null)));

        assertEquals(List.of("initiated", "initiated"),
                model.allRows().stream().map(r -> r.status().wire()).toList(), "the table holds still");
        List<SessionRow> current = model.currentRows();
        assertEquals(List.of("a", "b", "c"), current.stream().map(SessionRow::id).toList());
        assertEquals("completed", current.get(0).status().wire());
        assertTrue(current.get(1).isEnded());
        assertFalse(current.get(2).isEnded());
    }

    /**
     * A resync while paused (after a reconnect, or Refresh) is held like any change: the table stands still until the
     * resume, and "N new updates" counts the sessions resuming changes — not the unchanged ones the resync read again,
     * and not twice a session changed before it. Resuming puts back nothing older than the resync.
     */
    @Test
    void aResyncWhilePausedIsHeldAndCountsOnlyWhatItChanges() {
        FeedBridge bridge = new FeedBridge(clock);
        TestRows same = TestRows.session("welno_same", "auth_request_sent", T0.plusMinutes(1));
        TestRows later = TestRows.session("welno_later", "auth_request_sent", T0.plusMinutes(1));
        bridge.onBatch(new FeedBatch(List.of(added(same.stored()), added(later.stored()),
                added(TestRows.session("welno_a", "initiated", T0.plusMinutes(1)).stored()),
                added(TestRows.session("welno_b", "initiated", T0.plusMinutes(1)).stored())), true, true));
        bridge.drain(model);
        model.pausedProperty().set(true);
        bridge.onBatch(new FeedBatch(List.of(
                updated(TestRows.session("welno_a", "auth_requesting", T0.plusMinutes(2)).stored()),
                updated(TestRows.session("welno_b", "auth_requesting", T0.plusMinutes(2)).stored())), false, false));
        bridge.drain(model);
        assertEquals(2, model.pendingUpdatesProperty().get());

        StoredSession laterRead = later.stored();
        bridge.onBatch(new FeedBatch(List.of(updated(same.stored()),
                updated(new StoredSession(laterRead.parsed(), laterRead.ttlMillis() + 600_000, laterRead.value())),
                updated(TestRows.session("welno_a", "auth_request_sent", T0.plusMinutes(3)).stored()),
                new SessionChange(ChangeKind.REMOVED, "welno_b", null)), true, true));
        bridge.drain(model);

        assertEquals(List.of("auth_request_sent", "auth_request_sent", "initiated", "initiated"),
                model.allRows().stream().map(r -> r.status().wire()).toList(), "the table holds still");
        assertTrue(model.allRows().stream().noneMatch(SessionRow::isEnded), "the table holds still");
        assertEquals(3, model.pendingUpdatesProperty().get(),
                "a and b changed, welno_later's TTL was moved by an EXPIRE; welno_same is no new update");
        model.pausedProperty().set(false);
        assertEquals("auth_request_sent", model.row("welno_a").status().wire());
        assertTrue(model.row("welno_b").isEnded(), "b stays deleted");
        assertEquals(laterRead.ttlMillis() + 600_000, model.row("welno_later").ttlNowMillis(clock.millis()));
    }

    /**
     * A resync's chunk may wait seconds between its PTTL reading and its batch: its TTL counts down from the reading,
     * so an unchanged session read again is no "new update" however long the chunk waited, while an EXPIRE that moved
     * the expiry out is one, and resuming shows the TTL Redis gave, counted from when it gave it.
     */
    @Test
    void aResyncChunkThatWaitedForItsBatchCountsOnlyATtlAWriteReset() {
        MutableClock moving = new MutableClock(T0.atZone(Timestamps.DEFAULT_ZONE).toInstant(), ZoneOffset.UTC);
        SessionTableModel table = new SessionTableModel(StuckPolicy.defaults(), moving, Timestamps.DEFAULT_ZONE);
        FeedBridge bridge = new FeedBridge(moving);
        StoredSession first = TestRows.session("welno_a", "auth_request_sent", T0).stored();
        long ttl = first.ttlMillis();
        bridge.onBatch(new FeedBatch(List.of(added(read(first, ttl, 0))), true, true));
        bridge.drain(table);
        table.pausedProperty().set(true);

        // read again by a resync two seconds on, unchanged, and handed on three seconds after that reading
        moving.advance(Duration.ofSeconds(5));
        bridge.onBatch(new FeedBatch(List.of(updated(read(first, ttl - 2_000, 3_000))), true, false));
        bridge.drain(table);
        assertEquals(0, table.pendingUpdatesProperty().get(), "its TTL only counted down");

        // an EXPIRE four seconds in set it back to the full TTL; read a second later, handed on two seconds after that
        moving.advance(Duration.ofSeconds(2));
        bridge.onBatch(new FeedBatch(List.of(updated(read(first, ttl - 1_000, 2_000))), true, true));
        bridge.drain(table);
        assertEquals(1, table.pendingUpdatesProperty().get(), "a write moved its expiry out");
        table.pausedProperty().set(false);
        long shown = table.row("welno_a").ttlNowMillis(moving.millis());
        assertTrue(Math.abs(shown - (ttl - 3_000)) < 1_000, "counted from its reading two seconds ago: " + shown);
    }

    /** {@code stored} as read {@code agoMillis} before now by the machine's monotonic clock, with {@code ttl} left. */
    private static StoredSession read(StoredSession stored, long ttl, long agoMillis) {
        return new StoredSession(stored.parsed(), ttl, stored.value(), System.nanoTime() - agoMillis * 1_000_000);
    }

    /**
     * Batches that reach the window within one frame are merged there; a live batch merged with a snapshot's must not
     * ride the snapshot past the pause (the table moved while the toolbar said paused, and the count left it out).
     */
    @Test
    void aLiveBatchInTheSameFrameAsASnapshotBatchWaitsWhilePaused() {
        FeedBridge bridge = new FeedBridge(clock);
        TestRows b = TestRows.session("welno_b", "initiated", T0.plusMinutes(1));
        bridge.onBatch(new FeedBatch(List.of(added(TestRows.session("welno_a", "initiated", T0.plusMinutes(1))
                .stored()), added(b.stored())), true, true));
        bridge.drain(model);
        model.pausedProperty().set(true);

        bridge.onBatch(new FeedBatch(List.of(updated(b.stored())), true, false)); // a resync's chunk, b unchanged
        bridge.onBatch(new FeedBatch(List.of(updated(TestRows.session("welno_a", "completed", T0.plusMinutes(2))
                .stored())), false, false)); // a push, the same frame
        bridge.drain(model);

        assertEquals("initiated", model.row("welno_a").status().wire(), "the paused table does not move");
        assertEquals(1, model.pendingUpdatesProperty().get());
        model.pausedProperty().set(false);
        assertEquals("completed", model.row("welno_a").status().wire());
    }

    private static SessionChange added(StoredSession stored) {
        return new SessionChange(ChangeKind.ADDED, stored.id(), stored);
    }

    private static SessionChange updated(StoredSession stored) {
        return new SessionChange(ChangeKind.UPDATED, stored.id(), stored);
    }

    @Test
    void stuckBucketCountsByLastProgressAndPolicy() {
        // Created 14:01, the clock says 14:30: initiated for 29 minutes is past the 10-minute default.
        apply(TestRows.session("old", "initiated", T0.plusMinutes(1)).expires(T0.plusHours(2)).row(),
                TestRows.session("fresh", "initiated", T0.plusMinutes(29)).expires(T0.plusHours(2)).row());
        model.tick();
        assertEquals(1, model.count(Bucket.STUCK).get());
        model.setStuckPolicy(model.stuckPolicy().with(io.welno.console.session.SessionStatus.INITIATED,
                java.time.Duration.ofHours(1)));
        assertEquals(0, model.count(Bucket.STUCK).get());
    }

    /** A batch that moves a stuck session on (or ends it) takes it out of the Stuck count at once, not a tick later. */
    @Test
    void aBatchMovesTheStuckCountWithoutWaitingForTheTick() {
        apply(TestRows.session("old", "initiated", T0.plusMinutes(1)).expires(T0.plusHours(2)).row(),
                TestRows.session("older", "initiated", T0).expires(T0.plusHours(2)).row());
        model.tick();
        assertEquals(2, model.count(Bucket.STUCK).get());
        apply(TestRows.session("old", "auth_request_sent", T0.plusMinutes(29)).expires(T0.plusHours(2)).row());
        assertEquals(1, model.count(Bucket.STUCK).get(), "it moved a minute ago");
        model.apply(List.of(new SessionTableModel.RowChange(ChangeKind.EXPIRED, "older", null)));
        assertEquals(0, model.count(Bucket.STUCK).get(), "an ended session is not stuck");
    }

    /**
     * The window's Stuck bucket is the flow's rule (the one reset-stuck and the command line's bucket apply), not
     * the threshold alone: a session the backend will drop within a minute is stuck, and a claimed one is stuck
     * exactly when its console's lease has lapsed.
     */
    @Test
    void stuckBucketFollowsTheExpiryAndAConsoleLease() {
        LocalDateTime now = T0.plusMinutes(30);
        apply(TestRows.session("expiring", "auth_request_sent", now.minusMinutes(2)).expires(now.plusSeconds(40))
                        .row(),
                TestRows.session("lapsed", "fetching_health_data", now.minusMinutes(2)).put("collection_started", true)
                        .expires(now.plusHours(1)).claimed(now.minusMinutes(2), now.minusSeconds(30)).row(),
                TestRows.session("leased", "fetching_health_data", now.minusMinutes(20))
                        .put("collection_started", true).expires(now.plusHours(1))
                        .claimed(now.minusMinutes(20), now.plusMinutes(1))
                        .row(),
                TestRows.session("moving", "auth_request_sent", now.minusMinutes(2)).expires(now.plusHours(1)).row());
        model.tick();
        assertEquals(2, model.count(Bucket.STUCK).get(), "idle past its threshold, but its console's lease runs");
        model.bucketProperty().set(Bucket.STUCK);
        assertEquals(List.of("expiring", "lapsed"), shownIds().stream().sorted().toList());
        StuckPolicy policy = model.stuckPolicy();
        assertEquals(io.welno.console.session.StuckReason.Kind.EXPIRES_SOON,
                policy.why(model.row("expiring").document(), now).orElseThrow().kind());
        assertTrue(io.welno.console.view.StuckExplanation.of(model.row("lapsed"), policy, now).isPresent(),
                "a row in the bucket says why");
    }

    /**
     * Random batches of arrivals, updates, expiries and filter and order switches, against a plain filter and
     * sort of all rows: the view holds exactly those rows, in order, and a list that applied every published
     * change holds the same rows (so a table told only those changes shows the truth).
     */
    @Test
    void theSortedViewMatchesAPlainFilterAndSortThroughRandomBatches() {
        Random random = new Random(20261125);
        Map<String, SessionRow> live = new HashMap<>();
        List<Comparator<SessionRow>> orders = List.of(
                Comparator.comparing(SessionRow::updatedAt).reversed(),
                Comparator.comparing(r -> r.status().wire()),
                Comparator.comparing(SessionRow::createdAt));
        Comparator<SessionRow> order = null;
        for (int round = 0; round < 300; round++) {
            List<SessionTableModel.RowChange> batch = new ArrayList<>();
            int size = 1 + random.nextInt(40);
            java.util.Set<String> inBatch = new java.util.HashSet<>();
            for (int i = 0; i < size; i++) {
                String id = "welno_" + random.nextInt(400);
                if (!inBatch.add(id)) {
                    continue; // the bridge merges a frame's changes by id
                }
                if (random.nextInt(10) == 0) {
                    batch.add(new SessionTableModel.RowChange(ChangeKind.EXPIRED, id, null));
                    live.remove(id);
                } else {
                    SessionRow r = row(id, STATUSES[random.nextInt(STATUSES.length)], random.nextInt(30));
                    batch.add(new SessionTableModel.RowChange(ChangeKind.UPDATED, id, r));
                    live.put(id, r);
                }
            }
            model.apply(batch);
            if (random.nextInt(25) == 0) {
                order = orders.get(random.nextInt(orders.size()));
                model.rows().comparatorProperty().set(order);
            }
            if (random.nextInt(8) == 0) {
                model.searchProperty().set(List.of("", "welno_1", "welno_12", "1", "12", "2").get(random.nextInt(6)));
            }
            Predicate<SessionRow> filter = model.predicate();
            Comparator<SessionRow> total = (order == null ? Comparator.comparing(SessionRow::id)
                    : order.thenComparing(SessionRow::id));
            List<String> expected = live.values().stream().filter(filter).sorted(total).map(SessionRow::id).toList();
            assertEquals(expected, shownIds(), "round " + round);
            assertTrue(model.rows().isOrdered());
            assertEquals(shownIds(), mirror.stream().map(SessionRow::id).toList(), "published changes, round " + round);
            for (int i = 0; i < model.rows().size(); i++) {
                assertSame(model.rows().get(i), mirror.get(i));
                assertEquals(i, model.rows().indexOf(model.rows().get(i)));
            }
        }
    }

    /**
     * The Stuck bucket on screen while the clock moves on (now and then back) and batches arrive: after every tick and
     * every batch it holds exactly the sessions stuck at the tick's time, in order, and a list that applied every
     * published change holds the same; a tick only adds the sessions that became stuck, and one that made none stuck
     * tells the table nothing (its cells are not drawn again).
     */
    @Test
    void theStuckBucketFollowsTheClockByAddingWhatBecameStuck() {
        MutableClock moving = new MutableClock(T0.plusMinutes(5).atZone(Timestamps.DEFAULT_ZONE).toInstant(),
                ZoneOffset.UTC);
        SessionTableModel stuckModel = new SessionTableModel(StuckPolicy.defaults(), moving, Timestamps.DEFAULT_ZONE);
        List<SessionRow> seen = new ArrayList<>();
        int[] updates = {0};
        stuckModel.rows().addListener((ListChangeListener<SessionRow>) change -> {
            while (change.next()) {
                if (change.wasUpdated()) {
                    updates[0] += change.getTo() - change.getFrom();
                    for (int i = change.getFrom(); i < change.getTo(); i++) {
                        seen.set(i, change.getList().get(i));
                    }
                } else {
                    seen.subList(change.getFrom(), change.getFrom() + change.getRemovedSize()).clear();
                    seen.addAll(change.getFrom(), change.getAddedSubList());
                }
            }
        });
        stuckModel.bucketProperty().set(Bucket.STUCK);
        stuckModel.rows().comparatorProperty().set(Comparator.comparing(SessionRow::updatedAt).reversed());
        Random random = new Random(20261204);
        Map<String, SessionRow> live = new HashMap<>();
        LocalDateTime tickedAt = LocalDateTime.now(moving.withZone(Timestamps.DEFAULT_ZONE));
        for (int round = 0; round < 400; round++) {
            if (random.nextInt(3) == 0) {
                boolean back = random.nextInt(15) == 0;
                moving.advance(Duration.ofSeconds(back ? -random.nextInt(300) : random.nextInt(90)));
                tickedAt = LocalDateTime.now(moving.withZone(Timestamps.DEFAULT_ZONE));
                List<SessionRow> before = List.copyOf(stuckModel.rows());
                updates[0] = 0;
                stuckModel.tick();
                if (!back) {
                    LocalDateTime at = tickedAt;
                    assertTrue(stuckModel.rows().containsAll(before.stream()
                                    .filter(r -> !r.pastBackendExpiry(at)).toList()),
                            "what was stuck stays until its expiry, round " + round);
                    if (stuckModel.rows().equals(before)) {
                        assertEquals(0, updates[0], "nothing became stuck: the table is told nothing, round " + round);
                    }
                }
            } else {
                List<SessionTableModel.RowChange> batch = new ArrayList<>();
                java.util.Set<String> inBatch = new java.util.HashSet<>();
                for (int i = 0; i < 1 + random.nextInt(20); i++) {
                    String id = "welno_" + random.nextInt(300);
                    if (!inBatch.add(id)) {
                        continue;
                    }
                    if (random.nextInt(8) == 0) {
                        batch.add(new SessionTableModel.RowChange(ChangeKind.EXPIRED, id, null));
                        live.remove(id);
                    } else {
                        // idle since up to 20 minutes before the tick: some stuck now, some a few seconds later;
                        // some expire while stuck, and leave the bucket then
                        LocalDateTime progress = tickedAt.minusSeconds(random.nextInt(1200));
                        SessionRow r = TestRows.session(id, STATUSES[random.nextInt(STATUSES.length)], progress)
                                .expires(tickedAt.plusSeconds(random.nextInt(7200) - 60)).row();
                        batch.add(new SessionTableModel.RowChange(ChangeKind.UPDATED, id, r));
                        live.put(id, r);
                    }
                }
                stuckModel.apply(batch);
            }
            LocalDateTime at = tickedAt;
            List<String> expected = live.values().stream().filter(r -> r.isStuck(StuckPolicy.defaults(), at))
                    .sorted(Comparator.comparing(SessionRow::updatedAt).reversed().thenComparing(SessionRow::id))
                    .map(SessionRow::id).toList();
            List<String> shown = stuckModel.rows().stream().map(SessionRow::id).toList();
            assertEquals(expected, shown, "round " + round);
            assertEquals(shown, seen.stream().map(SessionRow::id).toList(), "published changes, round " + round);
            assertEquals(expected.size(), stuckModel.count(Bucket.STUCK).get(), "the count, round " + round);
        }
    }
}
