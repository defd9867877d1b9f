package io.welno.console.ui;

import static io.welno.console.ui.FixturesWindow.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.flow.ActionKind;
import io.welno.console.testing.Fixtures;
import io.welno.console.testing.FxState;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.common.ReasonTips;
import io.welno.console.ui.shell.ConsoleWindow;
import io.welno.console.view.SessionRow;
import java.time.Clock;
import java.time.LocalDateTime;
import io.welno.console.session.Timestamps;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
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

/**
 * Every grey button says why, on hover as well (a disabled control shows no tooltip of its own), in words a support
 * person uses and with what would change it: the role, Tilko not set up, the session's state. A stuck session says
 * why it is stuck, and the Stuck bucket what stuck means. In a Korean window all of it is Korean.
 */
@ExtendWith(ApplicationExtension.class)
class ActionReasonsTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(false);

    private static final String WAITING = Fixtures.id("03_auth_request_sent.json");
    private static final String INITIATED = Fixtures.id("01_initiated.json");
    /** The fixtures' moment that becomes now: 12½ minutes after the waiting session's last message (14:03:27). */
    private static final LocalDateTime FIXTURE_NOW = LocalDateTime.of(2026, 11, 20, 14, 16);
    private static final Clock CLOCK = Clock.systemUTC();

    private Stage stage;
    private TestConsole console;
    private ConsoleWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        REDIS.flush();
        for (String fixture : java.util.List.of("03_auth_request_sent.json", "01_initiated.json")) {
            // Not expiring for the backend, so the reason is the wait, not the expiry.
            String doc = Fixtures.live(fixture, FIXTURE_NOW).replaceAll("\"expires_at\": \"[^\"]+\"",
                    "\"expires_at\": \"" + Timestamps.format(LocalDateTime.now(Timestamps.DEFAULT_ZONE).plusMinutes(30))
                            + "\"");
            REDIS.client().set("tilko_session:" + Fixtures.id(fixture), doc, SetParams.setParams().ex(1800));
        }
    }

    @AfterEach
    void stop(FxRobot robot) {
        if (console != null) {
            console.close(robot);
        }
    }

    private void open(FxRobot robot, String role) throws Exception {
        AtomicReference<TestConsole> opened = new AtomicReference<>();
        robot.interact(() -> opened.set(TestConsole.open(stage, CLOCK,
                TestConsole.profile("reasons", REDIS.url(), role, "development", true))));
        console = opened.get();
        window = console.window();
        FxState.await("both sessions' rows", () -> table(robot).getItems().size() == 2);
    }

    private void select(FxRobot robot, String id) throws Exception {
        TableView<SessionRow> table = FxState.read(() -> table(robot));
        robot.interact(() -> table.getSelectionModel().select(FixturesWindow.indexOf(table, id)));
        FxState.await("the session in the detail pane",
                () -> window.view().detail().current() != null && window.view().detail().current().id().equals(id));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String tip(FxRobot robot, ActionKind kind) throws Exception {
        return FxState.read(() -> {
            Node holder = robot.lookup("#action-" + kind.wire() + "-holder").query();
            return ReasonTips.of(holder).getText();
        });
    }

    private static boolean disabled(FxRobot robot, ActionKind kind) throws Exception {
        return FxState.read(() -> robot.lookup("#action-" + kind.wire()).queryButton().isDisabled());
    }

    private static String text(FxRobot robot, String id) throws Exception {
        return FxState.read(() -> {
            Label label = robot.lookup(id).queryAs(Label.class);
            return label.isVisible() ? label.getText() : "";
        });
    }

    private void korean(FxRobot robot) {
        robot.interact(() -> window.i18n().setLocale(I18n.KOREAN));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aViewersGreyButtonsSayTheRoleCannotChangeSessionsAndWhereToChangeItAlsoOnHover(FxRobot robot)
            throws Exception {
        open(robot, "viewer");
        select(robot, WAITING);
        for (ActionKind kind : ActionKind.values()) {
            assertTrue(disabled(robot, kind), kind + " is grey for a viewer");
            String tip = tip(robot, kind);
            assertTrue(tip.contains("viewer role") && tip.contains("Connections…"), tip);
        }
        String note = text(robot, "#actionSetupNote");
        assertTrue(note.startsWith("Viewers can watch sessions but not change them."), note);

        // The tooltip really appears over the disabled button.
        Tooltip tooltip = FxState.read(() -> ReasonTips.of(robot.lookup("#action-collect-holder").query()));
        robot.moveTo("#action-collect");
        FxState.await("the disabled button's tooltip", tooltip::isShowing);
        String shown = FxState.read(tooltip::getText);
        assertTrue(shown.contains("viewer role"), shown);
        robot.moveTo("#sessionTable");

        korean(robot);
        String collect = tip(robot, ActionKind.COLLECT);
        assertTrue(collect.contains("뷰어") && collect.contains("연결…"), collect);
        String koreanNote = text(robot, "#actionSetupNote");
        assertTrue(koreanNote.startsWith("뷰어는 세션을 볼 수만 있고"), koreanNote);
    }

    @Test
    void withoutTilkoReSendAndCollectSayHowToSetItUpAndOtherButtonsSayWhatTheSessionLacks(FxRobot robot)
            throws Exception {
        open(robot, "operator");
        select(robot, INITIATED);
        assertTrue(disabled(robot, ActionKind.SIMPLE_AUTH));
        String simpleAuth = tip(robot, ActionKind.SIMPLE_AUTH);
        assertTrue(simpleAuth.contains("No Tilko connection is configured") && simpleAuth.contains("Connections…")
                && simpleAuth.contains("TILKO_API_KEY"), simpleAuth);
        String note = text(robot, "#actionSetupNote");
        assertTrue(note.contains("need Tilko"), note);
        String manual = tip(robot, ActionKind.MANUAL_COMPLETE);
        assertTrue(manual.contains("developer role") && manual.contains("Connections…"), manual);
        // The session's state, by the status names the table shows.
        String reset = tip(robot, ActionKind.RESET_STUCK);
        assertTrue(disabled(robot, ActionKind.RESET_STUCK));
        assertTrue(reset.startsWith("Reset stuck collection needs status Fetching checkups")
                && reset.contains("the session is Initiated"), reset);
        assertFalse(reset.contains("fetching_health_data"), reset);

        korean(robot);
        String korean = tip(robot, ActionKind.SIMPLE_AUTH);
        assertTrue(korean.contains("틸코") && korean.contains("TILKO_API_KEY") && !korean.contains("configured"), korean);
        String koreanReset = tip(robot, ActionKind.RESET_STUCK);
        assertTrue(koreanReset.contains("시작됨"), koreanReset);
    }

    @Test
    void aStuckSessionSaysHowLongItHasWaitedAndTheStuckBucketWhatStuckMeans(FxRobot robot) throws Exception {
        open(robot, "operator");
        select(robot, WAITING);
        String why = text(robot, "#stuckReason");
        assertTrue(why.matches("Waiting for approval for 1[23]m \\d\\ds with no progress; .*")
                && why.contains("stuck after 10m."), why);
        @SuppressWarnings("unchecked")
        ListCell<Object> stuck = FxState.read(() -> robot.lookup("#bucket-stuck").queryAs(ListCell.class));
        String meaning = FxState.read(() -> stuck.getTooltip().getText());
        assertTrue(meaning.contains("Waiting for approval after 10m;") && meaning.contains("Select one"), meaning);

        korean(robot);
        why = text(robot, "#stuckReason");
        assertTrue(why.contains("승인 대기") && why.matches(".*1[23]분 \\d\\d초.*"), why);
        String koreanMeaning = FxState.read(() -> stuck.getTooltip().getText());
        assertTrue(koreanMeaning.contains("승인 대기"), koreanMeaning);
    }

    /**
     * Without a mouse the grey button's reason was out of reach: a screen reader reads the button but not the tooltip
     * of the pane around it, and the action's key on a session it cannot act on did nothing at all. The button's
     * accessible help is its tooltip's words, and the key says why in a notice, in the window's language.
     */
    @Test
    void aGreyActionSaysWhyToAScreenReaderAndToTheKeyThatAskedForIt(FxRobot robot) throws Exception {
        open(robot, "operator");
        select(robot, INITIATED);
        assertTrue(disabled(robot, ActionKind.RESET_STUCK));
        String tip = tip(robot, ActionKind.RESET_STUCK);
        assertEquals(tip, FxState.read(() -> robot.lookup("#action-" + ActionKind.RESET_STUCK.wire()).queryButton().getAccessibleHelp()));

        robot.interact(() -> robot.lookup("#sessionTable").query().requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.R).release(KeyCode.R, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        String why = ReasonTipsWords.withoutShortcut(tip);
        FxState.await("a notice that says why Reset stuck collection does not run", () -> notices(robot).contains(why));

        korean(robot);
        String korean = tip(robot, ActionKind.RESET_STUCK);
        assertEquals(korean, FxState.read(() -> robot.lookup("#action-" + ActionKind.RESET_STUCK.wire()).queryButton().getAccessibleHelp()));
        FxState.await("the notice in Korean", () -> notices(robot).contains(ReasonTipsWords.withoutShortcut(korean)));
    }

    private static java.util.List<String> notices(FxRobot robot) {
        return robot.lookup(".notice-text").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    /** A tooltip ends with the action's key in brackets; the reason is what comes before. */
    private static final class ReasonTipsWords {
        static String withoutShortcut(String tip) {
            return tip.substring(0, tip.lastIndexOf(" ("));
        }
    }
}
