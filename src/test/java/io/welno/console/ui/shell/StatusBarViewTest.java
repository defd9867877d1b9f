package io.welno.console.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.live.ChangeKind;
import io.welno.console.live.ClockOffset;
import io.welno.console.live.FeedPulse;
import io.welno.console.live.FeedMode;
import io.welno.console.session.StuckPolicy;
import io.welno.console.session.Timestamps;
import io.welno.console.testing.FxState;
import io.welno.console.testing.TestRows;
import io.welno.console.text.Phrase;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.table.FeedBridge;
import io.welno.console.ui.table.SessionTableModel;
import io.welno.console.view.FeedReach;
import io.welno.console.view.SessionRow;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The latency on the status bar is the last PING's round trip until the PING sent since has waited longer than that
 * and a second; then it says how long Redis has not answered, in both languages, marked.
 */
@ExtendWith(ApplicationExtension.class)
class StatusBarViewTest {

    private double rate;
    private long latency = 3;
    private long unanswered;
    private ClockOffset offset;

    @Test
    void aPingLeftUnansweredIsShownInsteadOfTheLastRoundTrip() throws Exception {
        I18n i18n = new I18n(Locale.ENGLISH);
        StatusBarView bar = barReadingFields(i18n);

        unanswered = 400; // a PING on its way: the last answer still stands
        assertEquals("Redis 3 ms", shown(bar));
        assertFalse(late(bar));

        unanswered = 4_200;
        assertEquals("Redis: no answer for 4 s", shown(bar));
        assertTrue(late(bar));
        FxState.check(() -> i18n.setLocale(Locale.KOREAN));
        assertEquals("Redis 응답 없음 4초", shown(bar));

        unanswered = 0;
        latency = -1; // given up: no round trip to show
        assertEquals("Redis 지연 –", shown(bar));
        assertFalse(late(bar));

        latency = 0; // under a millisecond, as on loopback
        assertEquals("Redis 1ms 미만", shown(bar));

        latency = 2_500; // a slow answer that came is a round trip, whatever the wait before it
        unanswered = 1_500;
        assertEquals("Redis 2,500ms", shown(bar));
    }

    /**
     * A LIVE feed whose PING goes unanswered is not shown as LIVE: the feed keeps its mode until the watchdog gives the
     * link up, but once the window judges Redis not answering the label says NO ANSWER in its own colour and the bar's
     * sentence says what that means, in both languages, and beside PAUSED as any state but LIVE; the answer coming
     * back restores LIVE and the feed's sentence.
     */
    @Test
    void aLiveFeedWhosePingGoesUnansweredIsNotShownAsLive() throws Exception {
        I18n i18n = new I18n(Locale.ENGLISH);
        SessionTableModel model = newModel();
        StatusBarView bar = liveBar(model, i18n);
        FxState.check(() -> bar.setFeedPulse(fieldPulse()));
        unanswered = 400;
        judge(bar);
        assertEquals("LIVE", mode(bar));
        assertTrue(styled(bar, "mode-live"));

        unanswered = 4_200;
        judge(bar);
        assertEquals("NO ANSWER", mode(bar));
        assertTrue(styled(bar, "mode-unanswered"));
        assertFalse(styled(bar, "mode-live"));
        assertTrue(sentence(bar).startsWith("Redis has not answered for 4 s: changes made meanwhile"), sentence(bar));
        FxState.check(() -> i18n.setLocale(Locale.KOREAN));
        assertEquals("응답 없음", mode(bar), "the language changed, the judgement stands");
        assertTrue(sentence(bar).startsWith("Redis가 4초째 응답하지 않습니다."), sentence(bar));

        FxState.check(() -> model.pausedProperty().set(true));
        assertEquals("응답 없음 · 일시 정지 · 0건 대기", mode(bar));
        assertTrue(styled(bar, "mode-unanswered"), "the state's colour, not the pause's");
        FxState.check(() -> model.pausedProperty().set(false));

        unanswered = 0;
        judge(bar);
        FxState.check(() -> i18n.setLocale(Locale.ENGLISH));
        assertEquals("LIVE", mode(bar));
        assertTrue(styled(bar, "mode-live"));
        assertFalse(styled(bar, "mode-unanswered"));
        assertFalse(sentence(bar).contains("not answered"), sentence(bar));
    }

    /** The bar told the reach the window's pulse judges from this test's fields (the feed LIVE). */
    private void judge(StatusBarView bar) throws Exception {
        FxState.check(() -> bar.update(FeedReach.of(FeedMode.LIVE, unanswered, latency)));
    }

    private static String sentence(StatusBarView bar) throws Exception {
        return FxState.read(() -> {
            bar.update();
            return bar.node().getText();
        });
    }

    /**
     * This computer's clock far from Redis's is said beside the clock, which way and by how much, in both languages;
     * a difference a round trip could hide, or one under half a minute, is not.
     */
    @Test
    void aClockFarFromRedissIsSaidBesideTheClock() throws Exception {
        I18n i18n = new I18n(Locale.ENGLISH);
        StatusBarView bar = barReadingFields(i18n);
        assertEquals(null, clockOffset(bar), "never read");

        offset = new ClockOffset(-252_400, 2); // this computer 4 min 12 s ahead
        assertEquals("Clock 4m 12s ahead of Redis", clockOffset(bar));
        assertTrue(FxState.read(() -> item(bar, "clockOffset").getTooltip().getText())
                .startsWith("This computer's clock is 4m 12s ahead of the Redis server's."));
        FxState.check(() -> i18n.setLocale(Locale.KOREAN));
        assertEquals("시계가 Redis보다 4분 12초 빠름", clockOffset(bar));

        offset = new ClockOffset(3 * 3_600_000L + 120_000, 1); // behind, by hours (a zone set wrong, say)
        assertEquals("시계가 Redis보다 3시간 02분 느림", clockOffset(bar));
        FxState.check(() -> i18n.setLocale(Locale.ENGLISH));
        assertEquals("Clock 3h 02m behind Redis", clockOffset(bar));

        offset = new ClockOffset(29_000, 1); // within what a countdown shrugs off
        assertEquals(null, clockOffset(bar));
        offset = new ClockOffset(-40_000, 15_000); // 40 s, but a slow round trip could hide 15 of them
        assertEquals(null, clockOffset(bar));
    }

    /** A status bar whose feed figures are this test's fields, read at each update. */
    private StatusBarView barReadingFields(I18n i18n) throws Exception {
        return FxState.read(() -> {
            StatusBarView view = new StatusBarView(new FeedBridge(),
                    new SessionTableModel(StuckPolicy.defaults(), Clock.systemUTC(), Timestamps.DEFAULT_ZONE), i18n,
                    Clock.systemUTC(), Timestamps.DEFAULT_ZONE);
            view.setFeedPulse(fieldPulse());
            return view;
        });
    }

    private FeedPulse fieldPulse() {
        return new FeedPulse() {
            @Override
            public double eventsPerSecond() {
                return rate;
            }

            @Override
            public long latencyMillis() {
                return latency;
            }

            @Override
            public long unansweredMillis() {
                return unanswered;
            }

            @Override
            public Optional<ClockOffset> clockOffset() {
                return Optional.ofNullable(offset);
            }
        };
    }

    /** The clock's offset as the bar shows it, or null when it shows none. */
    private static String clockOffset(StatusBarView bar) throws Exception {
        return FxState.read(() -> {
            bar.update();
            Label label = item(bar, "clockOffset");
            return label.isVisible() && label.isManaged() ? label.getText() : null;
        });
    }

    /** The rate follows the window's language, not the JVM's: a German default locale's "1,5" is not shown. */
    @Test
    void theEventRateIsWrittenInTheWindowsLanguageWhateverTheJvmsLocale() throws Exception {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            I18n i18n = new I18n(Locale.ENGLISH);
            rate = 1234.5;
            StatusBarView bar = barReadingFields(i18n);
            assertEquals("1,234.5 events/s", rate(bar));
            FxState.check(() -> i18n.setLocale(Locale.KOREAN));
            assertEquals("초당 이벤트 1,234.5", rate(bar));
        } finally {
            Locale.setDefault(before);
        }
    }

    private static String rate(StatusBarView bar) throws Exception {
        return FxState.read(() -> {
            bar.update();
            return item(bar, "eventRate").getText();
        });
    }

    @Test
    void theSessionCountSaysItIsTheLastReadWhileTheFeedIsNotFollowing() throws Exception {
        I18n i18n = new I18n(Locale.ENGLISH);
        SessionTableModel model = newModel();
        StatusBarView bar = FxState.read(() -> new StatusBarView(new FeedBridge(), model, i18n, Clock.systemUTC(),
                Timestamps.DEFAULT_ZONE));
        assertEquals("0 sessions", count(bar));
        assertFalse(stale(bar));

        FxState.check(() -> model.followingProperty().set(false));
        assertEquals("0 sessions when last read", count(bar));
        assertTrue(stale(bar));
        FxState.check(() -> i18n.setLocale(Locale.KOREAN));
        assertEquals("마지막으로 읽은 세션 0개", count(bar));

        FxState.check(() -> model.followingProperty().set(true));
        assertEquals("세션 0개", count(bar));
        assertFalse(stale(bar));

        // A key past its expires_at is counted apart: the backend deletes it on its next read.
        LocalDateTime started = LocalDateTime.now(Timestamps.DEFAULT_ZONE).minusMinutes(30);
        SessionRow past = TestRows.session("welno_past",
                "auth_request_sent", started).row();
        FxState.check(() -> model.apply(List.of(new SessionTableModel.RowChange(
                ChangeKind.ADDED, past.id(), past))));
        assertEquals("세션 1개(만료 지남 1개)", count(bar));
        FxState.check(() -> i18n.setLocale(Locale.ENGLISH));
        assertEquals("1 session, 1 past expires_at", count(bar));
    }

    /**
     * The count is the sessions that exist now as last read (its tip says so): the pause holds back the table, not
     * this count, as it does not the dashboard's figures. A session created and one deleted (the backend's read of a
     * key past its expires_at) while paused are counted at once; the table's own count stands still until the resume.
     */
    @Test
    void theSessionCountIsNotHeldBackByThePausedTable() throws Exception {
        I18n i18n = new I18n(Locale.ENGLISH);
        SessionTableModel model = newModel();
        StatusBarView bar = liveBar(model, i18n);
        LocalDateTime now = LocalDateTime.now(Timestamps.DEFAULT_ZONE);
        SessionRow fresh = TestRows.session("welno_fresh",
                "auth_request_sent", now.minusMinutes(1)).row();
        SessionRow past = TestRows.session("welno_past",
                "auth_request_sent", now.minusMinutes(30)).row();
        SessionRow created = TestRows.session("welno_new",
                "initiated", now).row();
        FxState.check(() -> model.apply(List.of(
                new SessionTableModel.RowChange(ChangeKind.ADDED, fresh.id(), fresh),
                new SessionTableModel.RowChange(ChangeKind.ADDED, past.id(), past))));
        assertEquals("2 sessions, 1 past expires_at", count(bar));

        FxState.check(() -> {
            model.pausedProperty().set(true);
            model.apply(List.of(
                    new SessionTableModel.RowChange(ChangeKind.ADDED, created.id(), created),
                    new SessionTableModel.RowChange(ChangeKind.REMOVED, past.id(), null)));
        });
        assertEquals(ENGLISH_PAUSED_2, FxState.read(() -> item(bar).getText()),
                "the paused mode says the toolbar's number as it changes, not at the next second's update");
        assertEquals("2 sessions", count(bar), "welno_fresh and welno_new exist; welno_past is gone");
        assertEquals(2, FxState.read(() -> model.liveCountProperty().get()), "the paused table stands still");

        FxState.check(() -> model.pausedProperty().set(false));
        assertEquals("2 sessions", count(bar));
    }

    /**
     * While the table is paused the status bar counts the changes it holds back and the buckets do not, so the two
     * numbers differ (1,541 beside an All bucket of 1,528 in the demo, reconnecting): each says what it counts. The
     * status bar gives the paused table's number beside its own, and the note under the buckets says their counts are
     * the paused table's, without the changes waiting, instead of "as last read", which they are not then. Both
     * languages; resumed, the numbers agree and neither says more.
     */
    @Test
    void whilePausedTheStatusBarAndTheBucketsSayWhichCountIsWhich() throws Exception {
        I18n i18n = new I18n(Locale.ENGLISH);
        SessionTableModel model = newModel();
        StatusBarView bar = liveBar(model, i18n);
        Label note = FxState.read(() -> SessionsToolbar.countsNote(model, i18n));
        LocalDateTime now = LocalDateTime.now(Timestamps.DEFAULT_ZONE);
        SessionRow shown = TestRows.session("welno_shown",
                "auth_request_sent", now.minusMinutes(1)).row();
        FxState.check(() -> model.apply(List.of(
                new SessionTableModel.RowChange(ChangeKind.ADDED, shown.id(), shown))));
        FxState.check(() -> {
            model.pausedProperty().set(true);
            model.followingProperty().set(false);
        });
        assertEquals("1 session when last read", count(bar), "paused, nothing held: the numbers agree");
        assertEquals("Counts as last read: the console is not following Redis right now (see the status bar).",
                FxState.read(note::getText));

        FxState.check(() -> model.followingProperty().set(true));
        SessionRow created = TestRows.session("welno_new",
                "initiated", now).row();
        SessionRow other = TestRows.session("welno_other",
                "initiated", now).row();
        FxState.check(() -> model.apply(List.of(
                new SessionTableModel.RowChange(ChangeKind.ADDED, created.id(), created),
                new SessionTableModel.RowChange(ChangeKind.ADDED, other.id(), other))));
        FxState.check(() -> model.followingProperty().set(false));
        assertEquals(1, FxState.read(() -> model.count(io.welno.console.view.Bucket.ALL).get()), "the paused table");
        assertEquals("3 sessions when last read · 1 in the paused table", count(bar));
        assertEquals("Counts of the paused table, without the 2 changes waiting (the status bar counts them).",
                FxState.read(note::getText));
        assertTrue(FxState.read(note::isVisible));
        FxState.check(() -> model.followingProperty().set(true));
        assertEquals("3 sessions · 1 in the paused table", count(bar));
        assertEquals("Counts of the paused table, without the 2 changes waiting (the status bar counts them).",
                FxState.read(note::getText), "following or not, the paused table's counts hold the changes back");

        FxState.check(() -> i18n.setLocale(Locale.KOREAN));
        assertEquals("세션 3개 · 일시 정지한 표에는 1개", count(bar));
        assertEquals("일시 정지한 표의 건수로, 대기 중인 변경 2건은 빠져 있습니다(상태 표시줄의 세션 수에는 들어 있습니다).",
                FxState.read(note::getText));

        FxState.check(() -> model.pausedProperty().set(false));
        assertEquals("세션 3개", count(bar), "resumed: one number");
        assertFalse(FxState.read(note::isVisible));
    }

    /**
     * A paused table does not hide the feed's state: while the feed is not LIVE the mode says it beside PAUSED, in
     * both languages and in that state's colour, so a user who paused sees at a glance that the feed dropped.
     */
    @Test
    void thePausedModeSaysTheFeedsStateWhenItIsNotLive() throws Exception {
        I18n i18n = new I18n(Locale.ENGLISH);
        FeedBridge bridge = new FeedBridge();
        SessionTableModel model = newModel();
        StatusBarView bar = FxState.read(() -> new StatusBarView(bridge, model, i18n, Clock.systemUTC(),
                Timestamps.DEFAULT_ZONE));
        bridge.onModeChanged(FeedMode.LIVE, Phrase.of("feed.notStarted"));
        FxState.check(() -> model.pausedProperty().set(true));
        assertEquals("PAUSED · 0 waiting", mode(bar));
        assertTrue(styled(bar, "mode-paused"));

        bridge.onModeChanged(FeedMode.RECONNECTING,
                Phrase.of("feed.notStarted"));
        assertEquals("RECONNECTING · PAUSED · 0 waiting", mode(bar));
        assertTrue(styled(bar, "mode-reconnecting"), "the drop's colour, not the pause's");
        assertFalse(styled(bar, "mode-paused"));
        FxState.check(() -> i18n.setLocale(Locale.KOREAN));
        assertEquals("재연결 중 · 일시 정지 · 0건 대기", mode(bar));

        bridge.onModeChanged(FeedMode.OFFLINE, Phrase.of("feed.stopped"));
        assertEquals("오프라인 · 일시 정지 · 0건 대기", mode(bar));
        bridge.onModeChanged(FeedMode.POLLING, Phrase.of("feed.notStarted"));
        FxState.check(() -> i18n.setLocale(Locale.ENGLISH));
        assertEquals("POLLING · PAUSED · 0 waiting", mode(bar));
        assertTrue(styled(bar, "mode-polling"));

        FxState.check(() -> model.pausedProperty().set(false));
        assertEquals("POLLING", mode(bar), "resumed: the feed's state alone");
        assertFalse(styled(bar, "mode-paused"));
    }

    private static String mode(StatusBarView bar) throws Exception {
        return FxState.read(() -> {
            bar.update();
            return item(bar).getText();
        });
    }

    private static boolean styled(StatusBarView bar, String styleClass) throws Exception {
        return FxState.read(() -> item(bar).getStyleClass().contains(styleClass));
    }

    private static String count(StatusBarView bar) throws Exception {
        return FxState.read(() -> {
            bar.update();
            return item(bar, "sessionCount").getText();
        });
    }

    private static boolean stale(StatusBarView bar) throws Exception {
        return FxState.read(() -> item(bar, "sessionCount").getPseudoClassStates()
                .contains(javafx.css.PseudoClass.getPseudoClass("stale")));
    }

    private static final String ENGLISH_PAUSED_2 = java.text.MessageFormat.format(
            java.util.ResourceBundle.getBundle("io.welno.console.view.messages", Locale.ROOT).getString("status.paused"),
            2);

    /** The mode, left of the bar's sentence. */
    private static Label item(StatusBarView bar) {
        return (Label) bar.node().getLeftItems().stream().filter(n -> "feedMode".equals(n.getId())).findFirst()
                .orElseThrow();
    }

    private static Label item(StatusBarView bar, String id) {
        return (Label) bar.node().getRightItems().stream().filter(n -> id.equals(n.getId())).findFirst()
                .orElseThrow();
    }

    private static String shown(StatusBarView bar) throws Exception {
        return FxState.read(() -> {
            bar.update();
            return latencyLabel(bar).getText();
        });
    }

    private static boolean late(StatusBarView bar) throws Exception {
        return FxState.read(() -> latencyLabel(bar).getPseudoClassStates()
                .contains(javafx.css.PseudoClass.getPseudoClass("late")));
    }

    private static Label latencyLabel(StatusBarView bar) {
        return item(bar, "redisLatency");
    }

    /** A table model as the window makes it, made on the FX thread. */
    private static SessionTableModel newModel() throws Exception {
        return FxState.read(() -> new SessionTableModel(StuckPolicy.defaults(), Clock.systemUTC(),
                Timestamps.DEFAULT_ZONE));
    }

    /** A status bar over {@code model} whose feed is LIVE. */
    private static StatusBarView liveBar(SessionTableModel model, I18n i18n) throws Exception {
        FeedBridge bridge = new FeedBridge();
        bridge.onModeChanged(FeedMode.LIVE, Phrase.of("feed.notStarted"));
        return FxState.read(() -> new StatusBarView(bridge, model, i18n, Clock.systemUTC(), Timestamps.DEFAULT_ZONE));
    }
}
