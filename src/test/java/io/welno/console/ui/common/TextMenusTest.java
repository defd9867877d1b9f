package io.welno.console.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.welno.console.testing.FxState;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A text field's right-click menu speaks the window's language, also for a field made before a language switch (JavaFX's
 * own menu keeps the words of the JVM's locale at the time its skin was made), and offers what the field allows.
 */
@ExtendWith(ApplicationExtension.class)
class TextMenusTest {

    private final Locale before = Locale.getDefault();
    private final I18n i18n = new I18n(I18n.ENGLISH);
    private TextField search;
    private TextArea raw;

    @Start
    void start(Stage stage) {
        i18n.governJavaFxTexts(); // as the console does: JavaFX's words follow the chosen language from now on
        search = new TextField("welno_1");
        raw = new TextArea("{\"status\": \"completed\"}");
        raw.setEditable(false);
        VBox root = new VBox(search, raw);
        TextMenus.install(root, i18n);
        stage.setScene(new Scene(root, 400, 300));
        stage.show();
    }

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    @Test
    void aFieldMadeBeforeASwitchOffersItsMenuInTheNewLanguage(FxRobot robot) throws Exception {
        robot.interact(search::selectAll);
        assertEquals("Undo", menu(robot, search).get(0));

        robot.interact(() -> i18n.setLocale(I18n.KOREAN));
        assertEquals(List.of("실행 취소", "다시 실행", "잘라내기", "복사", "붙여넣기", "삭제", "모두 선택"), menu(robot, search));
        assertEquals(List.of("복사", "모두 선택"), menu(robot, raw), "a read-only area offers only what it allows");
    }

    /** The visible items of the menu a right-click on {@code field} opens, closed again. */
    private static List<String> menu(FxRobot robot, TextInputControl field) throws Exception {
        robot.interact(() -> {
            Bounds at = field.localToScreen(field.getBoundsInLocal());
            field.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 5, 5, at.getMinX() + 5,
                    at.getMinY() + 5, false, null));
        });
        WaitForAsyncUtils.waitForFxEvents();
        return FxState.read(() -> {
            ContextMenu shown = List.copyOf(Window.getWindows()).stream().filter(w -> w instanceof ContextMenu
                    && w.isShowing()).map(ContextMenu.class::cast).findFirst().orElseThrow();
            List<String> items = shown.getItems().stream().filter(MenuItem::isVisible)
                    .filter(i -> !(i instanceof javafx.scene.control.SeparatorMenuItem)).map(MenuItem::getText)
                    .toList();
            shown.hide();
            return items;
        });
    }
}
