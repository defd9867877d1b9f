package io.welno.console.ui.detail;

import io.welno.console.ui.common.FullTextDialog;
import io.welno.console.ui.common.HangulFont;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.common.StatusChips;
import io.welno.console.text.Masking;
import io.welno.console.text.Phrase;
import io.welno.console.text.SafeText;
import io.welno.console.view.DetailModel;
import io.welno.console.view.Formats;
import io.welno.console.view.ProgressStepper;
import io.welno.console.view.ProviderNames;
import io.welno.console.view.SessionRow;
import io.welno.console.view.Wording;
import com.fasterxml.jackson.databind.JsonNode;
import io.welno.console.session.BackendRules;
import io.welno.console.session.DocumentMasker;
import io.welno.console.session.DocumentWarning;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionMessage;
import io.welno.console.session.UserInfo;
import io.welno.console.store.StoredSession;
import io.welno.console.tilko.Checkup;
import io.welno.console.tilko.Prescription;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
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
 */
public final class DetailPane extends VBox {

    /** A message is cut here in the timeline, with a link to the whole text. */
    static final int MESSAGE_CHARS = 1000;

    /** Above this size the raw view shows a summary instead of the whole text (rendering 10 MB freezes). */
    static final int RAW_RENDER_LIMIT = 512 * 1024;

    private final I18n i18n;
    private final Clock clock;
    private final ZoneId zone;
    private final Executor background;
    private final SessionCodec codec;
    private final Consumer<String> onReveal;

    private final Label title = new Label();
    private final Label status = new Label();
    private final Label subtitle = new Label();
    /** Following live / updated just now (and what) / paused / ended / gone. */
    private final Label freshness = new Label();
    private final VBox warnings = new VBox(4);
    private final FilePlaceView place;
    private final FlowPane actions = new FlowPane(6, 6);
    private final FlowPane stepper = new FlowPane(4, 4);
    /** Rows of name and value; a VBox of HBoxes, because a GridPane does not give wrapped values their height. */
    private final VBox facts = new VBox(3);
    /** Value labels of the facts, by bundle key, for the tick and the change marks. */
    private final Map<String, Label> factValues = new java.util.HashMap<>();
    private final Map<DetailModel.Field, List<Node>> markable = new EnumMap<>(DetailModel.Field.class);
    private final List<Runnable> changeListeners = new ArrayList<>();
    private final DetailModel model;
    private Tab messagesTab;
    private final ListView<SessionMessage> messages = new ListView<>();
    private final GridPane person = new GridPane();
    private final Button reveal = new Button();
    private final VBox data = new VBox(8);
    private final TextArea raw = new TextArea();
    private final Label placeholder = new Label();
    private final VBox content = new VBox(10);
    private final BooleanProperty revealAllowed = new SimpleBooleanProperty(false);
    private final AtomicLong rawSequence = new AtomicLong();

    private final TabPane tabs;
    private final HBox header;
    private final java.util.List<Consumer<SessionRow>> shownListeners = new java.util.ArrayList<>();
    private String revealedId;
    /** Whether the warnings were last built for a session past its expires_at. */
    private boolean expiryWarned;

    public DetailPane(I18n i18n, Clock clock, ZoneId zone, Executor background, SessionCodec codec, Consumer<String> onReveal) {
        this.i18n = i18n;
        this.clock = clock;
        this.zone = zone;
        this.background = background;
        this.codec = codec;
        this.onReveal = onReveal;
        this.place = new FilePlaceView(i18n, background, codec);
        this.model = new DetailModel(clock, zone);
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
        stepper.setId("detailStepper");
        stepper.getStyleClass().add("stepper");
        facts.setMinWidth(0);
        facts.setPrefWidth(0); // the pane's width decides; the facts never widen it
        facts.setMinHeight(Region.USE_PREF_SIZE); // the tabs below give way, not a wrapped value
        messages.setId("detailMessages");
        messages.setCellFactory(list -> new MessageCell());
        raw.setId("detailRaw");
        raw.setEditable(false);
        raw.getStyleClass().add("raw-json");
        raw.setStyle(HangulFont.monoStyle());
        // The status chip keeps its full text; the long id gives way instead.
        status.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        reveal.setId("revealButton");
        reveal.textProperty().bind(i18n.text("detail.reveal"));
        reveal.visibleProperty().bind(revealAllowed);
        reveal.managedProperty().bind(revealAllowed);
        reveal.setOnAction(e -> revealCurrent());
        person.setHgap(10);
        person.setVgap(4);

        placeholder.textProperty().bind(i18n.text("detail.none"));
        placeholder.getStyleClass().add("placeholder");

        messagesTab = tab("detail.tab.messages", messages);
        tabs = new TabPane(
                messagesTab,
                tab("detail.tab.person", new VBox(8, person, reveal)),
                tab("detail.tab.data", new ScrollPane(data)),
                tab("detail.tab.raw", raw));
        tabs.setId("detailTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        header = new HBox(8, title, status);
        // a long session id breaks onto a second line instead of being cut off
        title.setWrapText(true);
        title.setMinWidth(0);
        header.setMinHeight(Region.USE_PREF_SIZE);
        content.getChildren().addAll(header, subtitle, freshness, warnings, place, actions, stepper, facts, tabs);
        VBox.setVgrow(content, Priority.ALWAYS);
        getChildren().setAll(placeholder);
        markable.put(DetailModel.Field.STATUS, List.of(status));
        markable.put(DetailModel.Field.PROGRESS, List.of(stepper));
        markable.put(DetailModel.Field.PLACE, List.of(place));
        i18n.localeProperty().addListener((o, a, b) -> render());
        i18n.timeStyleProperty().addListener((o, a, b) -> render());
    }

    /** Told after the pane shows a new copy, and on every tick (what an action allows can change with time). */
    public void addChangeListener(Runnable listener) {
        changeListeners.add(listener);
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

    /** The session whose personal data a developer revealed (audited), or null. */
    public String revealedId() {
        return revealedId;
    }

    /** A message's time in the locale's style; the raw text when it is not a timestamp. */
    private String messageTime(String raw, SessionDocument doc) {
        if (raw == null) {
            return "";
        }
        io.welno.console.session.SessionTimestamp parsed = io.welno.console.session.SessionTimestamp.parse(raw,
                doc == null ? zone : doc.zone());
        LocalDateTime now = LocalDateTime.now(clock.withZone(zone));
        return parsed == null ? raw : Formats.time(i18n, parsed.local(), now);
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
            model.clear();
            getChildren().setAll(placeholder);
            fireChanged();
            return;
        }
        if (previous == null || !previous.id().equals(row.id())) {
            revealedId = null;
        }
        if (model.show(row)) {
            render();
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
            render();
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
            if (!row.isEnded() && pastExpiry(row, now) != expiryWarned) {
                showWarnings(row.document(), now); // the backend's expiry passed while the pane was open
            }
            updateFact("fact.updated", model.updated(i18n));
            updateFact("fact.expires", model.expires(i18n));
            updateFact("fact.ttl", model.ttl(i18n));
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

    private void render() {
        SessionRow row = model.row();
        if (row == null) {
            return;
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
        VBox.setVgrow(content, Priority.ALWAYS);
        title.setText(SafeText.bounded(row.id(), SafeText.FIELD));
        if (!row.readable()) {
            StatusChips.applyUnreadable(status, i18n);
            subtitle.setText(i18n.format("detail.unreadable", SafeText.bounded(
                    Masking.raw(Wording.window(i18n).render(row.unreadableReason())), SafeText.TEXT)));
            warnings.getChildren().clear();
            place.show(row, null);
            stepper.getChildren().clear();
            facts.getChildren().clear();
            factValues.clear();
            messages.getItems().clear();
            person.getChildren().clear();
            data.getChildren().clear();
            // Not a tree DocumentMasker can walk: masked as text, unless a developer revealed this session.
            String preview = row.unreadable().preview();
            raw.setText(SafeText.escapeKeepingLines(row.id().equals(revealedId) ? preview : Masking.raw(preview)));
            return;
        }
        SessionDocument doc = row.document();
        StatusChips.apply(status, i18n, row.status());
        LocalDateTime now = LocalDateTime.now(clock.withZone(zone));
        showSubtitle(row, now);
        showWarnings(doc, row.isEnded() ? null : now);
        place.show(row, doc);
        showStepper(ProgressStepper.of(doc));
        showFacts(row, doc);
        messages.getItems().setAll(doc.messages());
        messages.scrollTo(Math.max(0, doc.messageCount() - 1));
        showPerson(doc);
        showData(doc);
        showRaw(row);
    }

    private void showSubtitle(SessionRow row, LocalDateTime now) {
        if (row.isEnded()) {
            subtitle.setText(i18n.get(row.endedKind() == io.welno.console.live.ChangeKind.EXPIRED
                    ? "ended.expired" : "ended.removed"));
            return;
        }
        DetailModel.Fact age = model.age(i18n);
        subtitle.setText(i18n.format("detail.subtitle", ProviderNames.name(i18n, row.provider()),
                row.partner().isEmpty() ? i18n.get("value.absent") : SafeText.bounded(row.partner(), SafeText.FIELD),
                age.missing() ? i18n.get("value.absent") : age.text()));
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
        mark(factLine("fact.updated"), marked.contains(DetailModel.Field.UPDATED));
        mark(factLine("fact.expires"), marked.contains(DetailModel.Field.EXPIRES));
        mark(factLine("fact.ttl"), marked.contains(DetailModel.Field.TTL));
        mark(factLine("fact.credentials"), marked.contains(DetailModel.Field.CREDENTIALS));
        mark(factLine("fact.collection"), marked.contains(DetailModel.Field.COLLECTION));
        if (messagesTab != null) {
            messagesTab.getStyleClass().remove("changed");
            if (marked.contains(DetailModel.Field.MESSAGES)) {
                messagesTab.getStyleClass().add("changed");
            }
        }
    }

    private Node factLine(String key) {
        Label value = factValues.get(key);
        return value == null ? null : value.getParent();
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

    private static boolean pastExpiry(SessionRow row, LocalDateTime now) {
        return row.expiresAt() != null && row.expiresAt().isBefore(now);
    }

    /** @param now the backend's time for its read rules (expiry, ownership); null for a session that ended */
    private void showWarnings(SessionDocument doc, LocalDateTime now) {
        warnings.getChildren().clear();
        SessionRow shown = model.row();
        expiryWarned = now != null && shown != null && pastExpiry(shown, now);
        for (DocumentWarning warning : doc.warnings()) {
            warning(i18n.get("warning." + warning.name()), warning.breaksBackend());
        }
        if (now == null) {
            return;
        }
        Wording words = Wording.window(i18n);
        BackendRules.readProblem(doc, now).filter(why -> why.key().equals("backend.expired")).ifPresent(why ->
                warning(words.render(Phrase.of("detail.backend.expired", why)), true));
        BackendRules.ownershipProblem(doc).ifPresent(why ->
                warning(words.render(Phrase.of("detail.backend.ownership", why)), false));
    }

    private void warning(String text, boolean strong) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE); // all of it on as many lines as it needs, not cut short with "…"
        label.getStyleClass().add(strong ? "warning-strong" : "warning");
        warnings.getChildren().add(label);
    }

    private void showStepper(List<ProgressStepper.State> states) {
        stepper.getChildren().clear();
        for (int i = 0; i < states.size(); i++) {
            Label step = new Label(i18n.get(ProgressStepper.KEYS.get(i)));
            step.setId(ProgressStepper.KEYS.get(i));
            step.getStyleClass().add("step");
            switch (states.get(i)) {
                case DONE -> step.getStyleClass().add("step-done");
                case CURRENT -> step.getStyleClass().add("step-current");
                case FAILED -> step.getStyleClass().add("step-failed");
                case TODO -> { }
            }
            stepper.getChildren().add(step);
        }
    }

    private void showFacts(SessionRow row, SessionDocument doc) {
        facts.getChildren().clear();
        factValues.clear();
        fact("fact.created", model.created(i18n));
        fact("fact.updated", model.updated(i18n));
        fact("fact.expires", model.expires(i18n));
        fact("fact.ttl", model.ttl(i18n));
        fact("fact.credentials", new DetailModel.Fact(i18n.format("fact.credentials.value",
                yesNo(doc.tempAuthData().isPresent()),
                doc.authData().map(a -> a.casing().name()).orElse(i18n.get("value.no"))), false));
        fact("fact.collection", new DetailModel.Fact(yesNo(doc.collectionStarted()), false));
    }

    private String yesNo(boolean value) {
        return i18n.get(value ? "value.yes" : "value.no");
    }

    private void fact(String key, DetailModel.Fact value) {
        Label name = new Label(i18n.get(key));
        name.getStyleClass().add("fact-name");
        Label text = new Label();
        text.setId(key);
        text.getStyleClass().add("fact-value");
        factValues.put(key, text);
        showFact(text, value);
        text.setWrapText(true); // a narrow pane wraps a long value instead of cutting it off
        text.setMinWidth(0);
        name.setMinWidth(120);
        name.setPrefWidth(120);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox line = new HBox(10, name, text);
        line.setMinWidth(0);
        line.getStyleClass().add("fact-line");
        facts.getChildren().add(line);
    }

    private void updateFact(String key, DetailModel.Fact value) {
        Label text = factValues.get(key);
        if (text != null) {
            showFact(text, value);
        }
    }

    /** A field the document lacks is shown as missing ("—", with a tooltip saying so), never as an empty value. */
    private void showFact(Label text, DetailModel.Fact value) {
        if (value.missing()) {
            text.setText(i18n.get("value.absent"));
            if (!text.getStyleClass().contains("fact-missing")) {
                text.getStyleClass().add("fact-missing");
                text.setTooltip(new Tooltip(i18n.get("value.absent.tip")));
            }
        } else {
            text.setText(value.text());
            text.getStyleClass().remove("fact-missing");
            text.setTooltip(null);
        }
    }

    private void showPerson(SessionDocument doc) {
        person.getChildren().clear();
        UserInfo user = doc.userInfo();
        SessionRow current = model.row();
        boolean revealed = current != null && current.id().equals(revealedId);
        personRow(0, "person.name", revealed ? user.name() : user.maskedName());
        personRow(1, "person.phone", revealed ? user.phoneNo() : user.maskedPhone());
        personRow(2, "person.birthdate", revealed ? user.birthdate()
                : io.welno.console.text.Masking.birthdate(user.birthdate()));
        personRow(3, "person.provider", ProviderNames.name(i18n, user.provider()));
        String cx = doc.authData().or(doc::tempAuthData).map(a -> revealed ? a.cxId()
                : io.welno.console.text.Masking.token(a.cxId())).orElse("");
        personRow(4, "person.cxid", cx);
    }

    private void personRow(int row, String key, String value) {
        Label name = new Label(i18n.get(key));
        name.getStyleClass().add("fact-name");
        Label text = new Label(value == null ? "" : SafeText.bounded(value, SafeText.FIELD));
        text.setId(key);
        person.addRow(row, name, text);
    }

    private void revealCurrent() {
        SessionRow current = current();
        if (current == null || !revealAllowed.get()) {
            return;
        }
        revealedId = current.id();
        onReveal.accept(current.id());
        render();
    }

    private void showData(SessionDocument doc) {
        data.getChildren().clear();
        data.getChildren().add(summaryLabel("data.checkups", doc.hasHealthData(), () -> {
            List<Checkup> list = Checkup.listFrom(doc.healthData());
            String latest = list.stream().map(c -> c.year() + " " + c.checkUpDate()).findFirst().orElse("-");
            return i18n.format("data.checkups.value", list.size(), latest);
        }));
        data.getChildren().add(summaryLabel("data.prescriptions", doc.hasPrescriptionData(), () -> {
            List<Prescription> list = Prescription.listFrom(doc.prescriptionData());
            String latest = list.stream().map(Prescription::treatmentStart).filter(s -> s != null)
                    .max(String::compareTo).orElse("-");
            return i18n.format("data.prescriptions.value", list.size(), latest);
        }));
    }

    private Label summaryLabel(String key, boolean present, java.util.function.Supplier<String> summary) {
        String text;
        try {
            text = present ? summary.get() : i18n.get("data.none");
        } catch (RuntimeException e) {
            text = i18n.get("data.unreadable");
        }
        // dates and counts read from the stored health data: outside text like the rest
        Label label = new Label(i18n.get(key) + ": " + SafeText.bounded(text, SafeText.TEXT));
        label.setWrapText(true);
        return label;
    }

    /** Pretty-prints off the FX thread; a newer selection wins over an older, slower one. */
    private void showRaw(SessionRow row) {
        long sequence = rawSequence.incrementAndGet();
        boolean revealed = row.id().equals(revealedId);
        raw.setText(i18n.get("detail.raw.loading"));
        SessionDocument doc = row.document();
        background.execute(() -> {
            String text;
            // JSON escapes C0 controls in strings; DEL, C1 and bidi characters are escaped here, as everywhere
            if (row.rawBytes() > RAW_RENDER_LIMIT) {
                text = SafeText.escapeKeepingLines(summarize(doc, row.rawBytes(), revealed));
            } else {
                // Revealed: the bytes Redis holds, as they are; masked: the masked tree in the backend's layout.
                text = SafeText.json(revealed ? new String(row.bytes(), StandardCharsets.UTF_8)
                        : Masking.phones(codec.write(DocumentMasker.mask(doc))));
            }
            Platform.runLater(() -> {
                if (rawSequence.get() == sequence) {
                    raw.setText(text);
                }
            });
        });
    }

    private String summarize(SessionDocument doc, int bytes, boolean revealed) {
        StringBuilder out = new StringBuilder(i18n.format("detail.raw.large", bytes / 1024)).append("\n\n");
        (revealed ? doc.tree() : DocumentMasker.mask(doc)).fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            String shown = value.isContainerNode() ? "(" + value.getNodeType().name().toLowerCase() + ", "
                    + codec.writeCompact(value).length() / 1024 + " KB)" : value.toString();
            if (shown.length() > 200) {
                shown = shown.substring(0, 200) + "…";
            }
            out.append(field.getKey()).append(": ").append(shown).append('\n');
        });
        return out.toString();
    }

    private final class MessageCell extends ListCell<SessionMessage> {
        @Override
        protected void updateItem(SessionMessage message, boolean empty) {
            super.updateItem(message, empty);
            SessionRow current = model.row();
            if (empty || message == null || current == null || current.document() == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            UserInfo user = current.document().userInfo();
            boolean revealed = current.id().equals(revealedId);
            Label time = new Label(SafeText.bounded(messageTime(message.timestamp(), current.document()), SafeText.FIELD));
            time.getStyleClass().add("message-time");
            Label type = new Label(message.typeWire() == null ? "?" : SafeText.bounded(message.typeWire(), SafeText.FIELD));
            type.getStyleClass().addAll("message-type", "message-" + message.type().name().toLowerCase());
            VBox body = new VBox(2);
            if (message.isObject() && message.title() != null) {
                Label t = new Label(SafeText.bounded(message.title(), SafeText.TEXT));
                t.getStyleClass().add("message-title");
                body.getChildren().add(t);
            }
            String text = message.text() == null ? "" : message.text();
            String shown = revealed ? text : Masking.phones(DocumentMasker.maskText(text, user));
            // escaped so no line break or bidi override in a message changes what the timeline shows
            Label textLabel = new Label(SafeText.bounded(shown, MESSAGE_CHARS));
            textLabel.setWrapText(true);
            // as wide as the list leaves next to the time column, so nothing is cut off at the right
            textLabel.maxWidthProperty().bind(messages.widthProperty().subtract(125));
            body.getChildren().add(textLabel);
            if (SafeText.escape(shown).length() > MESSAGE_CHARS) {
                Hyperlink whole = new Hyperlink(i18n.get("text.full"));
                whole.getStyleClass().add("message-full");
                whole.setOnAction(e -> FullTextDialog.show(getScene() == null ? null : getScene().getWindow(), i18n,
                        shown));
                body.getChildren().add(whole);
            }
            if (message.isObject() && message.errorKind() != null) {
                Label kind = new Label(SafeText.bounded(message.errorKind(), SafeText.FIELD));
                kind.getStyleClass().add("message-kind");
                body.getChildren().add(kind);
            }
            Region spacer = new Region();
            HBox.setHgrow(body, Priority.ALWAYS);
            HBox line = new HBox(8, new VBox(2, time, type), body, spacer);
            setGraphic(line);
            setText(null);
        }
    }
}
