package io.welno.console.ui.shell;

import io.welno.console.live.ClockOffset;
import io.welno.console.live.FeedPulse;
import io.welno.console.live.FeedMode;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.common.ReasonTips;
import io.welno.console.ui.table.FeedBridge;
import io.welno.console.ui.table.SessionTableModel;
import io.welno.console.view.FeedReach;
import io.welno.console.view.Formats;
import io.welno.console.view.Wording;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import org.controlsfx.control.StatusBar;

/**
 * The window's status bar: the feed's mode (NO ANSWER while its PING goes unanswered; PAUSED with the changes waiting,
 * and the mode when not LIVE), the snapshot's progress, the session count, the event rate, Redis's latency, the clock
 * with its zone, and how far that clock is from Redis's when the difference is worth saying
 * ({@link ClockOffset#noticeable}).
 * {@link #update()} is called by the frame pump a few times a second and at once when the language or the pause
 * changes.
 */
final class StatusBarView {

    private static final PseudoClass LATE = PseudoClass.getPseudoClass("late");
    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    /** The mode label's state while Redis is not answering (its text key {@code mode.UNANSWERED}, its style class). */
    private static final String UNANSWERED = "UNANSWERED";

    private final StatusBar bar = new StatusBar();
    private final Label modeLabel = new Label();
    private final Label rateLabel = new Label();
    private final Label countLabel = new Label();
    private final Label latencyLabel = new Label();
    private final Label clockLabel = new Label();
    /** Shown only while this computer's clock is noticeably off Redis's. */
    private final Label clockOffsetLabel = new Label();
    private final Tooltip clockOffsetTip = ReasonTips.tooltip();
    private final FeedBridge bridge;
    private final SessionTableModel model;
    private final I18n i18n;
    private final Clock clock;
    private final ZoneId zone;
    private FeedPulse feedPulse = FeedPulse.NONE;
    /** How closely the window follows Redis, as the window judged it last ({@link #update(FeedReach)}). */
    private FeedReach reach = FeedReach.LOST;
    /** The feed's own sentence, whole: on the mode and on the bar's text, never on the whole bar (see below). */
    private final Tooltip feedTip = new Tooltip();
    /** The label ControlsFX's skin shows the bar's text in; null until the skin exists. */
    private Label sentenceLabel;
    private String statusTip;
    /** The state whose colour the mode label wears ({@link #state}); null after a pause, so the next update sets it. */
    private String shownState;

    StatusBarView(FeedBridge bridge, SessionTableModel model, I18n i18n, Clock clock, ZoneId zone) {
        this.bridge = bridge;
        this.model = model;
        this.i18n = i18n;
        this.clock = clock;
        this.zone = zone;
        bar.setId("statusBar");
        bar.setText("");
        // ControlsFX's bar is a control, so Tab stopped on it: nothing to act on there, and no focus drawn, so the
        // keyboard seemed lost for a step (items put in it, such as the demo's role switch, stay reachable)
        bar.setFocusTraversable(false);
        modeLabel.setId("feedMode");
        modeLabel.getStyleClass().add("mode-label");
        rateLabel.setId("eventRate");
        countLabel.setId("sessionCount");
        latencyLabel.setId("redisLatency");
        bar.getLeftItems().add(modeLabel);
        bar.getRightItems().addAll(countLabel, new Label("·"), rateLabel, new Label("·"), latencyLabel);
        clockLabel.setId("statusClock");
        clockLabel.getStyleClass().add("status-clock");
        // the clock without its zone, the zone label right after it says it once for every time in the window
        ZoneLabel zoneLabel = new ZoneLabel(i18n, zone, clock);
        clockOffsetLabel.setId("clockOffset");
        clockOffsetLabel.setTooltip(clockOffsetTip);
        showsWhenVisible(clockOffsetLabel);
        bar.getRightItems().addAll(new Label("·"), clockLabel, zoneLabel, clockOffsetLabel);
        // A long sentence (a failure quoting Redis) gives way, cut with "…" and whole in the tooltip; the mode, the
        // counters and the clock never do: cut, they read as other words ("오프…" for offline).
        keepWhole(modeLabel);
        bar.getRightItems().forEach(StatusBarView::keepWhole);
        // JavaFX shows the tooltip of the outermost node under the mouse, so one on the whole bar would hide every
        // item's own: the feed's sentence goes on the mode and on the skin's text label instead, and each counter
        // says what it counts.
        // the toolbar's "N new updates" follows the count as it changes: the paused mode here says the same number
        // at once, not at the next second's update
        model.pendingUpdatesProperty().addListener((o, was, now) -> showPaused());
        bar.skinProperty().addListener((o, was, skin) -> {
            sentenceLabel = bar.lookup(".status-label") instanceof Label label ? label : null;
            showFeedTip();
        });
        explain(countLabel, "status.sessions.tip");
        explain(rateLabel, "status.rate.tip");
        explain(latencyLabel, "status.latency.tip");
        clockLabel.setTooltip(zoneLabel.getTooltip());
    }

    private void explain(Label label, String key) {
        // wrapped and kept inside the window: the bar is at its bottom edge, and a counter's sentence is long
        Tooltip tip = ReasonTips.tooltip();
        tip.textProperty().bind(i18n.text(key));
        label.setTooltip(tip);
    }

    private static void showsWhenVisible(Node item) {
        item.setVisible(false);
        item.managedProperty().bind(item.visibleProperty());
    }

    private static void keepWhole(Node item) {
        if (item instanceof Region region) {
            region.setMinWidth(Region.USE_PREF_SIZE);
        }
    }

    StatusBar node() {
        return bar;
    }

    void setFeedPulse(FeedPulse feedPulse) {
        this.feedPulse = feedPulse;
    }

    /** Adds items on the left, after the feed's mode (e.g. the demo's role switch). */
    void addItems(Node... items) {
        bar.getLeftItems().addAll(items);
        for (Node item : items) {
            keepWhole(item);
        }
    }

    /**
     * Shows the feed as the window judged it this pulse: the detail pane and the counts are told the same reach, so
     * the three never disagree about one moment.
     */
    void update(FeedReach judged) {
        reach = judged;
        update();
    }

    /** Shows everything again with the last reach the window judged (the language or the pause changed). */
    void update() {
        String state = state();
        if (!state.equals(shownState)) {
            modeLabel.getStyleClass().removeIf(c -> c.startsWith("mode-") && !c.equals("mode-label"));
            modeLabel.getStyleClass().add("mode-" + state.toLowerCase(Locale.ROOT));
            shownState = state;
        }
        modeLabel.setText(i18n.get("mode." + state));
        // the feed's phrase in the window's language; Wording escapes and bounds the Redis errors it quotes
        String feedText = Wording.window(i18n).render(bridge.modeDetail());
        if (state.equals(UNANSWERED)) {
            // the feed's "receiving live" is what it was doing when Redis last answered
            feedText = i18n.format("status.unanswered", feedPulse.unansweredMillis() / 1000);
        }
        String detailText = feedText;
        if (!bridge.snapshotDone() && bridge.snapshotLoaded() > 0) {
            detailText = i18n.format("snapshot.progress", bridge.snapshotLoaded());
        }
        bar.setText(detailText);
        // the feed's own sentence, with the technical cause: while the bar shows the snapshot's progress, and whole
        // when the bar has no room for all of it
        String tip = feedText.isEmpty() ? null : feedText;
        if (!Objects.equals(tip, statusTip)) {
            statusTip = tip;
            showFeedTip();
        }
        // Not following Redis, the count is the last one read and says so: sessions may have come and gone since.
        boolean following = model.followingProperty().get();
        // what exists as last read, with the changes a paused table holds back (as the dashboard counts)
        SessionTableModel.LiveCount sessions = model.liveCountNow();
        int past = sessions.pastExpiry();
        // The backend's rule is the truth: a key past its expires_at is not a session it serves any more.
        String count = !following ? i18n.format("status.sessions.lastRead", sessions.live())
                : past > 0 ? i18n.format("status.sessions.pastExpiry", sessions.live(), past)
                : i18n.format("status.sessions", sessions.live());
        // The paused table's own number beside it when they differ: the All bucket counts that one, and two numbers
        // for "the sessions" with nothing to tell them apart read as one of them being wrong.
        int inTable = model.liveCountProperty().get();
        countLabel.setText(model.pausedProperty().get() && inTable != sessions.live()
                ? i18n.format("status.sessions.withPausedTable", count, inTable) : count);
        countLabel.pseudoClassStateChanged(STALE, !following);
        rateLabel.setText(i18n.format("status.rate", Formats.decimal(i18n, feedPulse.eventsPerSecond())));
        showLatency();
        LocalDateTime now = LocalDateTime.now(clock.withZone(zone));
        clockLabel.setText(Formats.time(i18n, now, now));
        showClockOffset();
        showPaused();
    }

    /**
     * What the mode label says: the feed's mode, or NO ANSWER while a connected feed's PING goes unanswered
     * ({@link FeedReach#UNANSWERED}): the feed stays LIVE until its watchdog gives the link up, and a green LIVE
     * over a server that stopped answering would claim changes are arriving when none can.
     */
    private String state() {
        return reach == FeedReach.UNANSWERED ? UNANSWERED : bridge.mode().name();
    }

    /**
     * How far this computer's clock is from Redis's, when that is more than a countdown shrugs off: every expiry,
     * stuck time and time left in the window is judged by this computer's clock, the backend's by its own.
     */
    private void showClockOffset() {
        ClockOffset offset = feedPulse.clockOffset().filter(ClockOffset::noticeable).orElse(null);
        clockOffsetLabel.setVisible(offset != null);
        if (offset == null) {
            return;
        }
        String key = offset.consoleAhead() ? "status.clock.ahead" : "status.clock.behind";
        String difference = Formats.span(i18n, offset.difference());
        clockOffsetLabel.setText(i18n.format(key, difference));
        clockOffsetTip.setText(i18n.format(key + ".tip", difference));
    }

    /**
     * The last PING's round trip, or how long the one in flight has gone unanswered once that is longer than a
     * second: a server that stopped answering must not go on showing its last quick answer until the link is given up.
     */
    private void showLatency() {
        long latency = feedPulse.latencyMillis();
        long waiting = feedPulse.unansweredMillis();
        boolean late = FeedReach.notAnswering(waiting, latency);
        if (late) {
            latencyLabel.setText(i18n.format("status.latency.waiting", waiting / 1000));
        } else {
            // a loopback round trip rounds down to 0 ms, which reads as no measure at all
            latencyLabel.setText(latency < 0 ? i18n.get("status.latency.unknown")
                    : latency == 0 ? i18n.get("status.latency.under1") : i18n.format("status.latency", latency));
        }
        latencyLabel.pseudoClassStateChanged(LATE, late);
    }

    private void showFeedTip() {
        feedTip.setText(statusTip == null ? "" : statusTip);
        Tooltip shown = statusTip == null ? null : feedTip;
        modeLabel.setTooltip(shown);
        if (sentenceLabel != null) {
            sentenceLabel.setTooltip(shown);
        }
    }

    /**
     * While live is paused the mode says PAUSED with the changes waiting, and the feed's own state beside it when the
     * feed is not LIVE: a user who paused must still see at a glance that the feed dropped (the sentence beside it
     * may be cut), and the label keeps that state's colour, since the drop is news and the pause was the user's own.
     */
    private void showPaused() {
        if (!model.pausedProperty().get()) {
            return;
        }
        String state = state();
        boolean live = state.equals(FeedMode.LIVE.name());
        modeLabel.getStyleClass().removeIf(c -> c.startsWith("mode-") && !c.equals("mode-label"));
        modeLabel.getStyleClass().add(live ? "mode-paused" : "mode-" + state.toLowerCase(Locale.ROOT));
        shownState = null; // the feed's style comes back on the first update after resuming
        int waiting = model.pendingUpdatesProperty().get();
        modeLabel.setText(live ? i18n.format("status.paused", waiting)
                : i18n.format("status.paused.feed", i18n.get("mode." + state), waiting));
    }
}
