package io.welno.console.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.welno.console.live.ChangeKind;
import io.welno.console.session.SessionStatus;
import io.welno.console.session.StuckPolicy;
import io.welno.console.testing.TestRows;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The Stuck count kept as rows come and go is, at every moment, the count a pass over every row gives: rows become
 * stuck as the clock passes their moment (to the microsecond, as the guards compare), leave the count when a new
 * version or an end replaces them or their expiry passes, and only live rows the filter lets through count.
 */
class StuckTallyTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2026, 11, 25, 14, 0);
    private static final String[] STATUSES = {"initiated", "auth_requesting", "auth_request_sent", "authenticated",
        "fetching_health_data", "completed", "error"};

    private final List<SessionRow> rows = new ArrayList<>();

    private static SessionRow row(String id, String status, LocalDateTime lastProgress) {
        return TestRows.session(id, status, lastProgress).expires(T0.plusHours(3)).row();
    }

    @Test
    void rowsBecomeStuckAsTheClockPassesTheirMoment() {
        // initiated is stuck after 10 idle minutes by default, auth_requesting after 150 s
        rows.add(row("a", "initiated", T0));
        rows.add(row("b", "auth_requesting", T0.plusMinutes(5)));
        rows.add(row("c", "completed", T0));
        StuckTally tally = new StuckTally(rows, StuckPolicy.defaults(), r -> true, T0);
        assertEquals(0, tally.count());
        assertEquals(Optional.of(List.of()), became(tally.advanceTo(T0.plusMinutes(7).plusSeconds(30))),
                "b is stuck only after 14:07:30");
        assertEquals(Optional.of(List.of("b")), became(tally.advanceTo(T0.plusMinutes(7).plusSeconds(30)
                .plusNanos(1_000))), "the microsecond after, as the guards count");
        assertEquals(1, tally.count());
        assertEquals(Optional.of(List.of("a")), became(tally.advanceTo(T0.plusHours(1))),
                "a after 14:10; completed never");
        assertEquals(2, tally.count());
        assertEquals(Optional.empty(), tally.advanceTo(T0), "a clock that went back counts again");
        assertEquals(0, tally.count());
    }

    @Test
    void aNewVersionOrAnEndTakesTheRowOutOfTheCount() {
        SessionRow idle = row("a", "initiated", T0);
        rows.add(idle);
        StuckTally tally = new StuckTally(rows, StuckPolicy.defaults(), r -> true, T0.plusMinutes(20));
        assertEquals(1, tally.count());

        SessionRow moved = row("a", "auth_request_sent", T0.plusMinutes(19));
        rows.set(0, moved);
        tally.remove(idle);
        tally.add(moved);
        assertEquals(0, tally.count(), "it moved a minute ago");
        assertEquals(Optional.of(List.of("a")), became(tally.advanceTo(T0.plusMinutes(29).plusSeconds(1))));

        SessionRow ended = moved.ended(ChangeKind.EXPIRED, T0.plusMinutes(30));
        rows.set(0, ended);
        tally.remove(moved);
        tally.add(ended);
        assertEquals(0, tally.count(), "an ended row is not stuck");
    }

    @Test
    void onlyTheRowsTheFilterLetsThroughCount() {
        rows.add(row("a", "initiated", T0));
        rows.add(row("b", "initiated", T0));
        StuckTally tally = new StuckTally(rows, StuckPolicy.defaults(), r -> r.id().equals("a"),
                T0.plusHours(1));
        assertEquals(1, tally.count());
        tally.recount(StuckPolicy.defaults(), r -> true, T0.plusHours(1));
        assertEquals(2, tally.count());
        tally.recount(StuckPolicy.defaults().with(SessionStatus.INITIATED, Duration.ofHours(2)), r -> true,
                T0.plusHours(1));
        assertEquals(0, tally.count(), "a new policy counts again");
    }

    /**
     * Random arrivals, new versions, ends, departures, clock steps (some back) and filter and policy switches: after
     * each, the tally's count is the count of a pass over every row, and a step of the clock names exactly the rows
     * that became stuck.
     */
    @Test
    void theTallyIsAlwaysThePassOverEveryRow() {
        Random random = new Random(20261204);
        StuckPolicy[] policies = {StuckPolicy.defaults(),
            StuckPolicy.defaults().with(SessionStatus.INITIATED, Duration.ofMinutes(3))
                    .with(SessionStatus.AUTHENTICATED, Duration.ofMinutes(30))};
        List<Predicate<SessionRow>> filters = List.of(r -> true, r -> r.id().hashCode() % 3 != 0,
                r -> r.status().wire().startsWith("auth"));
        StuckPolicy policy = policies[0];
        Predicate<SessionRow> filter = filters.get(0);
        LocalDateTime now = T0;
        StuckTally tally = new StuckTally(rows, policy, filter, now);
        for (int step = 0; step < 20_000; step++) {
            int what = random.nextInt(100);
            if (what < 40 || rows.isEmpty()) {
                String id = "s" + random.nextInt(400);
                // Expiries before, within and after the time a row takes to get stuck, some already passed; times
                // to the microsecond, as the backend writes them, so that a step can end inside a row's second.
                SessionRow fresh = TestRows.session(id, STATUSES[random.nextInt(STATUSES.length)],
                        now.minusNanos(random.nextLong(1_800_000_000L) * 1_000))
                        .expires(now.plusNanos((random.nextLong(2_400_000_000L) - 600_000_000L) * 1_000)).row();
                int at = indexOf(id);
                if (at < 0) {
                    rows.add(fresh);
                } else {
                    tally.remove(rows.get(at));
                    rows.set(at, fresh);
                }
                tally.add(fresh);
            } else if (what < 55) {
                int at = random.nextInt(rows.size());
                SessionRow current = rows.get(at);
                if (!current.isEnded()) {
                    SessionRow ended = current.ended(ChangeKind.REMOVED, T0);
                    tally.remove(current);
                    rows.set(at, ended);
                    tally.add(ended);
                }
            } else if (what < 65) {
                tally.remove(rows.remove(random.nextInt(rows.size())));
            } else if (what < 95) {
                Set<String> before = stuckIds(policy, filter, now);
                now = random.nextInt(10) == 0 ? now.minusSeconds(random.nextInt(600))
                        : now.plusNanos(random.nextLong(120_000_000L) * 1_000);
                Optional<StuckTally.Moved> moved = tally.advanceTo(now);
                if (moved.isPresent()) {
                    Set<String> after = stuckIds(policy, filter, now);
                    Set<String> became = new HashSet<>(after);
                    became.removeAll(before);
                    Set<String> expired = new HashSet<>(before);
                    expired.removeAll(after);
                    assertEquals(became, Set.copyOf(moved.get().became()), "became stuck, step " + step);
                    assertEquals(expired, Set.copyOf(moved.get().expired()), "expired, step " + step);
                    assertEquals(moved.get().became().size() + moved.get().expired().size(),
                            became.size() + expired.size(), "each once");
                }
            } else if (what < 98) {
                filter = filters.get(random.nextInt(filters.size()));
                tally.recount(policy, filter, now);
            } else {
                policy = policies[random.nextInt(policies.length)];
                tally.recount(policy, filter, now);
            }
            assertEquals(pass(policy, filter, now), tally.count(), "after step " + step);
        }
    }

    private static Optional<List<String>> became(Optional<StuckTally.Moved> moved) {
        return moved.map(StuckTally.Moved::became);
    }

    /** A row stuck until its expires_at leaves the count then: the backend deletes it on its next read. */
    @Test
    void aStuckRowLeavesTheCountWhenItsExpiryPasses() {
        rows.add(TestRows.session("a", "initiated", T0).expires(T0.plusMinutes(15)).row());
        rows.add(TestRows.session("b", "initiated", T0).expires(T0.plusMinutes(5)).row());
        StuckTally tally = new StuckTally(rows, StuckPolicy.defaults(), r -> true, T0);
        // b would be stuck a minute before its expiry (14:04) and leaves at it (14:05); a is stuck from 14:10.
        assertEquals(Optional.of(new StuckTally.Moved(List.of("b"), List.of())),
                tally.advanceTo(T0.plusMinutes(4).plusSeconds(1)));
        assertEquals(1, tally.count());
        assertEquals(Optional.of(new StuckTally.Moved(List.of(), List.of("b"))),
                tally.advanceTo(T0.plusMinutes(5).plusSeconds(1)));
        assertEquals(0, tally.count());
        assertEquals(Optional.of(new StuckTally.Moved(List.of("a"), List.of())),
                tally.advanceTo(T0.plusMinutes(10).plusSeconds(1)));
        assertEquals(Optional.of(new StuckTally.Moved(List.of(), List.of("a"))),
                tally.advanceTo(T0.plusHours(2)), "a long step names it too");
        assertEquals(0, tally.count());

        rows.add(TestRows.session("c", "initiated", T0).expires(T0.plusHours(1)).row());
        tally.add(rows.get(2));
        assertEquals(0, tally.count(), "a row added after its expiry never counts");
    }

    private int indexOf(String id) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private int pass(StuckPolicy policy, Predicate<SessionRow> filter, LocalDateTime now) {
        return stuckIds(policy, filter, now).size();
    }

    private Set<String> stuckIds(StuckPolicy policy, Predicate<SessionRow> filter, LocalDateTime now) {
        Set<String> ids = new HashSet<>();
        for (SessionRow row : rows) {
            if (!row.isEnded() && filter.test(row) && row.isStuck(policy, now)) {
                ids.add(row.id());
            }
        }
        return ids;
    }
}
