package io.welno.console.ui.actions;

import static io.welno.console.hostile.Hostile.assertNothingRaw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.flow.ActionKind;
import io.welno.console.flow.ActionResult;
import io.welno.console.flow.HoldOutcome;
import io.welno.console.flow.Reapplied;
import io.welno.console.flow.RevertDetected;
import io.welno.console.hostile.Hostile;
import io.welno.console.session.SessionStatus;
import io.welno.console.text.Phrase;
import io.welno.console.testing.FxState;
import io.welno.console.text.SafeText;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.common.Notices;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The flow's background news names a session and, for another console's change, its operator: both read from Redis.
 * A long hostile id or name is cut to a field, so the notice still says which action and whose, and nothing in it is
 * obeyed by the screen.
 */
@ExtendWith(ApplicationExtension.class)
class FlowNoticesTest {

    static final String ID = "welno" + Hostile.ALL + "i".repeat(5000);
    static final String OPERATOR = "kim" + Hostile.ALL + "o".repeat(5000);

    private Notices notices;
    private FlowNotices flowNotices;

    @Start
    void start(Stage stage) {
        I18n i18n = new I18n(Locale.ENGLISH);
        notices = new Notices(i18n);
        flowNotices = new FlowNotices(notices, i18n);
        stage.setScene(new Scene(new StackPane(notices), 600, 400));
        stage.show();
    }

    @Test
    void anotherConsolesRevertNamesTheActionAndTheOperatorCut(FxRobot robot) throws Exception {
        flowNotices.onRevertDetected(new RevertDetected(ID, ActionKind.MANUAL_COMPLETE, "a1", OPERATOR,
                Phrase.of("action.unknown"), SessionStatus.AUTH_PENDING, false));
        String shown = headline();
        assertTrue(shown.startsWith("The backend overwrote session welno\\u001b[2J"), shown);
        assertTrue(shown.contains(SafeText.ELLIPSIS + ": kim\\u001b[2J"), shown);
        assertTrue(shown.endsWith(SafeText.ELLIPSIS + "'s \"Force auth complete\" is gone."), shown);
    }

    @Test
    void ourRevertNamesTheAction(FxRobot robot) throws Exception {
        flowNotices.onRevertDetected(new RevertDetected(ID, ActionKind.MANUAL_COMPLETE, "a1", "me",
                Phrase.of("action.unknown"), SessionStatus.AUTH_PENDING, true));
        String shown = headline();
        assertTrue(shown.endsWith(SafeText.ELLIPSIS + ": your \"Force auth complete\" is gone."), shown);
    }

    @Test
    void aReapplyAndAnUnconfirmedHoldSayWhatHappenedAfterTheId(FxRobot robot) throws Exception {
        flowNotices.onReapplied(new Reapplied(ID, ActionKind.MANUAL_COMPLETE, "a1", 1, ActionResult.Outcome.APPLIED,
                Phrase.of("action.unknown")));
        String reapplied = headline();
        assertTrue(reapplied.endsWith(SafeText.ELLIPSIS + ": the change the backend overwrote was applied again."),
                reapplied);
        flowNotices.onHoldEnded(ID, "a1", new HoldOutcome(HoldOutcome.Kind.UNCONFIRMED, Phrase.of("action.unknown"), 0,
                null));
        String unconfirmed = headline();
        assertTrue(unconfirmed.endsWith(SafeText.ELLIPSIS + ": the change could not be confirmed."), unconfirmed);
    }

    /**
     * The newest notice's headline, checked for anything a screen would obey. Read on the FX thread: the notices'
     * timers take old ones away there.
     */
    private String headline() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        String shown = FxState.read(() -> {
            List<Label> texts = notices.lookupAll(".notice-text").stream().map(Label.class::cast).toList();
            assertTrue(!texts.isEmpty(), "a notice is shown");
            return texts.get(texts.size() - 1).getText();
        });
        assertNothingRaw(shown, "the notice");
        assertEquals(-1, shown.indexOf('\n'), shown);
        return shown;
    }
}
