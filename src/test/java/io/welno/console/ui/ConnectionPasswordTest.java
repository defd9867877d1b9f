package io.welno.console.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.app.ConnectionCheck;
import io.welno.console.app.ConnectionMemory;
import io.welno.console.app.ConnectionProfile;
import io.welno.console.app.ConnectionProfiles;
import io.welno.console.testing.FxState;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.connection.ConnectionDialog;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The connection dialog against a Redis that asks for a password, as a production one does: a wrong password is
 * said in the dialog with what to do and tried once, the dialog opens on the profile in use, a password that worked
 * is not asked for again, and the dialog says where the Tilko key comes from.
 */
@ExtendWith(ApplicationExtension.class)
class ConnectionPasswordTest {

    private static final String PASSWORD = "right-horse-battery";

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.withPassword(PASSWORD);

    @TempDir
    static Path dir;

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final AtomicInteger checks = new AtomicInteger();
    private final AtomicReference<Optional<ConnectionDialog.Choice>> result = new AtomicReference<>();
    private final Map<String, String> environment = new HashMap<>();
    private ConnectionMemory memory;
    private ConnectionProfiles profiles;
    private Stage stage;
    private ConnectionDialog dialog;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        profiles = new ConnectionProfiles(dir.resolve("profiles-" + System.nanoTime() + ".json"));
        profiles.save(List.of(
                new ConnectionProfile("other", "redis://127.0.0.1:1/0", "viewer", "Asia/Seoul", "staging", false, null),
                new ConnectionProfile("secured", REDIS.url(), "operator", "Asia/Seoul", "production", false,
                        "http://127.0.0.1:9")));
        memory = new ConnectionMemory(environment::get);
        // The window is connected to "secured" (its password was typed as nothing yet: the server was reached
        // through a previous run's choice).
        memory.connected("secured", null, null);
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 300, 200));
        stage.show();
    }

    private void open(FxRobot robot, Locale locale) {
        robot.interact(() -> {
            dialog = new ConnectionDialog(stage, new I18n(locale), profiles, background, memory,
                    (profile, password, tilkoKey) -> {
                        checks.incrementAndGet();
                        return ConnectionCheck.run(profile, password, tilkoKey);
                    });
            dialog.setOnHidden(e -> result.set(Optional.ofNullable(dialog.getResult())));
            dialog.show();
        });
        // the dialog reads the profiles file on the background executor: each test chooses among what it lists
        FxState.await("the saved profiles and the demo listed", () -> list(robot).getItems().size() == 3);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> {
            if (dialog != null && dialog.isShowing()) {
                dialog.setResult(null);
                dialog.close();
            }
        });
        background.shutdownNow();
    }

    @SuppressWarnings("unchecked")
    private static ListView<ConnectionProfile> list(FxRobot robot) {
        return robot.lookup("#profileList").queryAs(ListView.class);
    }

    private static Label error(FxRobot robot) {
        return robot.lookup("#connectError").queryAs(Label.class);
    }

    private void awaitError(FxRobot robot, String part) throws Exception {
        FxState.await("the dialog to say: " + part,
                () -> error(robot).isVisible() && error(robot).getText().contains(part));
    }

    @Test
    void theDialogOpensOnTheProfileInUseNotOnTheDemo(FxRobot robot) throws Exception {
        open(robot, Locale.ENGLISH);
        FxState.await("the profile in use selected",
                () -> list(robot).getSelectionModel().getSelectedItem() != null
                        && "secured".equals(list(robot).getSelectionModel().getSelectedItem().name()));
        assertEquals("secured", FxState.read(() -> robot.lookup("#profileName").queryTextInputControl().getText()));
    }

    @Test
    void beforeAnyConnectionTheFirstSavedProfileIsChosenAndOnTheDemoTheDemo(FxRobot robot) throws Exception {
        memory = new ConnectionMemory(environment::get);
        open(robot, Locale.ENGLISH);
        assertEquals("other", FxState.read(() -> list(robot).getSelectionModel().getSelectedItem().name()));
        robot.interact(() -> dialog.close());
        memory.connected(null, null, null);
        open(robot, Locale.ENGLISH);
        assertEquals(0, (int) FxState.read(() -> list(robot).getSelectionModel().getSelectedIndex()), "the demo");
    }

    @Test
    void aWrongPasswordIsSaidInTheDialogWithTheFixAndTriedOnlyOnce(FxRobot robot) throws Exception {
        open(robot, Locale.ENGLISH);
        robot.interact(() -> robot.lookup("#profilePassword").queryAs(PasswordField.class).setText("wrong"));
        robot.clickOn("#connectButton");
        awaitError(robot, "refused the user name or password");
        FxState.check(() -> {
            String said = error(robot).getText();
            assertTrue(said.contains("Check the ACL user and the password"), said);
            assertFalse(said.contains("wrong"), "the password is never shown");
            assertTrue(dialog.isShowing(), "the dialog stays open");
        });
        assertNull(result.get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, checks.get(), "a refused password is not tried again by itself");

        // The fix, from the dialog's own message: the right password connects and the dialog closes.
        robot.interact(() -> robot.lookup("#profilePassword").queryAs(PasswordField.class).setText(PASSWORD));
        robot.clickOn("#connectButton");
        FxState.await("the dialog to close", () -> result.get() != null);
        ConnectionDialog.Choice choice = result.get().orElseThrow();
        assertEquals("secured", choice.profile().name());
        assertEquals(PASSWORD, choice.password());
        assertFalse(choice.toString().contains(PASSWORD));
    }

    @Test
    void aWrongPasswordInAKoreanWindowIsSaidInKorean(FxRobot robot) throws Exception {
        open(robot, Locale.KOREAN);
        robot.clickOn("#connectButton"); // no password at all: NOAUTH
        awaitError(robot, "비밀번호를 거부했습니다");
        FxState.check(() -> {
            String said = error(robot).getText();
            assertTrue(said.contains("ACL 사용자와 비밀번호를 확인하세요"), said);
            assertTrue(dialog.isShowing());
        });
    }

    @Test
    void anUnreachableAddressIsSaidWithWhatToCheck(FxRobot robot) throws Exception {
        open(robot, Locale.ENGLISH);
        robot.interact(() -> list(robot).getSelectionModel().select(list(robot).getItems().stream()
                .filter(p -> p.name().equals("other")).findFirst().orElseThrow()));
        robot.clickOn("#connectButton");
        awaitError(robot, "Check the address and the port");
        assertTrue(FxState.read(dialog::isShowing));
    }

    @Test
    void aPasswordThatWorkedIsFilledInWhenSwitchingBackAndTheTilkoKeySaysWhereItComesFrom(FxRobot robot)
            throws Exception {
        memory.connected("secured", PASSWORD, "typed-tilko-key");
        open(robot, Locale.ENGLISH);
        PasswordField password = FxState.read(() -> robot.lookup("#profilePassword").queryAs(PasswordField.class));
        robot.interact(() -> list(robot).getSelectionModel().select(0)); // the demo
        assertEquals("", FxState.read(password::getText));
        robot.interact(() -> list(robot).getSelectionModel().select(list(robot).getItems().stream()
                .filter(p -> p.name().equals("secured")).findFirst().orElseThrow()));
        assertEquals(PASSWORD, FxState.read(password::getText), "not asked again");
        assertTrue(FxState.read(() -> robot.lookup("#passwordKept").queryAs(Label.class).isVisible()));
        Label source = FxState.read(() -> robot.lookup("#tilkoKeySource").queryAs(Label.class));
        String said = FxState.read(source::getText);
        assertTrue(said.contains("typed here"), said);

        environment.put("TILKO_API_KEY", "from-the-environment");
        robot.interact(() -> robot.lookup("#profileTilkoKey").queryAs(PasswordField.class).setText(""));
        said = FxState.read(source::getText);
        assertTrue(said.contains("TILKO_API_KEY environment variable"), said);
        environment.clear();
        robot.interact(() -> robot.lookup("#profileTilkoKey").queryAs(PasswordField.class).setText(" "));
        said = FxState.read(source::getText);
        assertTrue(said.startsWith("No key"), said);
        robot.interact(() -> robot.lookup("#profileTilkoUrl").queryTextInputControl().setText(""));
        said = FxState.read(source::getText);
        assertTrue(said.startsWith("Tilko is off"), said);
    }
}
