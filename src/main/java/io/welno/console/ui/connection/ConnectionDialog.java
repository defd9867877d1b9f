package io.welno.console.ui.connection;

import io.welno.console.text.PhrasedException;
import io.welno.console.ui.common.AltKeyCheckBox;
import io.welno.console.ui.common.HangulFont;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.common.TextMenus;
import io.welno.console.app.ConnectionCheck;
import io.welno.console.app.ConnectionMemory;
import io.welno.console.app.ConnectionProfile;
import io.welno.console.app.ConnectionProfiles;
import io.welno.console.app.ConsoleServices;
import io.welno.console.flow.Role;
import io.welno.console.store.RedisConnectionSettings;
import io.welno.console.text.Phrase;
import io.welno.console.text.SafeText;
import io.welno.console.tilko.TilkoConfig;
import io.welno.console.ui.common.ProfileWords;
import io.welno.console.view.Wording;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Window;

/**
 * Choose, add, edit or delete connection profiles, or pick the embedded demo. It opens on the profile the window
 * is connected to. Passwords and Tilko keys are typed here and kept in memory until the console closes
 * ({@link ConnectionMemory}); profiles on disk never contain them. Connect first tries the profile
 * ({@link ConnectionCheck}, off the FX thread) and closes only when it works: a wrong password, an unreachable
 * address or a TLS problem is said here with what to do, and keyspace notifications that are off are said once
 * (Connect again goes ahead, polling). The profiles file is read and written on the background executor (a home
 * directory can be a slow network share); the list follows when it is done.
 *
 * <p>Longer than most because the profile list, the form, the check before connecting and the profiles file's
 * background reads and writes all act on the same fields and the same selected profile; the check itself is
 * {@link ConnectionCheck}'s and what is kept in memory {@link ConnectionMemory}'s.
 */
public final class ConnectionDialog extends Dialog<ConnectionDialog.Choice> {

    /**
     * What to connect to: the demo (profile null) or a profile with the password and the Tilko key typed for it
     * (null or empty when none was typed: then the key is the environment's, if any).
     */
    public record Choice(ConnectionProfile profile, String password, String tilkoKey) {

        public Choice(ConnectionProfile profile, String password) {
            this(profile, password, null);
        }

        public boolean demo() {
            return profile == null;
        }

        /** No secret in a log line or an exception message. */
        @Override
        public String toString() {
            return demo() ? "Choice[demo]" : "Choice[" + profile.name() + "]";
        }
    }

    /** Tries a profile with a password; blocking, called on the background executor. */
    public interface Checker {
        /** @param tilkoKey the Tilko API key the connection would use (typed, or the environment's), or null */
        List<ConnectionCheck.Finding> check(ConnectionProfile profile, String password, String tilkoKey);
    }

    /**
     * The role box's entry for a saved role: a hand-edited file's "Operator" is the role the console uses (roles are
     * read without regard to case), so the box shows it rather than staying blank; an unknown word is left as written
     * for the check to name.
     */
    private static String shownRole(String saved) {
        try {
            return Role.fromWire(saved).wire();
        } catch (RuntimeException unknown) {
            return saved;
        }
    }

    private static final String DEFAULT_ZONE = "Asia/Seoul";
    private static final String DEFAULT_ENVIRONMENT = "production";
    /** What the demo runs with: it starts as an operator and turns keyspace notifications on. */
    private static final ConnectionProfile DEMO_ENTRY = new ConnectionProfile("\u0000demo", null,
            ConsoleServices.DEMO_ROLE.wire(), DEFAULT_ZONE, ProfileWords.DEMO, true, null);

    /** Not a profile name (names are never empty): select the first saved profile. */
    private static final String FIRST_SAVED = "";

    private final I18n i18n;
    private final ConnectionProfiles store;
    private final Executor background;
    private final ConnectionMemory memory;
    private final Checker checker;
    private final ListView<ConnectionProfile> list = new ListView<>();
    private final TextField name = new TextField();
    private final TextField url = new TextField();
    private final TextField user = new TextField();
    private final PasswordField password = new PasswordField();
    /** Redis has 16 databases unless configured otherwise; a URL may name any the server has. */
    private final Spinner<Integer> database = new Spinner<>(0, 999_999_999, 0);
    private final TextField prefix = new TextField(RedisConnectionSettings.DEFAULT_PREFIX);
    private final TextField ca = new TextField();
    private final ComboBox<String> role = new ComboBox<>(FXCollections.observableArrayList("viewer", "operator", "developer"));
    private final TextField zone = new TextField(DEFAULT_ZONE);
    private final ComboBox<String> environment = new ComboBox<>(
            FXCollections.observableArrayList(ProfileWords.ENVIRONMENTS));
    private final CheckBox notifications = new AltKeyCheckBox();
    private final TextField tilko = new TextField();
    private final PasswordField tilkoKey = new PasswordField();
    private final Label tilkoSource = new Label();
    private final Label passwordKept = new Label();
    private final TextField files = new TextField();
    private final Label error = new Label();
    private final Button connectButton;
    /** The choice whose warnings were shown: Connect again with the same one goes ahead. */
    private Choice warned;

    public ConnectionDialog(Window owner, I18n i18n, ConnectionProfiles store, Executor background,
                            ConnectionMemory memory, Checker checker) {
        this.i18n = i18n;
        this.store = store;
        this.background = background;
        this.memory = memory;
        this.checker = checker;
        initOwner(owner);
        setTitle(i18n.get("connect.title"));
        setHeaderText(i18n.get("connect.header"));
        getDialogPane().setId("connectionDialog");
        getDialogPane().setStyle(HangulFont.rootStyle());
        TextMenus.install(getDialogPane(), i18n); // the same words as every other text field of the window
        if (owner != null && owner.getScene() != null) {
            getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        list.setId("profileList");
        list.setPrefWidth(250); // the demo entry's name fits without a scroll bar
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ConnectionProfile item, boolean empty) {
                super.updateItem(item, empty);
                // a name from the profiles file, which a user may have edited by hand
                setText(empty || item == null ? null : item == DEMO_ENTRY ? i18n.get("connect.demo")
                        : SafeText.bounded(item.name(), SafeText.FIELD));
            }
        });
        list.getItems().add(DEMO_ENTRY);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> fill(p));

        name.setId("profileName");
        url.setId("profileUrl");
        url.setPromptText("redis://10.0.1.10:6379  ·  rediss://redis.internal:6380");
        user.setId("profileUser");
        password.setId("profilePassword");
        database.setId("profileDatabase");
        password.setPromptText(i18n.get("connect.password.prompt"));
        role.setId("profileRole");
        ProfileWords.showRoles(role, i18n);
        role.setValue(Role.VIEWER.wire());
        environment.setId("profileEnvironment");
        environment.setEditable(true);
        ProfileWords.showEnvironments(environment, i18n);
        environment.setValue(DEFAULT_ENVIRONMENT);
        notifications.setText(i18n.get("connect.notifications"));
        ca.setPromptText(i18n.get("connect.ca.prompt"));
        tilko.setId("profileTilkoUrl");
        tilko.setPromptText(TilkoConfig.DEFAULT_BASE_URL);
        tilkoKey.setId("profileTilkoKey");
        tilkoKey.setPromptText(i18n.get("connect.tilkoKey.prompt"));
        tilkoSource.setId("tilkoKeySource");
        passwordKept.setId("passwordKept");
        passwordKept.setText(i18n.get("connect.password.kept"));
        for (Label note : List.of(tilkoSource, passwordKept)) {
            // As wide as the fields: a long sentence wraps there instead of widening the form.
            note.prefWidthProperty().bind(tilko.widthProperty());
            note.setMinHeight(Region.USE_PREF_SIZE);
            note.setWrapText(true);
            note.getStyleClass().add("fact-name");
            note.managedProperty().bind(note.visibleProperty());
        }
        passwordKept.setVisible(false);
        tilko.textProperty().addListener((o, a, b) -> showTilkoSource());
        tilkoKey.textProperty().addListener((o, a, b) -> showTilkoSource());
        password.textProperty().addListener((o, a, b) -> passwordKept.setVisible(!b.isEmpty()
                && b.equals(memory.password(shownProfile()).orElse(null))));
        zone.setId("profileZone");
        ca.setId("profileCa");
        prefix.setId("profilePrefix");
        notifications.setId("profileNotifications");
        files.setId("profileFiles");
        files.setPromptText(i18n.get("connect.files.prompt"));
        error.setId("connectError");
        error.setWrapText(true);
        error.setVisible(false);
        error.managedProperty().bind(error.visibleProperty());

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        int r = 0;
        form.addRow(r++, label("connect.name", name), name);
        form.addRow(r++, label("connect.url", url), url);
        form.addRow(r++, label("connect.user", user), user);
        form.addRow(r++, label("connect.password", password), password);
        form.add(passwordKept, 1, r++);
        form.addRow(r++, label("connect.database", database), database);
        form.addRow(r++, label("connect.prefix", prefix), prefix);
        form.addRow(r++, label("connect.ca", ca), ca);
        form.addRow(r++, label("connect.role", role), role);
        form.addRow(r++, label("connect.zone", zone), zone);
        form.addRow(r++, label("connect.environment", environment), environment);
        form.addRow(r++, new Label(), notifications);
        form.addRow(r++, label("connect.tilko", tilko), tilko);
        form.addRow(r++, label("connect.tilkoKey", tilkoKey), tilkoKey);
        form.add(tilkoSource, 1, r++);
        form.addRow(r, label("connect.files", files), files);
        name.setPrefColumnCount(28);

        Button save = new Button(i18n.get("connect.save"));
        save.setId("profileSave");
        save.setOnAction(e -> save());
        Button delete = new Button(i18n.get("connect.delete"));
        delete.setOnAction(e -> delete());
        delete.setId("profileDelete");
        Button fresh = new Button(i18n.get("connect.new"));
        fresh.setId("profileNew");
        fresh.setOnAction(e -> {
            list.getSelectionModel().clearSelection();
            fill(null);
        });
        // A long error wraps at the form's width rather than widening the dialog past the screen.
        error.prefWidthProperty().bind(form.widthProperty());
        error.setMinHeight(Region.USE_PREF_SIZE);
        VBox right = new VBox(8, form, new HBox(6, fresh, save, delete), error);
        HBox content = new HBox(12, list, right);
        content.setPadding(new Insets(6));
        getDialogPane().setContent(content);

        ButtonType connect = new ButtonType(i18n.get("connect.connect"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(connect, new ButtonType(i18n.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        connectButton = (Button) getDialogPane().lookupButton(connect);
        connectButton.setId("connectButton");
        // The dialog closes only once the connection was tried and works (or its warnings were accepted).
        connectButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            if (list.getSelectionModel().getSelectedItem() == DEMO_ENTRY) {
                finish(new Choice(null, null));
            } else {
                validated().ifPresent(this::check);
            }
        });
        setResultConverter(button -> null);
        list.getSelectionModel().select(0);
        // The profile in use; before the first connection the first saved one (the demo is one click away).
        onProfiles(profiles -> profiles, memory.demo() ? DEMO_ENTRY.name() : memory.current().orElse(FIRST_SAVED));
    }

    private void check(ConnectionProfile profile) {
        Choice choice = new Choice(profile, password.getText(), tilkoKey.getText());
        String typedOrEnvironmentKey = memory.tilkoKey(choice.tilkoKey()).orElse(null);
        connectButton.setDisable(true);
        showMessage(List.of(i18n.format("connect.checking", SafeText.bounded(profile.name(), SafeText.FIELD))),
                "checking");
        background.execute(() -> {
            List<ConnectionCheck.Finding> findings;
            try {
                findings = checker.check(profile, choice.password(), typedOrEnvironmentKey);
            } catch (RuntimeException e) {
                Phrase named = PhrasedException.find(e);
                findings = List.of(new ConnectionCheck.Finding(true, Phrase.of("connect.problem.unexpected",
                        named != null ? named : e.getMessage() != null ? e.getMessage()
                                : e.getClass().getSimpleName())));
            }
            List<ConnectionCheck.Finding> found = findings;
            Platform.runLater(() -> checked(choice, found));
        });
    }

    private void checked(Choice choice, List<ConnectionCheck.Finding> findings) {
        connectButton.setDisable(false);
        if (!isShowing()) {
            return;
        }
        Wording words = Wording.window(i18n);
        List<String> blocking = findings.stream().filter(ConnectionCheck.Finding::blocking)
                .map(f -> words.render(f.phrase())).toList();
        if (!blocking.isEmpty()) {
            warned = null;
            showMessage(blocking, "warning-strong");
            return;
        }
        List<String> warnings = findings.stream().map(f -> words.render(f.phrase())).toList();
        if (!warnings.isEmpty() && !choice.equals(warned)) {
            warned = choice;
            showMessage(Stream.concat(warnings.stream(), Stream.of(i18n.get("connect.again"))).toList(), "warning");
            return;
        }
        finish(choice);
    }

    private void finish(Choice choice) {
        setResult(choice);
        close();
    }

    private String shownProfile() {
        ConnectionProfile selected = list.getSelectionModel().getSelectedItem();
        return selected == null || selected == DEMO_ENTRY ? null : selected.name();
    }

    /** Which Tilko key a connection would use, so nobody has to guess why Re-send stays grey. */
    private void showTilkoSource() {
        if (list.getSelectionModel().getSelectedItem() == DEMO_ENTRY) {
            tilkoSource.setText(i18n.get("connect.tilko.source.demo"));
        } else if (tilko.getText().isBlank()) {
            tilkoSource.setText(i18n.get("connect.tilko.source.noUrl"));
        } else {
            tilkoSource.setText(i18n.get("connect.tilko.source."
                    + memory.tilkoKeySource(tilkoKey.getText()).name().toLowerCase(java.util.Locale.ROOT)));
        }
    }

    /**
     * A field's label, tied to it: a screen reader names the field by it (its accessible text is what is typed, and a
     * password field's nothing).
     */
    private Label label(String key, javafx.scene.Node field) {
        Label label = new Label(i18n.get(key));
        label.getStyleClass().add("fact-name");
        label.setLabelFor(field);
        return label;
    }

    /**
     * On the background executor: reads the profiles, applies {@code change} and, when it changed them,
     * saves the result; then shows them, selecting the profile named {@code select} (null: keep the
     * selection). A file that cannot be read or written is a sentence under the form; the demo stays.
     */
    private void onProfiles(UnaryOperator<List<ConnectionProfile>> change, String select) {
        background.execute(() -> {
            List<ConnectionProfile> shown;
            RuntimeException failure = null;
            try {
                List<ConnectionProfile> before = store.load();
                shown = change.apply(new ArrayList<>(before));
                if (!shown.equals(before)) {
                    store.save(shown);
                }
            } catch (RuntimeException e) {
                failure = e;
                shown = null;
            }
            List<ConnectionProfile> result = shown;
            RuntimeException error = failure;
            Platform.runLater(() -> show(result, error, select));
        });
    }

    private void show(List<ConnectionProfile> profiles, RuntimeException failure, String select) {
        if (failure != null) {
            showError(failure);
            return;
        }
        ConnectionProfile selected = list.getSelectionModel().getSelectedItem();
        String keep = select != null ? select : selected == null ? null : selected.name();
        List<ConnectionProfile> items = new ArrayList<>();
        items.add(DEMO_ENTRY);
        items.addAll(profiles);
        list.getItems().setAll(items);
        int fallback = FIRST_SAVED.equals(keep) && items.size() > 1 ? 1 : 0;
        items.stream().filter(p -> p.name().equals(keep)).findFirst()
                .ifPresentOrElse(p -> list.getSelectionModel().select(p),
                        () -> list.getSelectionModel().select(fallback));
    }

    private void fill(ConnectionProfile profile) {
        error.setVisible(false);
        warned = null;
        boolean demo = profile == DEMO_ENTRY;
        for (var field : List.of(name, url, user, password, prefix, ca, zone, tilko, tilkoKey, files)) {
            field.setDisable(demo);
        }
        role.setDisable(demo);
        environment.setDisable(demo);
        database.setDisable(demo);
        if (profile == null || demo) {
            // A new profile starts from the safe defaults, not from the profile shown before it (a developer role,
            // another team's CA); the demo's rows say what the demo runs with.
            clearAddress();
            for (TextInputControl field : List.of(name, password, tilko, tilkoKey, files)) {
                field.setText("");
            }
            zone.setText(DEFAULT_ZONE);
            role.setValue(demo ? DEMO_ENTRY.role() : Role.VIEWER.wire());
            environment.setValue(demo ? DEMO_ENTRY.environment() : DEFAULT_ENVIRONMENT);
            notifications.setSelected(demo);
            showTilkoSource();
            return;
        }
        // Shown again after it was saved: what was typed for it and is kept only in memory stays typed.
        boolean again = editable(profile.name()).equals(name.getText().strip());
        String typedPassword = again ? password.getText() : "";
        String typedTilkoKey = again ? tilkoKey.getText() : "";
        name.setText(editable(profile.name()));
        IllegalArgumentException unusable = null;
        try {
            RedisConnectionSettings s = RedisConnectionSettings.parse(profile.url());
            url.setText(TypedAddress.shown(s));
            user.setText(s.user() == null ? "" : s.user());
            database.getValueFactory().setValue(s.database());
            prefix.setText(s.keyPrefix());
            ca.setText(s.caCertificate() == null ? "" : s.caCertificate().toString());
        } catch (IllegalArgumentException e) {
            // Saved by an earlier console that took it (a CA with redis://) or edited by hand: shown as written, to
            // be mended here, with the reason; saving spreads it over the fields again.
            clearAddress();
            url.setText(SafeText.bounded(profile.url(), SafeText.TEXT));
            unusable = e;
        }
        role.setValue(shownRole(profile.role()));
        zone.setText(editable(profile.zone()));
        environment.setValue(editable(profile.environment()));
        notifications.setSelected(profile.mayEnableNotifications());
        tilko.setText(editable(profile.tilkoUrl()));
        files.setText(editable(profile.filesDirectory()));
        // What worked for this profile earlier in this run, so switching back does not ask again.
        password.setText(!typedPassword.isEmpty() ? typedPassword : memory.password(profile.name()).orElse(""));
        tilkoKey.setText(!typedTilkoKey.isEmpty() ? typedTilkoKey : memory.typedTilkoKey(profile.name()).orElse(""));
        showTilkoSource();
        if (unusable != null) {
            showError(unusable);
        }
        fit();
    }

    /** The address's fields as a new profile has them. */
    private void clearAddress() {
        for (TextInputControl field : List.of(url, user, ca)) {
            field.setText("");
        }
        database.getValueFactory().setValue(0);
        prefix.setText(RedisConnectionSettings.DEFAULT_PREFIX);
    }

    /**
     * A whole URL typed or pasted as the address: its user, password, database, key prefix and CA certificate go to
     * their fields, where the operator sees them (the password to the field kept in memory, never into the profile),
     * and the address keeps the rest.
     */
    private TypedAddress spread(TypedAddress typed) {
        if (!typed.address().equals(url.getText().strip())) {
            url.setText(typed.address());
        }
        if (typed.user() != null) {
            user.setText(typed.user());
        }
        if (typed.password() != null) {
            password.setText(typed.password());
        }
        if (typed.database() != null) {
            database.getValueFactory().setValue(typed.database());
        }
        if (typed.prefix() != null) {
            prefix.setText(typed.prefix());
        }
        if (typed.ca() != null) {
            ca.setText(typed.ca());
        }
        return typed;
    }

    /**
     * A profile's text from the file as an edit field can show it: an edit field shows what it holds, so a direction
     * override or an invisible character in a hand-edited profile would make it read as another ("ops\u202Etset-dorp"
     * as opsprod-test); such text is shown escaped, and saved so unless it is mended ({@link #refuseHidden}).
     */
    private static String editable(String value) {
        return value == null ? "" : SafeText.escapeIfHiding(value);
    }

    /** Text typed into a field the profile keeps: what the window shows of it must be what it says. */
    private static void refuseHidden(String fieldKey, String typed) {
        int at = SafeText.firstUnsafeTyped(typed);
        if (at >= 0) {
            throw new PhrasedException(Phrase.of("profile.unsafe", Phrase.of(fieldKey), at + 1));
        }
    }

    /** Builds a profile from the form, or shows what is wrong in a sentence. */
    Optional<ConnectionProfile> validated() {
        try {
            refuseHidden("connect.name", name.getText());
            refuseHidden("connect.zone", zone.getText());
            refuseHidden("connect.environment", environment.getValue());
            refuseHidden("connect.tilko", tilko.getText());
            refuseHidden("connect.files", files.getText());
            String base = url.getText().strip();
            if (base.isEmpty()) {
                throw new IllegalArgumentException(i18n.get("connect.error.url"));
            }
            TypedAddress typed = spread(TypedAddress.of(base));
            String host = typed.server();
            StringBuilder full = new StringBuilder();
            int schemeEnd = host.indexOf("://") + 3;
            full.append(host, 0, schemeEnd);
            if (!user.getText().isBlank()) {
                full.append(URLEncoder.encode(user.getText().strip(), StandardCharsets.UTF_8)).append('@');
            }
            full.append(host.substring(schemeEnd)).append('/').append(database.getValue());
            full.append("?prefix=").append(URLEncoder.encode(prefix.getText().strip(), StandardCharsets.UTF_8));
            if (!ca.getText().isBlank()) {
                full.append("&ca=").append(URLEncoder.encode(ca.getText().strip(), StandardCharsets.UTF_8));
            }
            typed.options().forEach(option -> full.append('&').append(option));
            RedisConnectionSettings.parse(full.toString());
            ConnectionProfile.zoneOf(zone.getText());
            if (!tilko.getText().isBlank()) {
                var problem = TilkoConfig.baseUrlProblem(tilko.getText().strip());
                if (problem.isPresent()) {
                    throw new PhrasedException(problem.get());
                }
            }
            String profileName = name.getText().isBlank() ? host.substring(schemeEnd) : name.getText().strip();
            ConnectionProfile profile = new ConnectionProfile(profileName, full.toString(), role.getValue(),
                    zone.getText().strip(), environment.getValue(), notifications.isSelected(),
                    tilko.getText().isBlank() ? null : tilko.getText().strip(), files.getText());
            error.setVisible(false);
            return Optional.of(profile);
        } catch (RuntimeException e) {
            showError(e);
            return Optional.empty();
        }
    }

    private void save() {
        validated().ifPresent(profile -> onProfiles(all -> {
            // On the background executor: the folder may be on a network share that takes its time to answer.
            profile.filesProblem().ifPresent(problem -> {
                throw new IllegalArgumentException(i18n.format("connect.error.files",
                        Wording.window(i18n).render(problem)));
            });
            // The form does not show the alert rules (Settings does): a re-saved profile keeps its own.
            ConnectionProfile kept = all.stream().filter(p -> p.name().equals(profile.name())).findFirst()
                    .map(old -> old.alerts() == null ? profile : profile.withAlerts(old.alertRules())).orElse(profile);
            all.removeIf(p -> p.name().equals(profile.name()));
            all.add(kept);
            return all;
        }, profile.name()));
    }

    private void delete() {
        ConnectionProfile selected = list.getSelectionModel().getSelectedItem();
        if (selected == null || selected == DEMO_ENTRY) {
            return;
        }
        onProfiles(all -> {
            all.removeIf(p -> p.name().equals(selected.name()));
            return all;
        }, DEMO_ENTRY.name());
    }

    /**
     * Bad input says so in the window's language (a phrase from the layer that checked it); any other failure shows
     * its message, which may quote the URL or the server: escaped and bounded like all outside text.
     */
    private void showError(RuntimeException failure) {
        showMessage(List.of(Objects.toString(Wording.window(i18n).said(failure), "")), "warning-strong");
    }

    /**
     * One line per sentence, each escaped and cut like other outside text: a finding or a failure can quote a server's
     * error, a file path or an exception's message, and the window must stay on the screen whatever they hold.
     */
    private void showMessage(List<String> lines, String style) {
        error.getStyleClass().removeAll("warning-strong", "warning", "checking");
        error.getStyleClass().add(style);
        error.setText(lines.stream().map(line -> SafeText.bounded(line, SafeText.TEXT))
                .collect(Collectors.joining("\n")));
        error.setVisible(true);
        fit();
    }

    /**
     * The window was sized for the form as it first was: it follows notes and messages, and moves up as far as it grew
     * past the screen's bottom, so Connect stays visible (on a small screen two findings pushed it off).
     */
    private void fit() {
        Platform.runLater(() -> {
            if (getDialogPane().getScene() == null || getDialogPane().getScene().getWindow() == null) {
                return;
            }
            Window window = getDialogPane().getScene().getWindow();
            window.sizeToScene();
            Rectangle2D screen = Screen.getScreensForRectangle(window.getX(), window.getY(), window.getWidth(),
                    window.getHeight()).stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
            if (window.getY() + window.getHeight() > screen.getMaxY()) {
                window.setY(Math.max(screen.getMinY(), screen.getMaxY() - window.getHeight()));
            }
        });
    }
}
