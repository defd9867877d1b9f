package io.welno.console.ui.alerts;

import io.welno.console.flow.Overwrite;
import io.welno.console.text.Phrase;
import io.welno.console.text.SafeText;
import io.welno.console.ui.common.I18n;
import io.welno.console.view.AlertMonitor;
import io.welno.console.view.AlertRules;
import io.welno.console.view.FollowedSessions;
import io.welno.console.view.Wording;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The window's alerts: the episode tracker ({@link AlertMonitor}) and the list it feeds, newest first, each with
 * an acknowledged flag. An alert raised while the window is not focused is also shown in the operating system's
 * notification area, when the rules allow it and the platform has one. Used on the FX thread.
 */
public final class AlertCenter {

    /** The list keeps this many alerts; older ones drop off the end. */
    public static final int CAPACITY = 500;

    /** One alert in the list. */
    public static final class Entry {
        private final AlertMonitor.Alert alert;
        private final SimpleBooleanProperty acknowledged = new SimpleBooleanProperty();

        Entry(AlertMonitor.Alert alert) {
            this.alert = alert;
        }

        public AlertMonitor.Alert alert() {
            return alert;
        }

        public SimpleBooleanProperty acknowledgedProperty() {
            return acknowledged;
        }
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AlertCenter.class);

    private final AlertMonitor monitor;
    private final I18n i18n;
    private final OsNotifier notifier;
    private final Executor background;
    private final BooleanSupplier windowFocused;
    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper unacknowledged = new ReadOnlyIntegerWrapper();
    /** The entry each bulk run's reverted or unkept changes share, by rule and run ({@link #held}). */
    private final Map<String, Entry> byBatch = new HashMap<>();
    private Consumer<AlertRules> onRulesChanged = rules -> { };

    public AlertCenter(AlertRules rules, I18n i18n, OsNotifier notifier, Executor background,
                       BooleanSupplier windowFocused) {
        this.monitor = new AlertMonitor(rules);
        this.i18n = i18n;
        this.notifier = notifier;
        this.background = background;
        this.windowFocused = windowFocused;
    }

    public AlertRules rules() {
        return monitor.rules();
    }

    /** New thresholds, from the settings; {@code onRulesChanged} saves them with the profile. */
    public void setRules(AlertRules rules) {
        monitor.setRules(rules);
        onRulesChanged.accept(rules);
    }

    public void onRulesChanged(Consumer<AlertRules> listener) {
        this.onRulesChanged = listener;
    }

    /**
     * Checks the rules against the console's state now: an episode that begins raises its alert, one that ended marks
     * its alert cleared in place (read or not, as it was; the operating system is not told again).
     */
    public void check(AlertMonitor.Conditions now, Instant at) {
        AlertMonitor.Checked checked = monitor.check(now, at);
        raise(checked.raised());
        for (AlertMonitor.Alert cleared : checked.cleared()) {
            for (int i = 0; i < entries.size(); i++) {
                Entry was = entries.get(i);
                if (was.alert().seq() == cleared.seq()) {
                    Entry updated = entry(cleared);
                    updated.acknowledgedProperty().set(was.acknowledgedProperty().get());
                    entries.set(i, updated);
                    break;
                }
            }
        }
        count();
    }

    /**
     * A console's change was reverted by the backend: an entry in the list (when that rule is on), and the system is
     * told.
     *
     * @param batchId the bulk run of the change, or null: a run's sessions share one entry ({@link #held})
     */
    public void revert(String sessionId, String batchId, Phrase what, Instant at) {
        revert(sessionId, batchId, what, Overwrite.SESSION, at);
    }

    /**
     * A console's change was written over by {@code by}: as {@link #revert(String, String, Phrase, Instant)}, the kind
     * carried by the alert, so a run's entry names every kind its sessions saw.
     */
    public void revert(String sessionId, String batchId, Phrase what, Overwrite by, Instant at) {
        held(monitor.revert(sessionId, what, by, at), batchId);
    }

    /**
     * A change of this console whose hold ended unconfirmed: an entry in the list, and the system is told.
     *
     * @param batchId the bulk run of the change, or null: a run's sessions share one entry ({@link #held})
     */
    public void unconfirmed(String sessionId, String batchId, Phrase what, Instant at) {
        held(monitor.unconfirmed(sessionId, what, at), batchId);
    }

    /**
     * A session that ended while this console's change was held: an entry in the list, and the system is told.
     *
     * @param batchId the bulk run of the change, or null: a run's sessions share one entry ({@link #held})
     */
    public void ended(String sessionId, String batchId, Phrase what, Instant at) {
        held(monitor.ended(sessionId, what, at), batchId);
    }

    /**
     * A held change's alert. A bulk run's holds end together (its re-sent requests all expire five minutes after it),
     * and a backend worker that writes back stale copies reverts many of its changes at once, so the sessions of one
     * run join the entry it already has for that rule, while that entry is unacknowledged, instead of filling the list
     * and the notification area with one alert each.
     */
    private void held(List<AlertMonitor.Alert> alerts, String batchId) {
        if (alerts.isEmpty() || batchId == null) {
            raise(alerts);
            return;
        }
        AlertMonitor.Alert alert = alerts.get(0);
        String key = alert.rule().name() + "/" + batchId;
        Entry open = byBatch.get(key);
        int index = open == null || open.acknowledgedProperty().get() ? -1 : entries.indexOf(open);
        if (index < 0) {
            raise(alerts);
            byBatch.values().removeIf(entry -> !entries.contains(entry));
            byBatch.put(key, entries.get(0));
            return;
        }
        Entry joined = entry(AlertMonitor.joined(open.alert(), alert, batchId));
        entries.set(index, joined);
        byBatch.put(key, joined);
        count();
    }

    /** A followed session changed: an entry in the list, and the operating system is told as for any alert. */
    public void followed(FollowedSessions.Changed changed) {
        raise(monitor.followed(changed));
    }

    private void raise(List<AlertMonitor.Alert> alerts) {
        for (AlertMonitor.Alert alert : alerts) {
            entries.add(0, entry(alert));
            notifyOs(alert);
        }
        if (entries.size() > CAPACITY) {
            entries.remove(CAPACITY, entries.size());
        }
        count();
    }

    private Entry entry(AlertMonitor.Alert alert) {
        Entry entry = new Entry(alert);
        entry.acknowledgedProperty().addListener((o, a, b) -> count());
        return entry;
    }

    private void notifyOs(AlertMonitor.Alert alert) {
        tellOutside(i18n.get(alert.rule().key()), Wording.window(i18n).render(alert.message()));
    }

    /**
     * Something the user asked to be told (a followed session changed its status): shown in the operating system's
     * notification area while the window is not focused, as alerts are, and not when the rules turn that off.
     * The text is escaped and bounded here.
     */
    public void tellOutside(String title, String text) {
        if (!monitor.rules().osNotifications() || windowFocused.getAsBoolean()) {
            return;
        }
        String safeTitle = SafeText.bounded(title, SafeText.FIELD);
        String safeText = SafeText.bounded(text, SafeText.TEXT);
        try {
            background.execute(() -> {
                try {
                    if (notifier.supported()) {
                        notifier.show(safeTitle, safeText);
                    }
                } catch (RuntimeException e) {
                    LOG.info("OS notification failed: {}", e.toString());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            LOG.debug("The window is closing; notification not sent to the OS");
        }
    }

    public void acknowledgeAll() {
        for (Entry entry : entries) {
            entry.acknowledgedProperty().set(true);
        }
    }

    private void count() {
        unacknowledged.set((int) entries.stream().filter(e -> !e.acknowledgedProperty().get()).count());
    }

    public ObservableList<Entry> entries() {
        return entries;
    }

    public ReadOnlyIntegerProperty unacknowledgedProperty() {
        return unacknowledged.getReadOnlyProperty();
    }
}
