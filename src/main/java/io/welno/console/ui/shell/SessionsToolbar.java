package io.welno.console.ui.shell;

import io.welno.console.flow.Operator;
import io.welno.console.session.AuthProvider;
import io.welno.console.text.SafeText;
import io.welno.console.ui.common.AltKeyToggleButton;
import io.welno.console.ui.common.ChoiceWords;
import io.welno.console.ui.common.FieldNames;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.table.SessionTableModel;
import io.welno.console.view.ProviderNames;
import io.welno.console.view.Wording;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The toolbar above the sessions: the environment and role badges, the search, the provider and partner filters
 * (bound to the table model), pause with its pending-changes pill, and the settings menu.
 *
 * <p>The toolbar is a box, not a {@code ToolBar}: a tool bar moves what does not fit behind a "»" whose popup is
 * drawn outside the window. Here the search field gives way first and the trailing items (settings, Connections…)
 * keep their full width at any window width from {@link ConsoleWindow#MIN_WIDTH} up.
 */
final class SessionsToolbar {

    private final I18n i18n;
    private final TextField search = new TextField();
    private final ToggleButton pause = new AltKeyToggleButton(); // Alt+P, Alt+R
    private final Label environment = new Label();
    private final Label roleBadge = new Label();
    private final HBox bar;

    SessionsToolbar(SessionTableModel model, I18n i18n, SettingsMenu settings) {
        this.i18n = i18n;
        environment.setId("environmentBadge");
        environment.getStyleClass().add("env-badge");
        roleBadge.setId("roleBadge");
        roleBadge.getStyleClass().add("role-badge");
        HBox badges = new HBox(6, environment, roleBadge);
        roleBadge.visibleProperty().bind(roleBadge.textProperty().isNotEmpty());
        roleBadge.managedProperty().bind(roleBadge.visibleProperty());
        environment.visibleProperty().bind(environment.textProperty().isNotEmpty());
        environment.managedProperty().bind(environment.visibleProperty());

        search.setId("searchField");
        search.promptTextProperty().bind(i18n.text("search.prompt"));
        // short, and as wide as the toolbar has room for: it is what gives way first, before any badge or button
        search.setPrefColumnCount(10);
        search.setMinWidth(110);
        search.setMaxWidth(320);
        HBox.setHgrow(search, Priority.ALWAYS);
        model.searchProperty().bind(search.textProperty());
        FieldNames.name(search, i18n, "search.name");

        ComboBox<AuthProvider> provider = new ComboBox<>(FXCollections.observableArrayList(AuthProvider.values()));
        provider.getItems().add(0, null);
        provider.setId("providerFilter");
        Function<AuthProvider, String> providerWords = item -> item == null ? i18n.get("filter.provider.all")
                : ProviderNames.name(i18n, item);
        ChoiceWords.show(provider, i18n, providerWords);
        FieldNames.name(provider, i18n, "filter.provider.name", providerWords);
        provider.valueProperty().bindBidirectional(model.providerProperty());

        ComboBox<String> partner = new ComboBox<>();
        partner.setId("partnerFilter");
        partner.setItems(FXCollections.observableArrayList());
        model.partners().addListener((ListChangeListener<String>) c -> {
            String chosen = partner.getValue();
            partner.getItems().setAll(model.partners());
            partner.getItems().add(0, "");
            partner.setValue(chosen);
        });
        partner.promptTextProperty().bind(i18n.text("filter.partner.all"));
        // partner ids come from the sessions: shown escaped and short, filtered by the value itself
        Function<String, String> partnerWords = item -> item == null || item.isEmpty()
                ? i18n.get("filter.partner.all") : SafeText.bounded(item, SafeText.FIELD);
        ChoiceWords.show(partner, i18n, partnerWords);
        FieldNames.name(partner, i18n, "filter.partner.name", partnerWords);
        partner.valueProperty().bindBidirectional(model.partnerProperty());

        pause.setId("pauseButton");
        pause.textProperty().bind(Bindings.when(pause.selectedProperty())
                .then(i18n.text("live.resume")).otherwise(i18n.text("live.pause")));
        model.pausedProperty().bindBidirectional(pause.selectedProperty());

        Button pending = new Button();
        pending.setId("pendingPill");
        pending.getStyleClass().add("pill");
        pending.textProperty().bind(i18n.format("live.pending", model.pendingUpdatesProperty()));
        pending.visibleProperty().bind(model.pendingUpdatesProperty().greaterThan(0));
        pending.managedProperty().bind(pending.visibleProperty());
        pending.setOnAction(e -> pause.setSelected(false));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.SOMETIMES);
        // a long profile badge gives way (cut, whole in its tooltip) before Connections… would
        for (Label badge : List.of(environment, roleBadge)) {
            badge.setMinWidth(60);
            Tooltip whole = new Tooltip();
            whole.textProperty().bind(badge.textProperty());
            badge.setTooltip(whole);
        }
        pause.setMinWidth(Region.USE_PREF_SIZE);
        pending.setMinWidth(Region.USE_PREF_SIZE);
        settings.setMinWidth(Region.USE_PREF_SIZE);
        provider.setMinWidth(90);
        partner.setMinWidth(90);
        bar = new HBox(6, badges, search, provider, partner, pause, pending, spacer, settings);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("tool-bar");
        bar.setId("mainToolbar");
    }

    HBox node() {
        return bar;
    }

    void togglePause() {
        pause.setSelected(!pause.isSelected());
    }

    void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    void clearSearch() {
        search.clear();
    }

    /** Adds controls at the right end (e.g. the connection switcher); they never shrink or hide. */
    void addItems(Node... items) {
        for (Node item : items) {
            if (item instanceof Region region) {
                region.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        bar.getChildren().addAll(items);
    }

    /** The environment badge says "demo" in the window's language. */
    void showDemo() {
        environment.textProperty().bind(i18n.text("app.demo"));
    }

    void setEnvironment(String text, String styleClass) {
        environment.textProperty().unbind();
        environment.setText(text);
        environment.getStyleClass().removeIf(c -> c.startsWith("env-") && !c.equals("env-badge"));
        if (styleClass != null) {
            environment.getStyleClass().add(styleClass);
        }
    }

    void setRoleBadge(String text, boolean readOnly) {
        roleBadge.textProperty().unbind();
        roleBadge.setText(text);
        roleBadge.getStyleClass().remove("read-only");
        if (readOnly) {
            roleBadge.getStyleClass().add("read-only");
        }
    }

    /** The role badge for {@code operator}, following the language (again after the demo's role switch). */
    void showOperator(Operator operator) {
        roleBadge.getStyleClass().remove("read-only");
        if (!operator.role().mayWrite()) {
            roleBadge.getStyleClass().add("read-only");
            roleBadge.textProperty().bind(i18n.text("role.viewer.badge"));
        } else {
            // the OS user name or --operator: outside text like a session's fields
            String name = SafeText.bounded(operator.name(), SafeText.FIELD);
            roleBadge.textProperty().bind(Bindings.createStringBinding(() -> i18n.format("role.badge",
                    name, Wording.window(i18n).role(operator.role())), i18n.localeProperty()));
        }
    }

    /**
     * Says under the buckets that their counts follow the provider and partner filter, and not the search, and what
     * they stand for when they do not follow Redis: the last read, or the paused table without the changes waiting.
     */
    static Label countsNote(SessionTableModel model, I18n i18n) {
        Label note = new Label();
        note.setId("countsNote");
        note.getStyleClass().add("counts-note");
        note.setWrapText(true);
        // The bucket list sets the column's width; the note wraps inside it instead of widening it.
        note.setPrefWidth(0);
        note.setMaxWidth(Double.MAX_VALUE);
        note.textProperty().bind(Bindings.createStringBinding(() -> {
            AuthProvider p = model.providerProperty().get();
            String part = model.partnerProperty().get();
            String scope = Stream.of(p == null ? null : ProviderNames.name(i18n, p),
                            part == null || part.isEmpty() ? null : SafeText.bounded(part, SafeText.FIELD))
                    .filter(Objects::nonNull).collect(Collectors.joining(" · "));
            String filtered = scope.isEmpty() ? "" : i18n.format("bucket.counts.filtered", scope);
            // Paused with changes waiting, the counts are the paused table's, not the last read (the status bar's
            // count takes the waiting changes in): saying "as last read" then set two different numbers under one name.
            int waiting = model.pausedProperty().get() ? model.pendingUpdatesProperty().get() : 0;
            String standing = waiting > 0 ? i18n.format("bucket.counts.paused", waiting)
                    : model.followingProperty().get() ? "" : i18n.get("bucket.counts.lastRead");
            return Stream.of(standing, filtered).filter(text -> !text.isEmpty()).collect(Collectors.joining("\n"));
        }, model.providerProperty(), model.partnerProperty(), model.followingProperty(), model.pausedProperty(),
                model.pendingUpdatesProperty(), i18n.localeProperty()));
        note.visibleProperty().bind(note.textProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        return note;
    }
}
