package io.welno.console.ui;

import static io.welno.console.hostile.Hostile.assertNothingRaw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.app.ConnectionCheck;
import io.welno.console.app.ConnectionMemory;
import io.welno.console.app.ConnectionProfile;
import io.welno.console.app.ConnectionProfiles;
import io.welno.console.demo.EmbeddedRedis;
import io.welno.console.hostile.Hostile;
import io.welno.console.testing.FxState;
import io.welno.console.text.Phrase;
import io.welno.console.text.SafeText;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.connection.ConnectionDialog;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A profiles file edited by hand: a name and an environment holding escape sequences, a forged line, bidi overrides
 * and invisible characters, thousands of characters long. The toolbar and the connection dialog show them escaped and
 * bounded, like any text from outside, and so does the dialog with what trying a connection found.
 */
@ExtendWith(ApplicationExtension.class)
class HostileProfileTest {

    @TempDir
    static Path dir;

    static final String NAME = "prod" + Hostile.ALL + "n".repeat(5000);
    static final String ENVIRONMENT = "stage" + Hostile.ALL + "e".repeat(5000);

    private TestConsole console;
    private ConnectionProfile profile;
    private Stage stage;
    private ConnectionDialog dialog;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        // nothing listens there: the window shows the profile while it tries to connect
        profile = TestConsole.profile(NAME, "redis://127.0.0.1:" + EmbeddedRedis.freePort() + "/0?connectTimeout=300",
                "viewer", ENVIRONMENT, false);
        console = TestConsole.open(stage, profile);
    }

    @AfterEach
    void stop(FxRobot robot) {
        if (dialog != null) {
            robot.interact(dialog::close);
        }
        console.close(robot);
    }

    @Test
    void theToolbarShowsTheProfilesNameAndEnvironmentEscapedAndBounded(FxRobot robot) throws Exception {
        // the window is meanwhile failing to connect and saying so: its scene changes under a lookup
        String shown = FxState.read(() -> robot.lookup("#environmentBadge").queryAs(Label.class).getText());
        assertNothingRaw(shown, "the toolbar's profile label");
        assertTrue(shown.startsWith("prod\\u001b[2J"), shown);
        assertTrue(shown.contains(" · stage\\u001b[2J"), shown);
        assertTrue(shown.length() <= 2 * SafeText.FIELD + " · ".length(), "each part cut to a field's length");
        assertTrue(shown.endsWith(SafeText.ELLIPSIS), shown);
    }

    @Test
    void theConnectionDialogListsTheProfileEscapedAndBounded(FxRobot robot) throws Exception {
        openDialog(robot, (p, password, key) -> List.of());
        String listed = FxState.read(() -> robot.lookup("#profileList .list-cell").queryAllAs(ListCell.class).stream()
                .map(ListCell::getText).filter(t -> t != null && t.startsWith("prod")).findFirst().orElseThrow());
        assertNothingRaw(listed, "the dialog's profile list");
        assertTrue(listed.length() <= SafeText.FIELD, listed);
        assertTrue(listed.startsWith("prod\\u001b[2J") && listed.endsWith(SafeText.ELLIPSIS), listed);
    }

    /** A finding may quote a path and a server's error of a thousand characters each: cut to one sentence's length. */
    @Test
    void whatTheCheckFoundIsOneBoundedLinePerFinding(FxRobot robot) throws Exception {
        String path = "/home/" + Hostile.ALL + "d".repeat(3000);
        String said = "ERR " + Hostile.ALL + "x".repeat(3000);
        openDialog(robot, (p, password, key) -> List.of(
                new ConnectionCheck.Finding(true, Phrase.of("profiles.readFailed", path, said)),
                new ConnectionCheck.Finding(true, Phrase.of("connect.problem.unexpected", said))));
        robot.clickOn("#connectButton");
        WaitForAsyncUtils.waitForFxEvents();
        String shown = FxState.read(() -> robot.lookup("#connectError").queryAs(Label.class).getText());
        assertNothingRaw(shown, "the dialog's message");
        List<String> lines = List.of(shown.split("\n"));
        assertEquals(2, lines.size(), shown);
        assertTrue(lines.get(0).startsWith("Cannot read the connection profiles in /home/\\u001b[2J"), lines.get(0));
        assertTrue(lines.get(1).startsWith("The connection could not be tried: ERR \\u001b[2J"), lines.get(1));
        for (String line : lines) {
            assertTrue(line.length() <= SafeText.TEXT && line.endsWith(SafeText.ELLIPSIS), line);
        }
    }

    /**
     * The form shows the profile's own text in edit fields, which show what they hold: a direction override would make
     * "ops\u202Etset-dorp" read as opsprod-test there. Such text is shown escaped, and typed it is refused on saving.
     */
    @Test
    void theFormShowsAHandEditedProfileEscapedAndRefusesHiddenCharactersTyped(FxRobot robot) throws Exception {
        profile = TestConsole.profile("ops\u202Etset-dorp", profile.url(), "viewer", "t\u202Eest", false);
        openDialog(robot, (p, password, key) -> List.of());
        select(robot, profile.name());
        String name = FxState.read(() -> robot.lookup("#profileName").queryAs(TextField.class).getText());
        assertEquals("ops\\u202etset-dorp", name);
        String environment = FxState.read(() -> robot.lookup("#profileEnvironment")
                .queryAs(javafx.scene.control.ComboBox.class).getEditor().getText());
        assertNothingRaw(environment, "the form's environment");
        assertTrue(environment.startsWith("t\\u202e"), environment);

        robot.interact(() -> robot.lookup("#profileName").queryAs(TextField.class).setText("ops\u202Etset"));
        robot.clickOn("#profileSave");
        WaitForAsyncUtils.waitForFxEvents();
        String said = FxState.read(() -> robot.lookup("#connectError").queryAs(Label.class).getText());
        assertTrue(said.startsWith("The Name field contains a control or invisible character (position 4)"), said);
        assertEquals(List.of(profile.name()), new ConnectionProfiles(dir.resolve("profiles.json")).load().stream()
                .map(ConnectionProfile::name).toList(), "nothing saved");
    }

    /** Roles are read without regard to case: a hand-written "Operator" shows as the operator it is, not a blank box. */
    @Test
    void aRoleWrittenWithCapitalsShowsAsTheRoleItIs(FxRobot robot) throws Exception {
        profile = TestConsole.profile("hand-edited", profile.url(), "Operator", "staging", false);
        openDialog(robot, (p, password, key) -> List.of());
        select(robot, "hand-edited");
        assertEquals("operator", FxState.read(() -> robot.lookup("#profileRole")
                .queryAs(javafx.scene.control.ComboBox.class).getValue()));
    }

    private static void select(FxRobot robot, String profileName) throws Exception {
        javafx.scene.control.ListView<?> list = FxState.read(() -> robot.lookup("#profileList")
                .queryAs(javafx.scene.control.ListView.class));
        robot.interact(() -> {
            for (int i = 0; i < list.getItems().size(); i++) {
                if (list.getItems().get(i) instanceof ConnectionProfile p && p.name().equals(profileName)) {
                    list.getSelectionModel().select(i);
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void openDialog(FxRobot robot, ConnectionDialog.Checker checker) {
        ConnectionProfiles profiles = new ConnectionProfiles(dir.resolve("profiles.json"));
        profiles.save(List.of(profile));
        robot.interact(() -> {
            dialog = new ConnectionDialog(stage, new I18n(Locale.ENGLISH), profiles, Runnable::run,
                    new ConnectionMemory(variable -> null), checker);
            dialog.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
