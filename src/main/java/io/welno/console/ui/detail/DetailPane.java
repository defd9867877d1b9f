package io.welno.console.ui.detail;

import io.welno.console.ui.common.FullTextDialog;
import io.welno.console.ui.common.HangulFont;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.common.StatusChips;
import io.welno.console.text.Masking;
import io.welno.console.text.Phrase;
import io.welno.console.text.SafeText;
import io.welno.console.view.Formats;
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
import java.util.List;
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
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The selected session: status, the allowed actions, a progress stepper, the message timeline, the
 * person (masked unless a reveal was requested and audited), data summaries and the raw JSON.
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
    private final VBox warnings = new VBox(4);
    private final FilePlaceView place;
    private final FlowPane actions = new FlowPane(6, 6);
    private final FlowPane stepper = new FlowPane(4, 4);
    /** Rows of name and value; a VBox of HBoxes, because a GridPane does not give wrapped values their height. */
    private final VBox facts = new VBox(3);
    private final ListView<SessionMessage> messages = new ListView<>();
    private final GridPane person = new GridPane();
    private final Button reveal = new Button();
    private final VBox data = new VBox(8);
    private final TextArea raw = new TextArea();
    private final Label placeholder = new Label();
    private final VBox content = new VBox(10);
    private final BooleanProperty revealAllowed = new SimpleBooleanProperty(false);
    private final AtomicLong rawSequence = new AtomicLong();

    private SessionRow current;
    private String revealedId;

    public DetailPane(I18n i18n, Clock clock, ZoneId zone, Executor background, SessionCodec codec, Consumer<String> onReveal) {
        this.i18n = i18n;
        this.clock = clock;
        this.zone = zone;
        this.background = background;
        this.codec = codec;
        this.onReveal = onReveal;
        this.place = new FilePlaceView(i18n, background, codec);
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

        TabPane tabs = new TabPane(
                tab("detail.tab.messages", messages),
                tab("detail.tab.person", new VBox(8, person, reveal)),
                tab("detail.tab.data", new ScrollPane(data)),
                tab("detail.tab.raw", raw));
        tabs.setId("detailTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        HBox header = new HBox(8, title, status);
        // a long session id breaks onto a second line instead of being cut off
        title.setWrapText(true);
        title.setMinWidth(0);
        header.setMinHeight(Region.USE_PREF_SIZE);
        content.getChildren().addAll(header, subtitle, warnings, place, actions, stepper, facts, tabs);
        VBox.setVgrow(content, Priority.ALWAYS);
        getChildren().setAll(placeholder);
        i18n.localeProperty().addListener((o, a, b) -> show(current));
        i18n.timeStyleProperty().addListener((o, a, b) -> show(current));
    }

    private Tab tab(String key, Node node) {
        Tab tab = new Tab();
        tab.textProperty().bind(i18n.text(key));
        tab.setContent(node);
        tab.setId(key);
        return tab;
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

    public SessionRow current() {
        return current;
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

    public void show(SessionRow row) {
        SessionRow previous = current;
        current = row;
        if (row == null) {
            getChildren().setAll(placeholder);
            return;
        }
        if (previous == null || !previous.id().equals(row.id())) {
            revealedId = null;
        }
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
        subtitle.setText(row.isEnded()
                ? i18n.get(row.endedKind() == io.welno.console.live.ChangeKind.EXPIRED ? "ended.expired" : "ended.removed")
                : i18n.format("detail.subtitle", ProviderNames.name(i18n, row.provider()),
                        SafeText.bounded(row.partner(), SafeText.FIELD),
                        Formats.age(i18n, row.createdAt(), now)));
        showWarnings(doc, row.isEnded() ? null : now);
        place.show(row, doc);
        showStepper(row.progressSteps(), row.status().isTerminal() && row.progressSteps() < 6);
        showFacts(row, doc, now);
        messages.getItems().setAll(doc.messages());
        messages.scrollTo(Math.max(0, doc.messageCount() - 1));
        showPerson(doc);
        showData(doc);
        showRaw(row);
    }

    /** @param now the backend's time for its read rules (expiry, ownership); null for a session that ended */
    private void showWarnings(SessionDocument doc, LocalDateTime now) {
        warnings.getChildren().clear();
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

    private void showStepper(int steps, boolean failed) {
        stepper.getChildren().clear();
        String[] keys = {"step.start", "step.requested", "step.approved", "step.checkups", "step.prescriptions",
            "step.completed"};
        for (int i = 0; i < keys.length; i++) {
            Label step = new Label(i18n.get(keys[i]));
            step.getStyleClass().add("step");
            if (i < steps) {
                step.getStyleClass().add("step-done");
            } else if (i == steps) {
                step.getStyleClass().add(failed ? "step-failed" : "step-current");
            }
            stepper.getChildren().add(step);
        }
    }

    private void showFacts(SessionRow row, SessionDocument doc, LocalDateTime now) {
        facts.getChildren().clear();
        int r = 0;
        fact(r++, "fact.created", Formats.dateTime(i18n, row.createdAt(), zone));
        fact(r++, "fact.updated", Formats.moment(i18n, row.updatedAt(), now, zone) + "  ("
                + Formats.age(i18n, row.updatedAt(), now) + ")");
        fact(r++, "fact.expires", row.expiresAt() == null ? i18n.get("value.missing")
                : Formats.moment(i18n, row.expiresAt(), now, zone) + "  ("
                + Formats.countdown(i18n, row.expiresAt(), now) + ")");
        long ttl = row.ttlNowMillis(clock.millis());
        fact(r++, "fact.ttl", ttl == StoredSession.UNKNOWN_TTL ? i18n.get("ttl.file") : ttl < 0 ? i18n.get("ttl.none")
                : Formats.duration(i18n, java.time.Duration.ofMillis(ttl)));
        fact(r++, "fact.credentials", i18n.format("fact.credentials.value",
                yesNo(doc.tempAuthData().isPresent()),
                doc.authData().map(a -> a.casing().name()).orElse(i18n.get("value.no"))));
        fact(r, "fact.collection", yesNo(doc.collectionStarted()));
    }

    private String yesNo(boolean value) {
        return i18n.get(value ? "value.yes" : "value.no");
    }

    private void fact(int row, String key, String value) {
        Label name = new Label(i18n.get(key));
        name.getStyleClass().add("fact-name");
        Label text = new Label(value);
        text.getStyleClass().add("fact-value");
        text.setWrapText(true); // a narrow pane wraps a long value instead of cutting it off
        text.setMinWidth(0);
        name.setMinWidth(120);
        name.setPrefWidth(120);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox line = new HBox(10, name, text);
        line.setMinWidth(0);
        facts.getChildren().add(line);
    }

    private void showPerson(SessionDocument doc) {
        person.getChildren().clear();
        UserInfo user = doc.userInfo();
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
        if (current == null || !revealAllowed.get()) {
            return;
        }
        revealedId = current.id();
        onReveal.accept(current.id());
        show(current);
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
