package io.welno.console.ui;

import io.welno.console.ui.common.I18n;
import io.welno.console.ui.connection.ConnectionDialog;
import io.welno.console.testing.FxState;
import io.welno.console.app.ConnectionMemory;
import io.welno.console.app.ConnectionProfile;
import io.welno.console.app.ConnectionProfiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ConnectionDialogTest {

    @TempDir
    static Path dir;

    private ConnectionProfiles profiles;
    private final AtomicReference<Optional<ConnectionDialog.Choice>> result = new AtomicReference<>();
    private final I18n i18n = new I18n(Locale.ENGLISH);

    @Start
    void start(Stage stage) {
        profiles = new ConnectionProfiles(dir.resolve("profiles.json"));
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 300, 200));
        stage.show();
        // Every connection works here: trying one is ConnectionPasswordTest's part.
        ConnectionDialog dialog = new ConnectionDialog(stage, i18n, profiles, Runnable::run,
                new ConnectionMemory(variable -> null), (profile, password, tilkoKey) -> java.util.List.of());
        dialog.setOnHidden(e -> result.set(Optional.ofNullable(dialog.getResult())));
        dialog.show();
    }

    private static void newProfile(FxRobot robot, String name, String url) {
        robot.clickOn("#profileNew");
        robot.clickOn("#profileName").write(name);
        robot.clickOn("#profileUrl").write(url);
    }

    @Test
    void aProfileIsSavedWithoutItsPasswordAndConnectingHandsThePasswordOver(FxRobot robot) throws Exception {
        newProfile(robot, "prod", "redis://10.0.1.10:6380");
        robot.clickOn("#profileUser").write("support");
        robot.clickOn("#profilePassword").write("s3cret-pw");
        robot.clickOn("#profileSave");
        WaitForAsyncUtils.waitForFxEvents();
        String saved = Files.readString(profiles.file());
        assertFalse(saved.contains("s3cret-pw"), saved);
        ConnectionProfile profile = profiles.load().get(0);
        assertEquals("prod", profile.name());
        assertEquals("redis://support@10.0.1.10:6380/0?prefix=tilko_session%3A", profile.url());
        assertEquals("viewer", profile.role());

        robot.clickOn("#profilePassword").eraseText(20).write("typed-again");
        robot.clickOn("#connectButton");
        FxState.await("the dialog to close", () -> result.get() != null);
        ConnectionDialog.Choice choice = result.get().orElseThrow();
        assertFalse(choice.demo());
        assertEquals("typed-again", choice.password());
        assertEquals("prod", choice.profile().name());
    }

    /**
     * The backend's URL pasted whole: its parts go to the fields where the operator sees them, the password to the
     * one kept in memory (a profile never holds one), and the timeout stays with the address, saved and shown again.
     */
    @Test
    void aPastedUrlIsSpreadOverTheFieldsAndItsPasswordIsNotSaved(FxRobot robot) throws Exception {
        newProfile(robot, "backend", "redis://support:s3cret-pw@10.0.3.30:6381/2?socketTimeout=3000&prefix=welno%3A");
        robot.clickOn("#profileSave");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#connectError").query().isVisible(), "accepted");
        assertEquals("redis://10.0.3.30:6381?socketTimeout=3000", text(robot, "#profileUrl"));
        assertEquals("support", text(robot, "#profileUser"));
        assertEquals("s3cret-pw", text(robot, "#profilePassword"));
        assertEquals("welno:", text(robot, "#profilePrefix"));
        assertEquals(2, FxState.read(() -> robot.lookup("#profileDatabase")
                .queryAs(javafx.scene.control.Spinner.class).getValue()));
        String saved = Files.readString(profiles.file());
        assertFalse(saved.contains("s3cret-pw"), saved);
        ConnectionProfile profile = profiles.load().stream().filter(p -> p.name().equals("backend")).findFirst()
                .orElseThrow();
        assertEquals("redis://support@10.0.3.30:6381/2?prefix=welno%3A&socketTimeout=3000", profile.url());

        robot.clickOn("#connectButton");
        FxState.await("the dialog to close", () -> result.get() != null);
        assertEquals("s3cret-pw", result.get().orElseThrow().password());
    }

    @Test
    void aSavedProfileIsListedAndSelectedAndDeletingRemovesItFromTheFile(FxRobot robot) throws Exception {
        newProfile(robot, "staging", "redis://10.0.2.20:6380");
        robot.clickOn("#profileSave");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ListView<ConnectionProfile> list = robot.lookup("#profileList").queryAs(ListView.class);
        assertEquals("staging", list.getSelectionModel().getSelectedItem().name());
        assertTrue(profiles.load().stream().anyMatch(p -> p.name().equals("staging")));

        robot.clickOn("#profileDelete");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(profiles.load().stream().noneMatch(p -> p.name().equals("staging")));
        assertTrue(list.getItems().stream().noneMatch(p -> p.name().equals("staging")));
        assertEquals(0, list.getSelectionModel().getSelectedIndex(), "back on the demo entry");
    }

    @Test
    void aNewProfileStartsFromTheSafeDefaultsNotFromTheProfileShownBeforeIt(FxRobot robot) throws Exception {
        newProfile(robot, "prod-dev", "rediss://10.0.1.10:6380");
        ComboBox<String> role = combo(robot, "#profileRole");
        ComboBox<String> environment = combo(robot, "#profileEnvironment");
        CheckBox notifications = robot.lookup("#profileNotifications").queryAs(CheckBox.class);
        robot.interact(() -> {
            role.setValue("developer");
            environment.setValue("staging");
            notifications.setSelected(true);
        });
        robot.clickOn("#profileCa").write("/etc/team/ca.pem");
        robot.clickOn("#profilePrefix").eraseText(20).write("other:");
        robot.clickOn("#profileTilkoUrl").write("http://127.0.0.1:1");
        robot.clickOn("#profileSave");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("developer", profiles.load().stream().filter(p -> p.name().equals("prod-dev")).findFirst()
                .orElseThrow().role(), "saved as a developer's");

        robot.clickOn("#profileNew");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("viewer", role.getValue());
        assertEquals("production", environment.getValue());
        assertFalse(notifications.isSelected());
        // by its Alt key too, as a click does; no other control of the dialog answers it
        AltKeys.assertDistinct(notifications.getScene());
        AltKeys.press(robot, javafx.scene.input.KeyCode.K);
        assertTrue(notifications.isSelected(), "Alt+K ticks it");
        AltKeys.press(robot, javafx.scene.input.KeyCode.K);
        assertFalse(notifications.isSelected());
        assertEquals("", text(robot, "#profileCa"));
        assertEquals("tilko_session:", text(robot, "#profilePrefix"));
        assertEquals("", text(robot, "#profileTilkoUrl"));
        assertEquals("Asia/Seoul", text(robot, "#profileZone"));

        @SuppressWarnings("unchecked")
        ListView<ConnectionProfile> list = robot.lookup("#profileList").queryAs(ListView.class);
        selectProfile(robot, list, "prod-dev");
        robot.clickOn("#profileDelete"); // the profiles file is the class's: the other tests start without it
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(profiles.load().stream().noneMatch(p -> p.name().equals("prod-dev")));
    }

    @Test
    void theDemoEntryShowsWhatTheDemoRunsWith(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ListView<ConnectionProfile> list = robot.lookup("#profileList").queryAs(ListView.class);
        robot.interact(() -> list.getSelectionModel().select(0));
        ComboBox<String> role = combo(robot, "#profileRole");
        ComboBox<String> environment = combo(robot, "#profileEnvironment");
        assertEquals("operator", role.getValue(), "the demo starts as an operator");
        assertEquals("demo", environment.getValue());
        assertEquals("demo", environment.getConverter().toString(environment.getValue()));
        assertTrue(robot.lookup("#profileNotifications").queryAs(CheckBox.class).isSelected(),
                "the demo turns keyspace notifications on");
        assertTrue(role.isDisabled() && environment.isDisabled());
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<String> combo(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(ComboBox.class);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TextInputControl.class).getText();
    }

    @Test
    void aBadAddressIsASentenceAndNothingConnects(FxRobot robot) throws Exception {
        newProfile(robot, "broken", "http://nowhere");
        robot.clickOn("#connectButton");
        WaitForAsyncUtils.waitForFxEvents();
        Label error = robot.lookup("#connectError").queryAs(Label.class);
        assertTrue(error.isVisible());
        assertTrue(error.getText().contains("redis://"), error.getText());
        assertEquals(null, result.get(), "the dialog stays open");
    }

    /** The sentence is the window's language: a Korean user reads why the address is refused in Korean. */
    @Test
    void aBadAddressIsSaidInKorean(FxRobot robot) {
        robot.interact(() -> i18n.setLocale(Locale.KOREAN));
        try {
            newProfile(robot, "broken", "redis://10.0.1.10:99999");
            robot.clickOn("#connectButton");
            WaitForAsyncUtils.waitForFxEvents();
            Label error = robot.lookup("#connectError").queryAs(Label.class);
            String said = error.getText();
            assertTrue(error.isVisible(), said);
            assertTrue(said.contains("포트") && said.contains("'99999'"), said);
            assertFalse(said.contains("Redis URL") || said.contains("port"), "no English sentence: " + said);
            assertEquals(null, result.get(), "the dialog stays open");
        } finally {
            // the language switch sets the JVM's default locale too (JavaFX's own menus follow it): not for later tests
            robot.interact(() -> i18n.setLocale(Locale.ENGLISH));
        }
    }

    /** A CA certificate with redis:// would read as TLS while the password went in the clear: refused, not saved. */
    @Test
    void aCaCertificateForAConnectionWithoutTlsIsRefused(FxRobot robot) throws Exception {
        newProfile(robot, "plain", "redis://10.0.1.10:6380");
        robot.clickOn("#profileCa").write("/etc/team/ca.pem");
        robot.clickOn("#profileSave");
        WaitForAsyncUtils.waitForFxEvents();
        Label error = robot.lookup("#connectError").queryAs(Label.class);
        assertTrue(error.isVisible() && error.getText().contains("rediss://"), error.getText());
        assertTrue(!Files.exists(profiles.file()) || profiles.load().stream().noneMatch(p -> p.name().equals("plain")),
                "not saved");
    }

    /**
     * A profile an earlier console saved with a CA and redis:// (it took that form) is shown as written with why it
     * cannot be used, so it can be mended here; showing it threw, and the form kept the profile shown before it.
     */
    @Test
    void aSavedProfileWhoseAddressIsRefusedNowIsShownAsWrittenWithTheReason(FxRobot robot) throws Exception {
        String written = "redis://support@10.0.6.60:6380/1?prefix=tilko_session%3A&ca=%2Fetc%2Fteam%2Fca.pem";
        profiles.save(java.util.List.of(new ConnectionProfile("old-plain", written, "operator", "Asia/Seoul",
                "staging", false, null)));
        newProfile(robot, "other", "rediss://10.0.7.70:6380");
        robot.clickOn("#profileCa").write("/etc/team/ca.pem");
        robot.clickOn("#profileSave"); // the list is read again from the file, the earlier profile with it
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ListView<ConnectionProfile> list = robot.lookup("#profileList").queryAs(ListView.class);
        selectProfile(robot, list, "old-plain");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("old-plain", text(robot, "#profileName"));
        assertEquals(written, text(robot, "#profileUrl"));
        assertEquals("", text(robot, "#profileCa"), "not the profile shown before it");
        Label error = robot.lookup("#connectError").queryAs(Label.class);
        assertTrue(error.isVisible() && error.getText().contains("The ca in the Redis URL is for TLS"),
                error.getText());

        selectProfile(robot, list, "other");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(error.isVisible(), "a usable profile shows no reason");
        for (String name : java.util.List.of("other", "old-plain")) {
            selectProfile(robot, list, name);
            robot.clickOn("#profileDelete"); // the profiles file is the class's: the other tests start without it
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertTrue(profiles.load().stream().noneMatch(p -> p.name().equals("old-plain") || p.name().equals("other")));
    }

    /** Chooses the saved profile of that name in the dialog's list. */
    private static void selectProfile(FxRobot robot, ListView<ConnectionProfile> list, String name) {
        robot.interact(() -> list.getItems().stream().filter(p -> p.name().equals(name)).findFirst()
                .ifPresent(p -> list.getSelectionModel().select(p)));
    }

    /** The form takes a zone by the rule the profile reads it by: blank is the default zone, a typo is refused. */
    @Test
    void theZoneIsCheckedByTheProfilesOwnRule(FxRobot robot) throws Exception {
        newProfile(robot, "zoned", "redis://10.0.4.40:6380");
        javafx.scene.control.TextField zone = robot.lookup("#profileZone").queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> zone.setText("Asia/Seul"));
        robot.clickOn("#profileSave");
        WaitForAsyncUtils.waitForFxEvents();
        Label error = robot.lookup("#connectError").queryAs(Label.class);
        assertTrue(error.isVisible() && error.getText().contains("Asia/Seul"), error.getText());
        assertTrue(!Files.exists(profiles.file()) || profiles.load().stream().noneMatch(p -> p.name().equals("zoned")),
                "not saved");

        robot.interact(() -> zone.setText(""));
        robot.clickOn("#profileSave");
        WaitForAsyncUtils.waitForFxEvents();
        ConnectionProfile saved = profiles.load().stream().filter(p -> p.name().equals("zoned")).findFirst()
                .orElseThrow();
        assertEquals(io.welno.console.session.Timestamps.DEFAULT_ZONE, saved.zoneId());
    }

    @Test
    void theFallbackFolderIsSavedWithTheProfileOnlyWhenItIsAFolderThatCanBeRead(FxRobot robot) throws Exception {
        newProfile(robot, "with-files", "redis://10.0.3.30:6380");
        javafx.scene.control.TextField files = robot.lookup("#profileFiles").queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> files.setText(dir.resolve("not-mounted").toString()));
        robot.clickOn("#profileSave");
        WaitForAsyncUtils.waitForFxEvents();
        Label error = robot.lookup("#connectError").queryAs(Label.class);
        assertTrue(error.isVisible() && error.getText().contains("Fallback folder")
                && error.getText().contains("does not exist"), error.getText());
        assertTrue(!Files.exists(profiles.file()) || profiles.load().stream().noneMatch(p -> p.name().equals("with-files")),
                "not saved");

        Path folder = Files.createDirectories(dir.resolve("tilko_sessions"));
        robot.interact(() -> files.setText(folder.toString()));
        robot.clickOn("#profileSave");
        WaitForAsyncUtils.waitForFxEvents();
        ConnectionProfile saved = profiles.load().stream().filter(p -> p.name().equals("with-files")).findFirst()
                .orElseThrow();
        assertEquals(folder.toString(), saved.filesDirectory());
        robot.clickOn("#profileNew");
        assertEquals("", files.getText());
        @SuppressWarnings("unchecked")
        ListView<ConnectionProfile> list = robot.lookup("#profileList").queryAs(ListView.class);
        robot.interact(() -> list.getSelectionModel().select(saved));
        assertEquals(folder.toString(), files.getText(), "shown again when the profile is chosen");
    }

    /**
     * A screen reader names each field of the form by the label beside it: the labels were only placed there, so a
     * reader heard a field's content (a password field, nothing) without knowing which field it was.
     */
    @Test
    void eachFieldIsNamedByItsLabelForAScreenReader(FxRobot robot) throws Exception {
        io.welno.console.view.BundleTexts english = new io.welno.console.view.BundleTexts(Locale.ENGLISH);
        java.util.Map<String, String> fields = java.util.Map.of("#profileName", "connect.name", "#profileUrl",
                "connect.url", "#profilePassword", "connect.password", "#profileRole", "connect.role",
                "#profileTilkoKey", "connect.tilkoKey", "#profileFiles", "connect.files");
        for (var field : fields.entrySet()) {
            Object named = FxState.read(() -> robot.lookup(field.getKey()).query()
                    .queryAccessibleAttribute(javafx.scene.AccessibleAttribute.LABELED_BY));
            assertTrue(named instanceof Label, field.getKey() + " has a label: " + named);
            assertEquals(english.get(field.getValue()), FxState.read(((Label) named)::getText), field.getKey());
        }
    }
}
