package io.welno.console.ui.detail;

import io.welno.console.ui.common.HangulFont;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.common.StatusChips;
import io.welno.console.text.Masking;
import io.welno.console.text.SafeText;
import io.welno.console.view.DetailModel;
import io.welno.console.view.FeedReach;
import io.welno.console.view.ProgressStepper;
import io.welno.console.view.ProviderNames;
import io.welno.console.view.SessionIds;
import io.welno.console.view.SessionRow;
import io.welno.console.view.Wording;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.SessionDocument;
import io.welno.console.store.StoreFailure;
import io.welno.console.store.StoredSession;
import io.welno.console.text.Phrase;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The selected session: status, the allowed actions, a progress stepper, the message timeline, the
 * person (masked unless a reveal was requested and audited), data summaries and the raw JSON.
 *
 * <p>It follows the live document ({@link DetailModel}): every newer copy the table receives is shown at once with
 * the fields it changed marked for a few seconds, the time facts move on the table's once-a-second {@link #tick},
 * and a session that ended or left the list says so above the last copy. Listeners ({@link #addChangeListener}) are
 * told after every change and tick, so the action buttons re-evaluate with the document and the clock.
 *
 * <p>The pane holds the header, the freshness and the change marks; its parts draw themselves:
 * {@link DocumentWarnings}, {@link StepperView}, {@link FactsGrid}, {@link MessageTimeline}, {@link PersonSection},
 * {@link DataSummaries}, {@link RawJsonView} and {@link FilePlaceView}. Another session (or another language, or a
 * reveal) is drawn afresh. A live copy of the same session is handed to every part, and each compares it with what
 * it shows and changes only that: an operator reading an older message or a part of the raw JSON stays there. What
 * needs the document's tree (messages, data summaries, raw JSON) is worked out off the FX thread
 * ({@link DocumentContent}).
 *
 * <p>Over 400 lines, and one class because what remains here decides for every part at once: whether a copy is drawn
 * afresh or changed in place, which fields are marked, and whether the person is shown revealed. The reveal waits for
 * its audit entry and must be forgotten the moment another session is shown, which is the same decision.
 */
public final class DetailPane extends VBox {

    /** The least the tabs get: a few messages of the timeline, a few lines of the raw JSON. */
    public static final double TABS_MIN_HEIGHT = 160;

    private final I18n i18n;
    private final Clock clock;
    private final ZoneId zone;
    private final Function<String, CompletionStage<Optional<Phrase>>> onReveal;

    private final Label title = new Label();
    private final Label status = new Label();
    private final Label subtitle = new Label();
    /** Following live / updated just now (and what) / paused / ended / gone. */
    private final Label freshness = new Label();
    private final DocumentWarnings warnings;
    private final FilePlaceView place;
    private final FlowPane actions = new FlowPane(6, 6);
    private final StepperView stepper;
    private final FactsGrid facts;
    private final Map<DetailModel.Field, List<Node>> markable = new EnumMap<>(DetailModel.Field.class);
    private final List<Runnable> changeListeners = new ArrayList<>();
    private final DetailModel model;
    private Tab messagesTab;
    private final MessageTimeline messages;
    private final PersonSection person;
    private final Button reveal = new Button();
    /** Why the last reveal of the shown session kept the data masked. */
    private final Label revealProblem = new Label();
    private Phrase revealRefused;
    /** The reveal waiting for its audit entry, or null: its answer counts only while it is still this one. */
    private Object revealAsked;
    private final DataSummaries data;
    private final RawJsonView raw;
    private final DocumentContent fromTree;
    private final Label placeholder = new Label();
    /** Header, the part above the tabs (scrolled when it must), the tabs (never less than their least). */
    private final DetailColumn content;
    private final BooleanProperty revealAllowed = new SimpleBooleanProperty(false);

    private final TabPane tabs;
    private final HBox header;
    private final java.util.List<Consumer<SessionRow>> shownListeners = new java.util.ArrayList<>();
    private String revealedId;

    /**
     * @param onReveal records a reveal of the session with that id, off the FX thread, and answers when it is done:
     *                 empty when the data may be shown, else why not (the data then stays masked)
     */
    public DetailPane(I18n i18n, Clock clock, ZoneId zone, Executor background, SessionCodec codec,
                      Function<String, CompletionStage<Optional<Phrase>>> onReveal) {
        this.i18n = i18n;
        this.clock = clock;
        this.zone = zone;
        this.onReveal = onReveal;
        this.place = new FilePlaceView(i18n, background, codec);
        this.model = new DetailModel(clock, zone);
        this.facts = new FactsGrid(i18n);
        this.warnings = new DocumentWarnings(i18n);
        this.stepper = new StepperView(i18n);
        this.messages = new MessageTimeline(i18n, clock, zone, model::row, id -> id.equals(revealedId));
        this.person = new PersonSection(i18n);
        this.data = new DataSummaries();
        this.raw = new RawJsonView(i18n);
        this.fromTree = new DocumentContent(i18n, background, codec);
        setId("detailPane");
        getStyleClass().add("detail-pane");
        setPadding(new Insets(10));
        setSpacing(8);
        setMinWidth(360);

        title.setId("detailTitle");
        title.getStyleClass().add("detail-title");
        status.setId("detailStatus");
        subtitle.getStyleClass().add("detail-subtitle");
        subtitle.setId("detailSubtitle");
        freshness.setId("detailFreshness");
        freshness.setWrapText(true);
        freshness.setMinHeight(Region.USE_PREF_SIZE);
        // an unreadable session's reason can be long: it wraps, and never gives way to the tabs below as "…"
        subtitle.setWrapText(true);
        subtitle.setMinHeight(Region.USE_PREF_SIZE);
        actions.setId("detailActions");
        // The status chip keeps its full text; the long id gives way instead.
        status.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        reveal.setId("revealButton");
        reveal.textProperty().bind(i18n.text("detail.reveal"));
        reveal.visibleProperty().bind(revealAllowed);
        reveal.managedProperty().bind(revealAllowed);
        reveal.setOnAction(e -> revealCurrent());
        revealProblem.setId("revealProblem");
        revealProblem.getStyleClass().add("warning-strong");
        revealProblem.setWrapText(true);
        revealProblem.setMinHeight(Region.USE_PREF_SIZE);
        revealProblem.managedProperty().bind(revealProblem.visibleProperty());
        revealProblem.setVisible(false);
        revealAllowed.addListener((o, was, now) -> {
            if (!now) {
                forgetReveal();
            }
        });

        placeholder.textProperty().bind(i18n.text("detail.none"));
        placeholder.getStyleClass().add("placeholder");

        messagesTab = tab("detail.tab.messages", messages.node());
        tabs = new TabPane(
                messagesTab,
                tab("detail.tab.person", new VBox(8, person.node(), reveal, revealProblem)),
                tab("detail.tab.data", new ScrollPane(data.node())),
                tab("detail.tab.raw", raw.node()));
        tabs.setId("detailTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        header = new HBox(8, title, status);
        // a long session id breaks onto a second line instead of being cut off
        title.setWrapText(true);
        title.setMinWidth(0);
        header.setMinHeight(Region.USE_PREF_SIZE);
        content = new DetailColumn(header,
                new VBox(10, subtitle, freshness, warnings.node(), place, actions, stepper.node(), facts.node()),
                tabs, 10, TABS_MIN_HEIGHT);
        VBox.setVgrow(content, Priority.ALWAYS);
        getChildren().setAll(placeholder);
        markable.put(DetailModel.Field.STATUS, List.of(status));
        markable.put(DetailModel.Field.PROGRESS, List.of(stepper.node()));
        markable.put(DetailModel.Field.PLACE, List.of(place));
        i18n.localeProperty().addListener((o, a, b) -> relabel());
        i18n.timeStyleProperty().addListener((o, a, b) -> relabel());
    }

    /** Told after the pane shows a new copy, and on every tick (what an action allows can change with time). */
    public void addChangeListener(Runnable listener) {
        changeListeners.add(listener);
    }

    public void removeChangeListener(Runnable listener) {
        changeListeners.remove(listener);
    }

    private Tab tab(String key, Node node) {
        Tab tab = new Tab();
        tab.textProperty().bind(i18n.text(key));
        tab.setContent(node);
        tab.setId(key);
        return tab;
    }

    /** Adds a tab a feature owns (the history), after the pane's own. */
    public void mount(Tab tab) {
        tabs.getTabs().add(tab);
    }

    /** Adds a control a feature owns (the follow star) to the header, after the status. */
    public void mountInHeader(Node node) {
        header.getChildren().add(node);
    }

    /** Told of every session the pane shows (null when none), after it is shown. */
    public void onShown(Consumer<SessionRow> listener) {
        shownListeners.add(listener);
    }

    /** Where a session's copy in the profile's fallback folder comes from, for the diff of a diverged one. */
    public void useFileCopies(Function<String, Optional<StoredSession>> copies) {
        place.useFileCopies(copies);
    }

    public FlowPane actionsBar() {
        return actions;
    }

    public BooleanProperty revealAllowedProperty() {
        return revealAllowed;
    }

    /** The window's clock, for what is written beside the pane about its session. */
    public Clock clock() {
        return clock;
    }

    /** The backend's zone, in which the pane shows times. */
    public ZoneId zone() {
        return zone;
    }

    /**
     * The session the pane shows and actions apply to: the latest copy (an ended one says so), or null when nothing
     * is selected or the session left the table's list (the pane then keeps its last copy, marked as gone).
     */
    public SessionRow current() {
        return model.presence() == DetailModel.Presence.GONE ? null : model.row();
    }

    /** The view model behind the pane (what it follows, what changed, how current it is). */
    public DetailModel model() {
        return model;
    }

    /** Live updates are paused: the pane says its copy may be behind. */
    public void setPaused(boolean paused) {
        model.setPaused(paused);
        showFreshness();
    }

    /**
     * How closely the feed follows Redis now: the pane says its copy may be behind when not live (and says nothing more
     * each time it is told the same).
     */
    public void setReach(FeedReach reach) {
        if (model.setReach(reach)) {
            showFreshness();
        }
    }

    /** The session whose personal data a developer revealed (audited), or null. */
    public String revealedId() {
        return revealedId;
    }

    /**
     * Shows the selected session; the same session again is a newer copy of it ({@link #follow}). Null: nothing is
     * selected.
     */
    public void show(SessionRow row) {
        showRow(row);
        for (Consumer<SessionRow> listener : shownListeners) {
            listener.accept(row);
        }
    }

    private void showRow(SessionRow row) {
        SessionRow previous = model.row();
        if (row == null) {
            forgetReveal();
            model.clear();
            fromTree.cancel();
            getChildren().setAll(placeholder);
            fireChanged();
            return;
        }
        // the table hands the selected session's newer copies here too (after a batch that moved its row)
        boolean another = previous == null || !previous.id().equals(row.id());
        if (another) {
            revealedId = null;
            forgetReveal();
        }
        if (model.show(row)) {
            render(another);
        }
    }

    /**
     * The latest copy of the shown session as the table now holds it (called after every applied feed batch), or
     * null when the table no longer holds it. A copy of another session is ignored.
     */
    public void follow(SessionRow latest) {
        SessionRow shown = model.row();
        if (shown == null || (latest != null && !latest.id().equals(shown.id()))) {
            return;
        }
        if (model.show(latest)) {
            render(false);
        }
    }

    /** Once a second: ages, countdowns and the TTL move on, marks fade, and listeners re-evaluate. */
    public void tick() {
        if (model.row() == null) {
            return;
        }
        SessionRow row = model.row();
        if (row.readable()) {
            LocalDateTime now = LocalDateTime.now(clock.withZone(zone));
            showSubtitle(row, now);
            if (!row.isEnded() && warnings.stale(row, now)) {
                warnings.show(row, row.document(), now); // the backend's expiry passed, and how long ago moves on
            }
            facts.update("fact.updated", model.updated(i18n));
            facts.update("fact.expires", model.expires(i18n));
            facts.update("fact.ttl", model.ttl(i18n));
        }
        showFreshness();
        showMarks();
        fireChanged();
    }

    private void fireChanged() {
        for (Runnable listener : changeListeners) {
            listener.run();
        }
    }

    /** @param fresh every part drawn anew, rather than changed where the copy differs from what it shows */
    private void render(boolean fresh) {
        SessionRow row = model.row();
        if (row == null) {
            return;
        }
        if (fresh) {
            forget();
        }
        renderRow(row);
        showFreshness();
        showMarks();
        fireChanged();
    }

    private void renderRow(SessionRow row) {
        if (!getChildren().contains(content)) {
            getChildren().setAll(content);
        }
        String shownId = SessionIds.shown(i18n, row.id());
        title.setText(shownId);
        // the class's monospace has no Hangul on a Linux desktop without a Korean font: "(ID 없음)" would be boxes
        title.setStyle(HangulFont.monoStyleFor(shownId));
        if (!row.readable()) {
            StatusChips.applyUnreadable(status, i18n);
            // A value Redis refused the console was never judged: the frame must not call it no session.
            String frame = row.unreadable().refusedByRedis() ? "detail.refused" : "detail.unreadable";
            subtitle.setText(i18n.format(frame, SafeText.bounded(
                    Masking.raw(Wording.window(i18n).render(row.unreadableReason())), SafeText.TEXT)));
            fromTree.cancel();
            warnings.clear();
            place.show(row, null);
            stepper.clear();
            facts.clear();
            messages.clear();
            person.clear();
            data.clear();
            raw.showUnreadable(row.unreadable().preview(), row.id().equals(revealedId));
            return;
        }
        SessionDocument doc = row.document();
        StatusChips.apply(status, i18n, row.status());
        LocalDateTime now = LocalDateTime.now(clock.withZone(zone));
        showSubtitle(row, now);
        warnings.show(row, doc, row.isEnded() ? null : now);
        place.show(row, doc);
        stepper.show(ProgressStepper.of(doc));
        facts.show(model, doc);
        person.show(doc, row.id().equals(revealedId));
        fromTree.load(row, row.id().equals(revealedId), parts -> {
            messages.show(parts.messages());
            data.show(parts.data());
            raw.show(parts.raw());
        });
    }

    /**
     * The language or the time style changed: every part is drawn again in it, but the messages and the raw JSON keep
     * the place the reader was at (drawn whole, they went back to the newest message and the top of the text).
     */
    private void relabel() {
        showRevealProblem(revealRefused);
        if (model.row() == null) {
            return;
        }
        forgetWords();
        messages.relabel();
        render(false);
    }

    /**
     * Every part starts anew: the next copy is drawn whole, the messages from the newest, the raw JSON at the top.
     */
    private void forget() {
        forgetWords();
        messages.clear();
        raw.loading();
    }

    /** The parts that draw only what changed are drawn whole next time (their words included). */
    private void forgetWords() {
        warnings.clear();
        place.forget();
        stepper.clear();
        facts.clear();
        person.clear();
        data.clear();
    }

    private void showSubtitle(SessionRow row, LocalDateTime now) {
        if (row.isEnded()) {
            subtitle.setText(i18n.get(row.endedTextKey()));
            return;
        }
        DetailModel.Fact age = model.age(i18n);
        // Without created_at there is no age: "started — ago" would read as a time.
        subtitle.setText(i18n.format(age.missing() ? "detail.subtitle.noStart" : "detail.subtitle",
                ProviderNames.name(i18n, row.provider()),
                row.partner().isEmpty() ? i18n.get("value.absent") : SafeText.bounded(row.partner(), SafeText.FIELD),
                age.text()));
    }

    private void showFreshness() {
        DetailModel.Presence presence = model.presence();
        boolean over = presence == DetailModel.Presence.ENDED || presence == DetailModel.Presence.GONE;
        freshness.setText(model.freshness(i18n));
        freshness.getStyleClass().removeAll("detail-freshness", "detail-changed", "warning-strong");
        freshness.getStyleClass().add(over ? "warning-strong"
                : model.marked().isEmpty() ? "detail-freshness" : "detail-changed");
    }

    /** Marks what the last copy changed, for {@link DetailModel#MARK}; unmarks when that has passed. */
    private void showMarks() {
        Set<DetailModel.Field> marked = model.marked();
        markable.forEach((field, nodes) -> nodes.forEach(node -> mark(node, marked.contains(field))));
        mark(facts.line("fact.updated"), marked.contains(DetailModel.Field.UPDATED));
        mark(facts.line("fact.expires"), marked.contains(DetailModel.Field.EXPIRES));
        mark(facts.line("fact.ttl"), marked.contains(DetailModel.Field.TTL));
        mark(facts.line("fact.credentials"), marked.contains(DetailModel.Field.CREDENTIALS));
        mark(facts.line("fact.collection"), marked.contains(DetailModel.Field.COLLECTION));
        if (messagesTab != null) {
            messagesTab.getStyleClass().remove("changed");
            if (marked.contains(DetailModel.Field.MESSAGES)) {
                messagesTab.getStyleClass().add("changed");
            }
        }
    }

    private static void mark(Node node, boolean on) {
        if (node == null) {
            return;
        }
        node.getStyleClass().remove("changed");
        if (on) {
            node.getStyleClass().add("changed");
        }
    }

    /**
     * The data is shown only once the reveal's audit entry is written: the entry is written off the FX thread, and an
     * entry that cannot be written keeps the data masked and says why.
     */
    private void revealCurrent() {
        SessionRow current = current();
        if (current == null || !revealAllowed.get() || revealAsked != null) {
            return;
        }
        String id = current.id();
        Object asked = new Object();
        revealAsked = asked;
        reveal.setDisable(true);
        showRevealProblem(null);
        CompletionStage<Optional<Phrase>> answer;
        try {
            answer = onReveal.apply(id);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenComplete((denied, error) -> Platform.runLater(() -> {
            if (revealAsked != asked) {
                return; // another session, or the role changed: this answer is nobody's any more
            }
            revealAsked = null;
            reveal.setDisable(false);
            SessionRow now = current();
            if (now == null || !now.id().equals(id) || !revealAllowed.get()) {
                return;
            }
            if (error != null || denied == null || denied.isPresent()) {
                showRevealProblem(denied != null && denied.isPresent() ? denied.get()
                        : Phrase.of("reveal.auditFailed", whyUnrecorded(error)));
                return;
            }
            revealedId = id;
            render(true);
        }));
    }

    /**
     * Why a reveal could not be recorded: Redis's cause when the audit write failed there; otherwise the console's
     * own error, named by its class (its message is English, and no Redis said it), or no answer at all.
     */
    private static Phrase whyUnrecorded(Throwable error) {
        if (error == null) {
            return Phrase.of("reveal.unanswered");
        }
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        StoreFailure failure = StoreFailure.of(cause);
        return failure.cause() == StoreFailure.Cause.SERVER_ERROR && !StoreFailure.answeredByRedis(cause)
                ? Phrase.of("flow.consoleError", cause.getClass().getSimpleName()) : failure.phrase();
    }

    /** A reveal still waiting is dropped, and its problem forgotten: they were about what the pane showed before. */
    private void forgetReveal() {
        revealAsked = null;
        reveal.setDisable(false);
        showRevealProblem(null);
    }

    private void showRevealProblem(Phrase why) {
        revealRefused = why;
        revealProblem.setText(why == null ? "" : Wording.window(i18n).render(why));
        revealProblem.setVisible(why != null);
    }
}
