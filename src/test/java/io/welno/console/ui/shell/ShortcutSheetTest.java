package io.welno.console.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.flow.ActionKind;
import io.welno.console.testing.FxState;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.table.BucketList;
import io.welno.console.view.Bucket;
import io.welno.console.view.BundleTexts;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The shortcut sheet is not modal: open while the language is switched, it says every word again in the new one. */
@ExtendWith(ApplicationExtension.class)
class ShortcutSheetTest {

    private final I18n i18n = new I18n(I18n.ENGLISH);
    private ShortcutSheet sheet;

    @Start
    void start(Stage stage) {
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 300, 200));
        stage.show();
        KeyboardShortcuts shortcuts = new KeyboardShortcuts();
        shortcuts.add(KeyboardShortcuts.Section.NAVIGATION, KeyboardShortcuts.shortcut(KeyCode.DIGIT2),
                "shortcuts.bucket", () -> { }, BucketList.label(i18n, Bucket.STUCK));
        shortcuts.add(KeyboardShortcuts.Section.VIEW, KeyboardShortcuts.key(KeyCode.F5), "shortcuts.resync", () -> { });
        sheet = new ShortcutSheet(stage, i18n, shortcuts.all());
        sheet.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(sheet::close);
    }

    @Test
    void anOpenSheetFollowsALanguageSwitch(FxRobot robot) throws Exception {
        assertTrue(texts().contains("Show bucket: Stuck"), texts().toString());

        robot.interact(() -> i18n.setLocale(I18n.KOREAN));
        BundleTexts korean = new BundleTexts(I18n.KOREAN);
        assertEquals(korean.get("shortcuts.title"), FxState.read(sheet::getTitle));
        assertEquals(korean.get("shortcuts.header"), FxState.read(sheet::getHeaderText));
        List<String> shown = texts();
        for (String words : List.of(korean.get("shortcuts.section.navigation"), korean.get("shortcuts.section.actions"),
                korean.get("shortcuts.section.view"), korean.format("shortcuts.bucket", korean.get("bucket.stuck")),
                korean.get("shortcuts.resync"), korean.get("shortcuts.nextPrevious.letters"),
                korean.get("action." + ActionKind.MANUAL_COMPLETE.wire()), korean.get("shortcuts.note"))) {
            assertTrue(shown.contains(words), words + " missing: " + shown);
        }
        assertTrue(shown.stream().noneMatch(t -> t.contains("Show bucket") || t.contains("Navigation")),
                "no English left: " + shown);
        assertEquals(korean.get("shortcuts.close"),
                FxState.read(() -> ((Button) sheet.getDialogPane().lookup("#shortcutSheetClose")).getText()));
    }

    private List<String> texts() throws Exception {
        return FxState.read(() -> sheet.getDialogPane().lookupAll(".label").stream()
                .filter(Label.class::isInstance).map(n -> ((Label) n).getText()).toList());
    }
}
