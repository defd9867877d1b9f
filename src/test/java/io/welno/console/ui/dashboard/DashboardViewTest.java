package io.welno.console.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.live.ChangeKind;
import io.welno.console.session.StuckPolicy;
import io.welno.console.session.Timestamps;
import io.welno.console.testing.FxState;
import io.welno.console.testing.MutableClock;
import io.welno.console.testing.OwnStage;
import io.welno.console.testing.TestRows;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.table.SessionTableModel;
import io.welno.console.view.DashboardModel.Group;
import io.welno.console.view.SessionRow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.geometry.Side;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The status chart's first minute: one sample draws no area, so the chart says when it will. */
@ExtendWith(ApplicationExtension.class)
class DashboardViewTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T05:10:20Z"), Timestamps.DEFAULT_ZONE);
    private final I18n i18n = new I18n(I18n.ENGLISH);
    private DashboardView dashboard;
    private SessionTableModel model;
    private Stage stage;

    @Start
    void start(Stage primary) {
        model = new SessionTableModel(StuckPolicy.defaults(), clock, Timestamps.DEFAULT_ZONE);
        dashboard = new DashboardView(model, i18n, clock, Timestamps.DEFAULT_ZONE, () -> true, Runnable::run);
        stage = OwnStage.show(dashboard, 1200, 760);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> {
            dashboard.stop();
            stage.close();
        });
    }

    @Test
    void theChartSaysItDrawsFromTheSecondMinute(FxRobot robot) throws Exception {
        robot.interact(dashboard::start);
        FxState.await("the first minute's figures", () -> dashboard.shown() != null);
        Label waiting = robot.lookup("#statusChartFirstMinute").queryAs(Label.class);
        FxState.check(() -> {
            assertEquals(1, dashboard.shown().history().size());
            assertTrue(waiting.isVisible(), "one minute draws no area");
            assertEquals("The console counts the sessions once a minute from when it connected: the chart"
                    + " appears from the second minute.", waiting.getText());
        });
        robot.interact(() -> i18n.setLocale(I18n.KOREAN));
        FxState.check(() -> assertTrue(waiting.getText().startsWith("콘솔은 연결한 때부터 1분마다"), waiting.getText()));

        clock.advance(Duration.ofMinutes(1));
        robot.interact(dashboard::refresh);
        FxState.await("the second minute's figures", () -> dashboard.shown().history().size() == 2);
        FxState.check(() -> assertFalse(waiting.isVisible(), "two minutes draw the areas"));
    }

    /**
     * A screen reader reads each funnel bar in the window's language: JavaFX's own words ("X Axis is … Y Axis is …",
     * "Bar") have no Korean. After a language switch the new bars are read in it too.
     */
    @Test
    void theFunnelsBarsAreReadAloudInTheWindowsLanguage(FxRobot robot) throws Exception {
        robot.interact(dashboard::start);
        FxState.await("the first minute's figures", () -> dashboard.shown() != null);
        FxState.check(() -> {
            List<String> read = dashboard.barDescriptions();
            assertEquals(4, read.size(), read.toString());
            assertTrue(read.stream().allMatch(text -> text != null && text.startsWith("Bar: ")
                    && text.contains(", sessions: ") && !text.contains("Axis")), read.toString());
        });
        robot.interact(() -> i18n.setLocale(I18n.KOREAN));
        FxState.check(() -> {
            List<String> read = dashboard.barDescriptions();
            assertTrue(read.stream().allMatch(text -> text != null && text.startsWith("막대: ")
                    && !text.matches("(?s).*[A-Za-z].*")), read.toString());
        });
    }

    /** The charts' count axes group their figures as the tiles beside them do: "12,000" beside "1,767", not "12000". */
    @Test
    void theCountAxesGroupTheirFiguresAsTheTilesDo(FxRobot robot) throws Exception {
        robot.interact(() -> i18n.setLocale(I18n.KOREAN));
        List<NumberAxis> counts = robot.lookup(".axis").queryAll().stream()
                .filter(node -> node instanceof NumberAxis axis && axis.getSide() == Side.LEFT)
                .map(NumberAxis.class::cast).toList();
        assertEquals(2, counts.size(), "the status chart's and the funnel's");
        FxState.check(() -> {
            for (NumberAxis axis : counts) {
                assertEquals("12,000", axis.getTickLabelFormatter().toString(12_000));
                assertEquals("500", axis.getTickLabelFormatter().toString(500));
                assertEquals("", axis.getTickLabelFormatter().toString(2.5), "no half sessions");
            }
        });
    }

    /**
     * A pause holds back the table, not the figures: they count the sessions as the feed last told, and the line over
     * them says so. Disconnected, the figures are the last ones read, and the line says that.
     */
    @Test
    void thePauseHoldsBackTheTableNotTheFigures(FxRobot robot) throws Exception {
        robot.interact(dashboard::start);
        FxState.await("the first figures", () -> dashboard.shown() != null);
        Label updated = robot.lookup("#dashboardUpdated").queryAs(Label.class);
        FxState.check(() -> assertTrue(updated.getText().startsWith("Updated "), updated.getText()));
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), Timestamps.DEFAULT_ZONE);
        robot.interact(() -> {
            model.pausedProperty().set(true);
            model.apply(List.of(change(TestRows.session("welno_p", "auth_request_sent", now.minusMinutes(1))
                    .requested(now.minusSeconds(30)).expires(now.plusMinutes(5)).row())));
            dashboard.refresh();
        });
        FxState.await("paused", () -> updated.getText().endsWith("the pause holds back the Sessions table only, not "
                + "these figures"));
        FxState.check(() -> {
            assertEquals(1, dashboard.shown().liveTotal(), "the session the table holds back is counted");
            assertEquals(1, dashboard.shown().funnel().started());
        });
        robot.interact(() -> {
            model.pausedProperty().set(false);
            model.followingProperty().set(false);
            dashboard.refresh();
        });
        FxState.await("behind", () -> updated.getText().startsWith("Not connected: figures of the sessions as last "
                + "read"));
    }

    /**
     * A minute's point while the table is paused is measured (the held changes are in it); one while the connection is
     * down would be the last rows read again, a flat line nobody measured: the minute has no point instead.
     */
    @Test
    void aPointWhilePausedIsMeasuredAndNoneIsMadeWhileDisconnected(FxRobot robot) throws Exception {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), Timestamps.DEFAULT_ZONE);
        robot.interact(dashboard::start);
        FxState.await("the first minute's point", () -> dashboard.shown() != null);
        robot.interact(() -> {
            model.pausedProperty().set(true);
            for (int i = 0; i < 3; i++) {
                model.apply(List.of(change(TestRows.session("welno_w" + i, "auth_request_sent", now)
                        .requested(now.plusSeconds(5)).expires(now.plusMinutes(30)).row())));
            }
        });
        clock.advance(Duration.ofMinutes(1));
        robot.interact(dashboard::refresh);
        FxState.await("the second minute's point", () -> dashboard.shown().history().size() == 2);
        FxState.check(() -> assertEquals(3, dashboard.shown().history().get(1).count(Group.WAITING),
                "measured with the changes the paused table holds back, not a flat line"));

        robot.interact(() -> {
            model.pausedProperty().set(false);
            model.followingProperty().set(false);
        });
        clock.advance(Duration.ofMinutes(1));
        robot.interact(dashboard::refresh);
        FxState.await("the figures as last read", () -> dashboard.shown().at().equals(now.plusMinutes(2)));
        FxState.check(() -> assertEquals(2, dashboard.shown().history().size(), "no point for a minute not followed"));
    }

    /** The started figures count every session seen to start, however many ended rows the table kept. */
    @Test
    void theFiguresCountEverySessionSeenNotOnlyTheRowsKept(FxRobot robot) throws Exception {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), Timestamps.DEFAULT_ZONE);
        int n = SessionTableModel.ENDED_CAPACITY + 100;
        robot.interact(() -> {
            for (int i = 0; i < n; i++) {
                SessionRow row = TestRows.session("welno_e" + i, "error", now.minusMinutes(i % 50)).row();
                model.apply(List.of(change(row)));
                model.apply(List.of(new SessionTableModel.RowChange(ChangeKind.REMOVED, row.id(), null)));
            }
            dashboard.start();
        });
        FxState.await("the figures", () -> dashboard.shown() != null);
        Label started = robot.lookup("#kpi-started").queryAs(Label.class);
        Label errors = robot.lookup("#kpi-error-rate-detail").queryAs(Label.class);
        FxState.check(() -> {
            assertEquals(n, dashboard.shown().funnel().started());
            assertEquals(n, dashboard.shown().failed());
            assertEquals("600", started.getText());
            assertEquals("600 of 600 ended in error", errors.getText());
        });
    }

    /** Figures that may lack sessions say so: since when the console counts, and when it was not connected. */
    @Test
    void theFiguresSayWhatTheyMayLack(FxRobot robot) throws Exception {
        Label coverage = robot.lookup("#dashboardCoverage").queryAs(Label.class);
        robot.interact(() -> {
            model.feedFollowing(true); // 14:10:20 in Seoul
            dashboard.start();
        });
        FxState.await("the first figures", () -> dashboard.shown() != null);
        FxState.check(() -> {
            assertTrue(coverage.isVisible());
            assertEquals("Counting since the console connected at 14:10: sessions that ended before then are missing "
                    + "from the started, funnel, error and approval figures.", coverage.getText());
        });
        robot.interact(() -> i18n.setLocale(I18n.KOREAN));
        FxState.check(() -> assertTrue(coverage.getText().startsWith("콘솔이 연결된 14:10부터 셉니다."),
                coverage.getText()));
        robot.interact(() -> i18n.setLocale(I18n.ENGLISH));

        clock.advance(Duration.ofMinutes(10));
        robot.interact(() -> model.feedFollowing(false));
        clock.advance(Duration.ofMinutes(3));
        robot.interact(() -> model.feedFollowing(true));
        clock.advance(Duration.ofMinutes(50));
        robot.interact(dashboard::refresh);
        FxState.await("a gap within the hour", () -> coverage.getText().startsWith("Not connected from 14:20 to "
                + "14:23: sessions that started and ended meanwhile are missing"));
        clock.advance(Duration.ofMinutes(15));
        robot.interact(dashboard::refresh);
        FxState.await("a full hour seen", () -> !coverage.isVisible());
    }

    private static SessionTableModel.RowChange change(SessionRow row) {
        return new SessionTableModel.RowChange(ChangeKind.UPDATED, row.id(), row);
    }

    /** Keys the backend no longer serves are not live: the tile says how many Redis still keeps. */
    @Test
    void theLiveTileLeavesOutSessionsPastTheirExpiryAndSaysHowMany(FxRobot robot) throws Exception {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), Timestamps.DEFAULT_ZONE);
        SessionRow waiting = TestRows.session("welno_w", "auth_request_sent", now.minusMinutes(3))
                .requested(now.minusMinutes(2)).polled(now.minusSeconds(4)).row();
        SessionRow abandoned = TestRows.session("welno_gone", "auth_request_sent", now.minusMinutes(30))
                .requested(now.minusMinutes(29)).row();
        robot.interact(() -> {
            model.apply(List.of(new SessionTableModel.RowChange(ChangeKind.ADDED, waiting.id(), waiting),
                    new SessionTableModel.RowChange(ChangeKind.ADDED, abandoned.id(), abandoned)));
            dashboard.start();
        });
        FxState.await("the figures", () -> dashboard.shown() != null);
        Label live = robot.lookup("#kpi-live").queryAs(Label.class);
        Label detail = robot.lookup("#kpi-live-detail").queryAs(Label.class);
        Label note = robot.lookup("#kpi-live-note").queryAs(Label.class);
        FxState.check(() -> {
            assertEquals("1", live.getText());
            assertEquals("1 waiting · 0 collecting", detail.getText());
            assertEquals("+1 past expiry", note.getText());
        });
        robot.interact(() -> i18n.setLocale(I18n.KOREAN));
        FxState.check(() -> assertEquals("+ 만료 지남 1", note.getText()));
    }

    /** The figures are computed on the window's executor, one computation at a time, and none is shown once stopped. */
    @Test
    void theFiguresAreComputedOnTheGivenExecutorOneAtATime(FxRobot robot) throws Exception {
        List<Runnable> queued = new CopyOnWriteArrayList<>();
        DashboardView[] view = new DashboardView[1];
        robot.interact(() -> {
            view[0] = new DashboardView(model, i18n, clock, Timestamps.DEFAULT_ZONE, () -> true, queued::add);
            view[0].start();
            view[0].refresh();
        });
        assertEquals(1, queued.size(), "a refresh while the figures are being computed skips a beat");
        queued.get(0).run();
        FxState.await("the figures shown", () -> view[0].shown() != null);
        Object[] first = new Object[1];
        robot.interact(() -> first[0] = view[0].shown());

        robot.interact(view[0]::refresh);
        assertEquals(2, queued.size(), "the next refresh computes again");
        int before = queued.size();
        robot.interact(() -> {
            view[0].stop();
            view[0].refresh();
        });
        assertEquals(before, queued.size(), "a stopped dashboard computes nothing");
        queued.get(1).run(); // computed, but it arrives after the stop
        Object[] last = new Object[1];
        robot.interact(() -> last[0] = view[0].shown()); // after the run-later the task posted
        assertSame(first[0], last[0], "nothing is shown once stopped");
    }
}
