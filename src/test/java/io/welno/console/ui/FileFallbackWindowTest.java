package io.welno.console.ui;

import static io.welno.console.ui.FixturesWindow.row;
import static io.welno.console.ui.FixturesWindow.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.app.ConnectionProfile;
import io.welno.console.session.NewSessionDocuments;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.Timestamps;
import io.welno.console.store.FileCopy;
import io.welno.console.testing.Fixtures;
import io.welno.console.testing.FxState;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.view.SessionRow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import redis.clients.jedis.params.SetParams;

/**
 * The window on a profile with the backend's fallback folder: file-only and diverged sessions are marked in the
 * status cell, the detail pane lists a diverged session's differing fields (masked), the marks follow the folder, and
 * a session past its expires_at is marked expired for the backend with how long ago.
 */
@ExtendWith(ApplicationExtension.class)
class FileFallbackWindowTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(false);

    @TempDir
    static Path folders;
    private static Path dir;

    private static final Timestamps TIMESTAMPS = Timestamps.system();
    private static final SessionCodec CODEC = new SessionCodec(TIMESTAMPS.zone());
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TestConsole console;
    private String fileOnly;
    private String diverged;
    private String expired;
    private ObjectNode divergedInRedis;

    private static ObjectNode live(String fixture, String id, long expiresInSeconds) throws Exception {
        ObjectNode doc = (ObjectNode) MAPPER.readTree(Fixtures.live(fixture));
        doc.put("session_id", id);
        doc.put("expires_at", TIMESTAMPS.nowPlusSeconds(expiresInSeconds));
        return doc;
    }

    private static void file(String id, ObjectNode doc) throws Exception {
        Files.writeString(dir.resolve(id + ".json"), CODEC.write(doc), StandardCharsets.UTF_8);
    }

    private static void redis(String id, ObjectNode doc) {
        REDIS.client().set("tilko_session:" + id, CODEC.write(doc), SetParams.setParams().ex(1800));
    }

    @Start
    void start(Stage stage) throws Exception {
        REDIS.flush();
        dir = Files.createTempDirectory(folders, "tilko_sessions");
        fileOnly = NewSessionDocuments.newSessionId("welno");
        diverged = NewSessionDocuments.newSessionId("welno");
        expired = NewSessionDocuments.newSessionId("welno");
        file(fileOnly, live("03_auth_request_sent.json", fileOnly, 600));
        divergedInRedis = live("04_auth_completed.json", diverged, 600);
        redis(diverged, divergedInRedis);
        ObjectNode older = divergedInRedis.deepCopy();
        older.put("status", "auth_request_sent");
        older.with("user_info").put("phone_no", "01099998888");
        file(diverged, older);
        redis(expired, live("03_auth_request_sent.json", expired, -180)); // TTL left, expires_at passed
        console = TestConsole.open(stage, new ConnectionProfile("files", REDIS.url(), "developer", "Asia/Seoul",
                "development", true, null, dir.toString()));
    }

    @AfterEach
    void stop(FxRobot robot) {
        console.close(robot);
    }

    private static void await(String what, Callable<Boolean> condition) {
        FxState.await(what, condition);
    }

    private static boolean badge(FxRobot robot, String text) {
        return robot.lookup(".place-badge").queryAll().stream()
                .anyMatch(n -> n.isVisible() && n.getScene() != null && text.equals(((Label) n).getText()));
    }

    private void select(FxRobot robot, String id) throws Exception {
        robot.interact(() -> table(robot).getSelectionModel().select(row(robot, id)));
        await("the detail pane to show " + id,
                () -> id.equals(robot.lookup("#detailTitle").queryAs(Label.class).getText()));
    }

    private static boolean detailSays(FxRobot robot, String text) {
        return robot.lookup("#detailPane .label").queryAll().stream()
                .anyMatch(n -> n.isVisible() && ((Label) n).getText() != null && ((Label) n).getText().contains(text));
    }

    @Test
    void fileOnlyAndDivergedSessionsAreMarkedAndTheDetailSaysHow(FxRobot robot) throws Exception {
        await("three rows", () -> table(robot).getItems().size() == 3);
        await("the places of the file-only and the diverged rows", () -> row(robot, fileOnly) != null
                && row(robot, fileOnly).place() != null && row(robot, diverged) != null
                && row(robot, diverged).place() != null);
        SessionRow fileOnlyRow = FxState.read(() -> row(robot, fileOnly));
        SessionRow divergedRow = FxState.read(() -> row(robot, diverged));
        assertEquals(FileCopy.Where.FILE_ONLY, fileOnlyRow.place().where());
        assertEquals("auth_request_sent", fileOnlyRow.status().wire(), "the file's copy is the row");
        assertEquals(FileCopy.Where.DIVERGED, divergedRow.place().where());
        assertEquals("auth_completed", divergedRow.status().wire(), "Redis's copy is the row");
        await("the File only and Diverged badges", () -> badge(robot, "File only") && badge(robot, "Diverged"));

        select(robot, diverged);
        await("the differing status",
                () -> detailSays(robot, "status: Redis \"auth_completed\" · file \"auth_request_sent\""));
        assertTrue(FxState.read(() -> detailSays(robot, "user_info.phone_no: Redis \"010-****-")), "masked");
        assertTrue(FxState.read(() -> robot.lookup("#detailPane .label").queryAll().stream()
                .noneMatch(n -> ((Label) n).getText() != null && ((Label) n).getText().contains("01099998888"))));

        select(robot, fileOnly);
        await("the file-only note", () -> detailSays(robot, "Only in the backend's fallback folder"));
        assertTrue(FxState.read(() -> detailSays(robot, "none (a file)")), "a file has no TTL");

        file(diverged, divergedInRedis); // the file catches up with Redis: no mark any more
        await("the diverged row to be equal to its file", () -> {
            SessionRow caughtUp = row(robot, diverged);
            return caughtUp.place() != null && caughtUp.place().where() == FileCopy.Where.BOTH_EQUAL
                    && !badge(robot, "Diverged");
        });
        Files.delete(dir.resolve(fileOnly + ".json"));
        await("the file-only row to end", () -> {
            SessionRow gone = row(robot, fileOnly);
            return gone == null || gone.isEnded();
        });
    }

    @Test
    void aSessionPastItsExpiresAtIsMarkedExpiredForTheBackend(FxRobot robot) throws Exception {
        await("the expired row", () -> row(robot, expired) != null);
        PseudoClass mark = PseudoClass.getPseudoClass("expired");
        await("the expired mark", () -> robot.lookup(".table-cell").queryAll().stream()
                .anyMatch(n -> n instanceof TableCell<?, ?> cell
                && cell.getText() != null && cell.getText().equals("3m ago")
                && cell.getPseudoClassStates().contains(mark)));
        assertTrue(FxState.read(() -> robot.lookup(".table-cell").queryAll().stream()
                .filter(n -> n.getPseudoClassStates().contains(mark))
                .allMatch(n -> ((TableCell<?, ?>) n).getText().endsWith(" ago"))),
                "only the expired one is marked");
        select(robot, expired);
        await("the expired note", () -> detailSays(robot, "Expired for the backend: its expires_at"));
        assertTrue(FxState.read(() -> detailSays(robot, "deletes it on its next read")));
        String first = FxState.read(() -> expiredNote(robot));
        await("the note's 'ago' moving on with the clock, as the facts below it", () -> {
            String now = expiredNote(robot);
            return now != null && !now.equals(first);
        });
    }

    private static String expiredNote(FxRobot robot) {
        return robot.lookup("#detailPane .label").queryAll().stream().map(n -> ((Label) n).getText())
                .filter(t -> t != null && t.startsWith("Expired for the backend")).findFirst().orElse(null);
    }
}
