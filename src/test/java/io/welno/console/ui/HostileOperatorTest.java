package io.welno.console.ui;

import static io.welno.console.hostile.Hostile.assertNothingRaw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.demo.EmbeddedRedis;
import io.welno.console.hostile.Hostile;
import io.welno.console.testing.FxState;
import io.welno.console.text.SafeText;
import io.welno.console.ui.common.ProfileWords;
import java.util.List;
import java.util.Set;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * An operator's name is the OS user name (or {@code --operator}) and a profile's environment is whatever the profiles
 * file says: the role badge shows the name escaped and cut, and the environment badge takes one of the style sheet's
 * classes, never a class made of the environment's text.
 */
@ExtendWith(ApplicationExtension.class)
class HostileOperatorTest {

    static final String NAME = "kim" + Hostile.ALL + "n".repeat(5000);
    /** Spelled to borrow the red production look, with a class of another control and escapes behind it. */
    static final String ENVIRONMENT = "production notice-warning" + Hostile.ALL;

    private TestConsole console;

    @Start
    void start(Stage stage) {
        String user = System.getProperty("user.name");
        System.setProperty("user.name", NAME);
        try {
            console = TestConsole.open(stage, TestConsole.profile("hostile",
                    "redis://127.0.0.1:" + EmbeddedRedis.freePort() + "/0?connectTimeout=300", "operator", ENVIRONMENT,
                    false));
        } finally {
            System.setProperty("user.name", user);
        }
    }

    @AfterEach
    void stop(FxRobot robot) {
        console.close(robot);
    }

    @Test
    void theRoleBadgeShowsTheOperatorsNameEscapedAndBounded(FxRobot robot) throws Exception {
        // the window is meanwhile failing to connect and saying so: its scene changes under a lookup
        String shown = FxState.read(() -> robot.lookup("#roleBadge").queryAs(Label.class).getText());
        assertNothingRaw(shown, "the role badge");
        assertTrue(shown.startsWith("kim\\u001b[2J"), shown);
        assertTrue(shown.endsWith(SafeText.ELLIPSIS + " · operator"), shown);
        assertTrue(shown.length() <= SafeText.FIELD + " · operator".length(), shown);
    }

    @Test
    void theEnvironmentBadgeTakesAClassOfTheStyleSheetsOwn(FxRobot robot) throws Exception {
        List<String> classes = FxState.read(() -> List.copyOf(robot.lookup("#environmentBadge").queryAs(Label.class)
                .getStyleClass()));
        assertEquals(Set.of("label", "env-badge", ProfileWords.OTHER_STYLE), Set.copyOf(classes), classes.toString());
    }

    @Test
    void aKnownEnvironmentKeepsItsColourInAnySpelling() {
        assertEquals("env-production", ProfileWords.styleClass(" Production "));
        assertEquals("env-staging", ProfileWords.styleClass("STAGING"));
        assertEquals(ProfileWords.OTHER_STYLE, ProfileWords.styleClass("demo"));
        assertEquals(ProfileWords.OTHER_STYLE, ProfileWords.styleClass(null));
    }
}
