package io.welno.console.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.testing.Fixtures;
import io.welno.console.testing.FxState;
import io.welno.console.view.SessionRow;
import java.util.List;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A session's right-click menu and Ctrl+C: its id, a masked summary and its raw JSON, never a personal number. */
class SessionConveniencesTest extends FixturesWindow {

    /** The fixture's person: name, phone and birthdate, none of which may leave the window unmasked. */
    static final List<String> SECRETS = List.of("오세훈", "01090123456", "19720401");

    @Start
    void start(Stage stage) {
        open(stage, "test", "operator", "development");
    }

    private String select(FxRobot robot, String fixture) throws Exception {
        awaitRows(robot);
        String id = Fixtures.id(fixture);
        TableView<SessionRow> table = FxState.read(() -> table(robot));
        robot.interact(() -> {
            SessionRow row = java.util.Objects.requireNonNull(row(robot, id), id);
            table.getSelectionModel().select(row);
            table.scrollTo(row);
        });
        WaitForAsyncUtils.waitForFxEvents();
        return id;
    }

    private static String clipboard(FxRobot robot) {
        String[] text = new String[1];
        robot.interact(() -> text[0] = Clipboard.getSystemClipboard().getString());
        return text[0];
    }

    @Test
    void ctrlCOnTheTableCopiesTheSelectedSessionsId(FxRobot robot) throws Exception {
        String id = select(robot, "09_info_required_object_message.json");
        robot.interact(() -> Clipboard.getSystemClipboard().clear());
        robot.interact(() -> table(robot).requestFocus());
        robot.press(KeyCode.SHORTCUT, KeyCode.C).release(KeyCode.C, KeyCode.SHORTCUT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(id, clipboard(robot));
    }

    /** A key someone wrote with a terminal's controls in it: a paste of the copied id runs nothing. */
    @Test
    void anIdWithControlCharactersIsCopiedEscaped(FxRobot robot) throws Exception {
        String hostile = "welno_x\u001b[201~\nrm -rf ~\n";
        REDIS.client().set("tilko_session:" + hostile, Fixtures.text("09_info_required_object_message.json"));
        FxState.await("the hostile key's row", () -> row(robot, hostile) != null);
        TableView<SessionRow> table = FxState.read(() -> table(robot));
        robot.interact(() -> {
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().select(row(robot, hostile));
        });
        robot.interact(() -> Clipboard.getSystemClipboard().clear());
        ContextMenu menu = FxState.read(() -> table.getContextMenu());
        robot.interact(() -> menu.getItems().get(0).fire());
        assertEquals("welno_x\\u001b[201~\\nrm -rf ~\\n", clipboard(robot));
    }

    @Test
    void theRowMenuCopiesTheIdAMaskedSummaryAndOpensTheMaskedJson(FxRobot robot) throws Exception {
        String id = select(robot, "09_info_required_object_message.json");
        ContextMenu menu = FxState.read(() -> table(robot).getContextMenu());
        // the row's own three items come first; features add theirs after a separator (Follow)
        assertEquals(List.of("rowMenu-copyId", "rowMenu-copySummary", "rowMenu-openRaw"),
                FxState.read(() -> menu.getItems().stream().limit(3).map(MenuItem::getId).toList()));
        assertEquals(List.of("Copy session id", "Copy summary (personal data masked)",
                "Open raw JSON (personal data masked)"),
                FxState.read(() -> menu.getItems().stream().limit(3).map(MenuItem::getText).toList()));
        robot.interact(() -> menu.show(table(robot), 200, 200));
        assertTrue(FxState.read(() -> menu.getItems().stream().noneMatch(MenuItem::isDisable)),
                "a session is selected: all three work");

        robot.interact(() -> menu.getItems().get(0).fire());
        assertEquals(id, clipboard(robot));

        robot.interact(() -> menu.getItems().get(1).fire());
        String summary = clipboard(robot);
        assertTrue(summary.contains(id) && summary.contains("Info mismatch"), summary);
        for (String secret : SECRETS) {
            assertFalse(summary.contains(secret), secret + " in the summary: " + summary);
        }

        robot.interact(() -> menu.getItems().get(2).fire());
        FxState.await("the raw JSON's window", () -> robot.lookup("#fullText").tryQuery().isPresent());
        String json = FxState.read(() -> robot.lookup("#fullText").queryAs(TextArea.class).getText());
        assertTrue(json.contains("\"status\"") && json.contains("\n"), "the document, pretty-printed: " + json);
        for (String secret : SECRETS) {
            assertFalse(json.contains(secret), secret + " in the raw JSON");
        }
        robot.interact(() -> robot.lookup("#fullText").queryAs(TextArea.class).getScene().getWindow().hide());
    }
}
