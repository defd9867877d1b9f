package io.welno.console.ui;

import io.welno.console.ui.shell.ConsoleWindow;
import io.welno.console.view.SessionRow;
import static io.welno.console.ui.FixturesWindow.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.testing.Fixtures;
import io.welno.console.testing.FxState;
import io.welno.console.testing.RedisServerExtension;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import redis.clients.jedis.params.SetParams;

/** Drives the real window, headless, against a real Redis seeded with the backend's fixtures. */
@ExtendWith(ApplicationExtension.class)
class ConsoleWindowTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(false);

    private ConsoleWindow window;
    private TestConsole console;

    @Start
    void start(Stage stage) {
        console = TestConsole.onLiveFixtures(stage, REDIS);
        window = console.window();
    }

    @AfterEach
    void stop(FxRobot robot) throws Exception {
        console.close(robot);
    }

    private int rows(FxRobot robot) {
        return table(robot).getItems().size();
    }

    private void awaitRows(FxRobot robot, int expected) {
        FxState.await(expected + " rows", () -> rows(robot) == expected);
    }

    private static String text(FxRobot robot, String query) throws Exception {
        return FxState.read(() -> robot.lookup(query).queryAs(Label.class).getText());
    }

    @Test
    void theTableFillsBucketsFilterAndSearchNarrows(FxRobot robot) throws Exception {
        awaitRows(robot, Fixtures.readable().size() + Fixtures.MALFORMED.size());
        assertEquals("19", text(robot, "#bucket-all .bucket-count"));

        robot.clickOn("#bucket-auth_request_sent");
        awaitRows(robot, 2);
        robot.clickOn("#bucket-unreadable");
        awaitRows(robot, 4);
        robot.clickOn("#bucket-all");
        awaitRows(robot, 19);

        robot.clickOn("#searchField").write("4dc776a8");
        awaitRows(robot, 1);
        robot.interact(() -> window.view().model().searchProperty().unbind());
    }

    @Test
    void clickingAColumnHeaderSortsByItAndClickingAgainReversesIt(FxRobot robot) throws Exception {
        awaitRows(robot, 19);
        TableView<SessionRow> table = FxState.read(() -> table(robot));
        javafx.scene.Node idHeader = FxState.read(() -> robot.lookup(".column-header").match(node ->
                node instanceof javafx.scene.control.skin.TableColumnHeader header
                        && header.getTableColumn() != null && "column.id".equals(header.getTableColumn().getId()))
                .query());
        robot.clickOn(idHeader);
        List<String> ids = FxState.read(() -> table.getItems().stream().map(SessionRow::id).toList());
        assertEquals(ids.stream().sorted().toList(), ids, "by id, ascending");
        robot.clickOn(idHeader);
        List<String> reversed = FxState.read(() -> table.getItems().stream().map(SessionRow::id).toList());
        assertEquals(ids.stream().sorted(java.util.Comparator.reverseOrder()).toList(), reversed, "then descending");
    }

    @Test
    void searchFindsPeopleByNameAndPhoneSuffixWithoutShowingThem(FxRobot robot) throws Exception {
        awaitRows(robot, 19);
        robot.clickOn("#searchField").write("5678");
        // 01012345678 appears in fixtures 01, 13, 14 and 93 (unreadable: not searchable by phone).
        awaitRows(robot, 3);
        for (SessionRow row : FxState.read(() -> List.copyOf(table(robot).getItems()))) {
            assertFalse(row.maskedName().contains("하늘"));
        }
    }

    @Test
    void selectingASessionShowsItsDetailMaskedAndTheSelectionSurvivesUpdates(FxRobot robot) throws Exception {
        awaitRows(robot, 19);
        String id = Fixtures.id("09_info_required_object_message.json");
        robot.clickOn("#searchField").write(id.substring(6, 14));
        awaitRows(robot, 1);
        TableView<?> sessions = FxState.read(() -> table(robot));
        robot.interact(() -> sessions.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(id, text(robot, "#detailTitle"));
        assertEquals("Info mismatch", text(robot, "#detailStatus"));
        assertTrue(FxState.read(() -> robot.lookup("입력 정보 확인 필요").tryQuery().isPresent()),
                "object message title rendered");

        // A backend write to the selected session: the row is replaced, the selection and detail follow.
        String key = "tilko_session:" + id;
        String changed = REDIS.client().get(key).replace("\"status\": \"info_required\"", "\"status\": \"error\"");
        REDIS.client().set(key, changed, SetParams.setParams().keepTtl());
                FxState.await("the detail to say Error",
                () -> "Error".equals(robot.lookup("#detailStatus").queryAs(Label.class).getText()));
        TableView<?> table = FxState.read(() -> table(robot));
        assertEquals(id, FxState.read(() -> ((SessionRow) table.getSelectionModel().getSelectedItem()).id()));
        // Every text of every showing window: labels and cells, text fields, text nodes, tooltips.
        List<String> shown = UiWalk.visibleTexts();
        for (String secret : new String[] {"오세훈", "01090123456", "19720401"}) {
            assertTrue(shown.stream().noneMatch(text -> text.contains(secret)), secret + " visible");
        }
        // With a session shown, every part of the window is there: no tooltip may hide another.
        assertEquals(List.of(), UiWalk.shadowedTooltips());
    }

    @Test
    void theStatusBarSaysLive(FxRobot robot) throws Exception {
                FxState.await("LIVE", () -> "LIVE".equals(robot.lookup("#feedMode").queryAs(Label.class).getText()));
        FxState.await("19 sessions counted",
                () -> robot.lookup("#sessionCount").queryAs(Label.class).getText().startsWith("19 sessions"));
    }

    @Test
    void manualAuthCompleteRunsThroughTheDialogAndTheTableFollows(FxRobot robot) throws Exception {
        awaitRows(robot, 19);
        String id = Fixtures.id("03_auth_request_sent.json");
        TableView<?> sessions = openManualCompleteOn(robot, id);
        assertTrue(FxState.read(() -> robot.lookup("#actionRun").queryButton().isDisabled()), "no reason yet");
        robot.clickOn("#actionReason").write("user approved on the phone, support call");
        robot.clickOn("#actionRun");
                FxState.await("the detail to say Approved",
                () -> "Approved".equals(robot.lookup("#detailStatus").queryAs(Label.class).getText()));
        var stored = (io.welno.console.session.SessionDocument) new io.welno.console.session.SessionCodec()
                .parse(id, REDIS.client().get("tilko_session:" + id));
        assertEquals("auth_completed", stored.status().wire());
        assertEquals("CX000003-7d1e", stored.tree().at("/auth_data/CxId").asText());
        assertTrue(stored.lastMessage().orElseThrow().text().contains("user approved on the phone"),
                stored.lastMessage().orElseThrow().text());
        assertEquals(FxState.read(() -> ((SessionRow) sessions.getItems().get(0)).status().wire()), "auth_completed");
    }

    @Test
    void aSessionChosenWhileOthersUpdateStaysChosenWhenTheTableReSorts(FxRobot robot) throws Exception {
        awaitRows(robot, 19);
        TableView<?> sessions = FxState.read(() -> table(robot));
        robot.interact(() -> sessions.getSelectionModel().select(5));
        WaitForAsyncUtils.waitForFxEvents();
        String chosen = FxState.read(() -> ((SessionRow) sessions.getSelectionModel().getSelectedItem()).id());
        // Other sessions change: sorted by last update, they jump to the top and push the chosen row down.
        for (String fixture : Fixtures.readable()) {
            String key = "tilko_session:" + Fixtures.id(fixture);
            // The chosen one changes too (so its row is replaced), landing in the middle of the new order.
            String stamp = key.endsWith(chosen) ? "2026-11-21T09:00:00.500000" : "2026-11-21T09:00:0"
                    + (fixture.hashCode() & 7) + ".000001";
            String value = REDIS.client().get(key);
            REDIS.client().set(key, value.replaceFirst("\"updated_at\": \"[^\"]*\"",
                    "\"updated_at\": \"" + stamp + "\""), SetParams.setParams().keepTtl());
        }
        FxState.await("the changed sessions on top", () -> ((SessionRow) sessions.getItems().get(0)).updatedAt()
                .toString().startsWith("2026-11-21T09:00"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(chosen, FxState.read(() -> ((SessionRow) sessions.getSelectionModel().getSelectedItem()).id()));
        assertEquals(chosen, text(robot, "#detailTitle"));
    }
    @Test
    void inAKoreanWindowAnActionsDialogAndItsResultSpeakKorean(FxRobot robot) throws Exception {
        awaitRows(robot, 19);
        robot.interact(() -> window.i18n().setLocale(io.welno.console.ui.common.I18n.KOREAN));
        openManualCompleteOn(robot, Fixtures.id("03_auth_request_sent.json"));
        // the preview is the document's own fields and values as the backend stores them: data, not sentences
        String preview = FxState.read(() -> robot.lookup("#actionPreview").queryAs(javafx.scene.control.TextArea.class)
                .getText());
        List<String> dialog = UiWalk.texts(FxState.read(() -> robot.lookup("#actionDialog")
                        .queryAs(javafx.scene.Parent.class)))
                .stream().filter(t -> !t.equals(preview)).toList();
        robot.clickOn("#actionReason").write("고객이 전화로 승인함");
        robot.clickOn("#actionRun");
                FxState.await("the result's notice", () -> robot.lookup(".notice-text").tryQuery().isPresent());
        List<String> said = new java.util.ArrayList<>(dialog);
        said.addAll(FxState.read(() -> {
            List<String> notices = new java.util.ArrayList<>();
            robot.lookup(".notice-text").queryAllAs(Label.class).forEach(l -> notices.add(l.getText()));
            robot.lookup(".notice-detail").queryAllAs(Label.class).forEach(l -> notices.add(l.getText()));
            return notices;
        }));
        assertTrue(said.stream().anyMatch(t -> t.contains("인증 완료 처리 완료")), said.toString());
        // "done" is true now, and the notice says the hold goes on watching for the backend undoing it
        assertTrue(said.stream().anyMatch(t -> t.matches("(?s).*앞으로 \\d+분 동안 지켜봅니다\\..*")), said.toString());
        for (String text : said) {
            // session ids, field and status names of the document are data, not English sentences
            String words = text.replaceAll("welno_[0-9a-f]+|[a-z]+(_[a-z]+)+|CX[0-9A-Z-]+|JSON|Redis|Tilko|KST|UTC", "");
            assertFalse(words.matches("(?s).*[A-Za-z]{3,}.*"), "English in the Korean window: " + text);
        }
    }

    /**
     * The preview is of the session as it is while the dialog is open: a live change computes it again and says so,
     * and a session that could not be read can be read again from the dialog.
     */
    @Test
    void anOpenDialogsPreviewFollowsItsSessionAndCanReadItAgain(FxRobot robot) throws Exception {
        awaitRows(robot, 19);
        String id = Fixtures.id("03_auth_request_sent.json");
        String key = "tilko_session:" + id;
        openManualCompleteOn(robot, id);
        assertFalse(FxState.read(() -> robot.lookup("#actionSessionChanged").query().isVisible()));
        assertFalse(FxState.read(() -> robot.lookup("#actionReadAgain").query().isVisible()));

        String value = REDIS.client().get(key);
        REDIS.client().set(key, value.replaceFirst("\"updated_at\": \"[^\"]*\"",
                "\"updated_at\": \"2026-11-21T09:09:09.000001\""), SetParams.setParams().keepTtl());
        FxState.await("the preview of the changed session", () -> robot.lookup("#actionSessionChanged").query()
                .isVisible() && preview(robot).contains("09:09:09"));

        String changed = REDIS.client().get(key);
        long ttl = REDIS.client().ttl(key);
        REDIS.client().del(key);
        FxState.await("the session gone from the preview", () -> robot.lookup("#actionReadAgain").query().isVisible()
                && robot.lookup("#actionRefusal").query().isVisible());
        robot.clickOn("#actionReason").write("user approved on the phone, support call");
        assertTrue(FxState.read(() -> robot.lookup("#actionRun").queryButton().isDisabled()), "nothing to run on");

        // Live paused, so it is the link that reads the session back, not the feed delivering it again.
        robot.interact(() -> window.view().model().pausedProperty().set(true));
        REDIS.client().set(key, changed, SetParams.setParams().ex(ttl));
        robot.clickOn("#actionReadAgain");
        FxState.await("the session read again", () -> preview(robot).contains("auth_completed")
                && !robot.lookup("#actionReadAgain").query().isVisible()
                && !robot.lookup("#actionRun").queryButton().isDisabled());
        robot.type(javafx.scene.input.KeyCode.ESCAPE); // cancelled: nothing written
        FxState.await("the dialog closed", () -> robot.lookup("#actionDialog").tryQuery().isEmpty());
        assertEquals(changed, REDIS.client().get(key));
    }

    /**
     * A developer's Force auth complete dialog is open, its override ticked, when another console claims the session
     * for a simple-auth: the preview is made again and refuses, hard (the override changes nothing), in the window's
     * language, naming that console, and Run goes grey, so nothing is written over that console's live claim.
     */
    @Test
    void anOpenDialogIsRefusedOnceAnotherConsoleClaimsItsSessionOverrideOrNot(FxRobot robot) throws Exception {
        awaitRows(robot, 19);
        robot.interact(() -> window.i18n().setLocale(io.welno.console.ui.common.I18n.KOREAN));
        String id = Fixtures.id("03_auth_request_sent.json");
        String key = "tilko_session:" + id;
        openManualCompleteOn(robot, id);
        robot.clickOn("#actionOverride");
        robot.clickOn("#actionReason").write("고객이 전화로 승인함");
        FxState.await("Run enabled", () -> !robot.lookup("#actionRun").queryButton().isDisabled());

        io.welno.console.session.Timestamps clock = io.welno.console.session.Timestamps.system();
        String claimed = REDIS.client().get(key).replaceFirst("\"status\": \"[^\"]*\"",
                "\"status\": \"auth_requesting\", \"console_claim\": {\"id\": \"b0b0b0b0\", "
                        + "\"action\": \"simple-auth\", \"operator\": \"choi\", \"owner\": \"console-b/4242/beef\", "
                        + "\"at\": \"" + clock.nowPlusSeconds(0) + "\", \"lease_until\": \"" + clock.nowPlusSeconds(60)
                        + "\"}");
        REDIS.client().set(key, claimed, SetParams.setParams().keepTtl());
        FxState.await("the preview refuses the claimed session", () -> {
            javafx.scene.control.Label refusal = robot.lookup("#actionRefusal").queryAs(javafx.scene.control.Label.class);
            return refusal.isVisible() && refusal.getText().contains("console-b/4242/beef")
                    && refusal.getText().contains("점유를 계속 갱신");
        });
        assertTrue(FxState.read(() -> robot.lookup("#actionRun").queryButton().isDisabled()));
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        FxState.await("the dialog closed", () -> robot.lookup("#actionDialog").tryQuery().isEmpty());
        assertEquals(claimed, REDIS.client().get(key), "nothing written over the claim");
    }

    private static String preview(FxRobot robot) {
        return robot.lookup("#actionPreview").queryAs(javafx.scene.control.TextArea.class).getText();
    }

    /** Finds the session by its id, selects it and opens Force auth complete, its preview loaded. */
    private TableView<?> openManualCompleteOn(FxRobot robot, String id) throws Exception {
        robot.clickOn("#searchField").write(id.substring(6, 14));
        awaitRows(robot, 1);
        TableView<?> sessions = FxState.read(() -> table(robot));
        robot.interact(() -> sessions.getSelectionModel().select(0));
        FxState.await("Force auth complete enabled",
                () -> !robot.lookup("#action-manual-auth-complete").queryButton().isDisabled());
        robot.clickOn("#action-manual-auth-complete");
        FxState.await("the action's dialog", () -> robot.lookup("#actionReason").tryQuery().isPresent());
        FxState.await("the action's preview", () -> robot.lookup("#actionPreview")
                .queryAs(javafx.scene.control.TextArea.class).getText().contains("auth_completed"));
        return sessions;
    }
}
