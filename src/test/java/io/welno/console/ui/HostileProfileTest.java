package io.welno.console.ui;

import static io.welno.console.hostile.Hostile.assertNothingRaw;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.app.ConnectionMemory;
import io.welno.console.app.ConnectionProfile;
import io.welno.console.app.ConnectionProfiles;
import io.welno.console.demo.EmbeddedRedis;
import io.welno.console.hostile.Hostile;
import io.welno.console.text.SafeText;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.connection.ConnectionDialog;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
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
 * bounded, like any text from outside.
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
    void theToolbarShowsTheProfilesNameAndEnvironmentEscapedAndBounded(FxRobot robot) {
        String shown = robot.lookup("#environmentBadge").queryAs(Label.class).getText();
        assertNothingRaw(shown, "the toolbar's profile label");
        assertTrue(shown.startsWith("prod\\u001b[2J"), shown);
        assertTrue(shown.contains(" · stage\\u001b[2J"), shown);
        assertTrue(shown.length() <= 2 * SafeText.FIELD + " · ".length(), "each part cut to a field's length: " + shown);
        assertTrue(shown.endsWith(SafeText.ELLIPSIS), shown);
    }

    @Test
    void theConnectionDialogListsTheProfileEscapedAndBounded(FxRobot robot) {
        ConnectionProfiles profiles = new ConnectionProfiles(dir.resolve("profiles.json"));
        profiles.save(List.of(profile));
        robot.interact(() -> {
            dialog = new ConnectionDialog(stage, new I18n(Locale.ENGLISH), profiles, Runnable::run,
                    new ConnectionMemory(variable -> null), (p, password) -> List.of());
            dialog.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        String listed = robot.lookup("#profileList .list-cell").queryAllAs(ListCell.class).stream()
                .map(ListCell::getText).filter(t -> t != null && t.startsWith("prod")).findFirst().orElseThrow();
        assertNothingRaw(listed, "the dialog's profile list");
        assertTrue(listed.length() <= SafeText.FIELD, listed);
        assertTrue(listed.startsWith("prod\\u001b[2J") && listed.endsWith(SafeText.ELLIPSIS), listed);
    }
}
