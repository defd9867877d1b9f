package io.welno.console.ui;

import static io.welno.console.ui.FixturesWindow.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.hostile.Hostile;
import io.welno.console.testing.FxState;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.testing.TestRows;
import io.welno.console.session.Timestamps;
import io.welno.console.ui.common.Notices;
import io.welno.console.view.SessionRow;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The worst strings (a bidi override, ESC, U+2028, U+FEFF, a lone surrogate stored as the JSON escape
 * {@code \}{@code ud800}, and U+0890, a format character newer than Java 17's Unicode) in a session's partner, name,
 * messages (a string and a Tilko error object), collection error, an unknown field's name and value, and its key: no
 * text of the table, the detail pane (every tab, the raw JSON view among them) or a notice quoting them holds one raw
 * (judged by {@link Hostile#forbidden}, not by SafeText), and the raw view shows each escaped.
 */
@ExtendWith(ApplicationExtension.class)
class HostileWorstStringsWindowTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(false);

    /** As JSON text, every one an escape: the lone surrogate can only be stored so. */
    static final String WORST_JSON = "\\u202e\\u001b[2J\\u2028\\ufeff\\ud800\\u0890";
    private static final String MARK = "@@WORST@@";
    static final String WORST = "\u202e\u001b[2J\u2028\ufeff\ud800\u0890";
    static final String ID = "welno_worst";
    /** A key whose suffix holds the bytes a lone surrogate has in the UTF-8 Python's surrogatepass writes. */
    static final byte[] SURROGATE_KEY = {'t', 'i', 'l', 'k', 'o', '_', 's', 'e', 's', 's', 'i', 'o', 'n', ':', 'w', 'o',
        'r', 's', 't', '_', (byte) 0xED, (byte) 0xA0, (byte) 0x80, 0x1b, '[', '2', 'J'};

    private TestConsole console;

    @Start
    void start(Stage stage) {
        REDIS.flush();
        LocalDateTime now = LocalDateTime.now(Timestamps.DEFAULT_ZONE).minusMinutes(2);
        REDIS.client().set(("tilko_session:" + ID).getBytes(StandardCharsets.UTF_8), document(ID, now));
        REDIS.client().set(SURROGATE_KEY, document("worst_x", now));
        console = TestConsole.open(stage, TestConsole.profile("test", REDIS.url(), "developer", "development", true));
    }

    /** The session as JSON text with the worst strings (as JSON escapes) in every field a person sees. */
    private static byte[] document(String id, LocalDateTime now) {
        try {
            ObjectNode doc = (ObjectNode) new ObjectMapper().readTree(TestRows.session(id, "auth_request_sent", now)
                    .requested(now).json());
            doc.put("partner_id", "welno" + MARK);
            ((ObjectNode) doc.get("user_info")).put("name", "김하" + MARK + "늘");
            doc.put("x_unknown" + MARK, "unknown" + MARK);
            doc.put("collection_error_message", "error" + MARK);
            ArrayNode messages = doc.withArray("messages");
            ObjectNode text = messages.addObject();
            text.put("timestamp", MARK);
            text.put("type", "info" + MARK);
            text.put("message", "text" + MARK);
            ObjectNode error = messages.addObject();
            error.put("timestamp", "2026-12-06T10:00:00");
            error.put("type", "error");
            ObjectNode body = error.putObject("message");
            body.put("type", "user_info_error");
            for (String field : new String[] {"title", "message", "error_log", "technical_detail"}) {
                body.put(field, field + MARK);
            }
            return new ObjectMapper().writeValueAsString(doc).replace(MARK, WORST_JSON)
                    .getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The detail pane's title, or null before a session was chosen (FX thread). */
    private static String title(FxRobot robot) {
        return robot.lookup("#detailTitle").tryQuery().map(n -> ((Label) n).getText()).orElse(null);
    }

    @AfterEach
    void stop(FxRobot robot) {
        console.close(robot);
    }

    @Test
    void theDetailPaneTheRawViewAndANoticeShowTheWorstStringsEscaped(FxRobot robot) throws Exception {
        TableView<?> table = FxState.read(() -> table(robot));
        FxState.await("both rows", () -> table.getItems().size() == 2);
        for (int row = 0; row < 2; row++) {
            int index = row;
            String id = FxState.read(() -> ((SessionRow) table.getItems().get(index)).id());
            String before = FxState.read(() -> title(robot));
            robot.interact(() -> table.getSelectionModel().clearAndSelect(index));
            FxState.await("the session's detail", () -> title(robot) != null && !title(robot).equals(before));
            FxState.await("the raw JSON formatted",
                    () -> !robot.lookup("#detailRaw").queryAs(TextArea.class).getText().equals("Formatting…"));
            WaitForAsyncUtils.waitForFxEvents();
            String where = "session " + io.welno.console.text.SafeText.escape(id);
            Hostile.assertNothingForbidden(String.join("\n", UiWalk.visibleTexts()), where, false);
            String raw = FxState.read(() -> robot.lookup("#detailRaw").queryAs(TextArea.class).getText());
            Hostile.assertNothingForbidden(raw, where + ": the raw view", false);
            if (id.equals(ID)) {
                // each escape in small letters, the JSON writer's capital \\u001B included
                assertTrue(raw.contains("\\u202e\\u001b[2J\\u2028\\ufeff\\ud800\\u0890"), "each shown escaped: " + raw);
            }
        }
        Notices notices = FxState.read(() -> console.window().view().notices());
        robot.interact(() -> notices.show(() -> "Refused for " + ID + WORST, () -> "Tilko said " + WORST, false));
        FxState.await("the notice", () -> String.join("\n", UiWalk.visibleTexts()).contains("Refused for " + ID));
        robot.clickOn(".notice-details-link");
        WaitForAsyncUtils.waitForFxEvents();
        String texts = String.join("\n", UiWalk.visibleTexts());
        assertTrue(texts.contains("Tilko said \\u202e"), texts);
        Hostile.assertNothingForbidden(texts, "a notice quoting the worst strings", false);
        assertEquals(2, FxState.read(() -> table.getItems().size()));
    }
}
