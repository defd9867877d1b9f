package io.welno.console.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.flow.ActionKind;
import io.welno.console.flow.ActionResult;
import io.welno.console.flow.RedisAuditLog;
import io.welno.console.testing.FxState;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.common.Mnemonics;
import io.welno.console.view.SessionRow;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.scene.AccessibleAction;
import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window for a support person without a mouse, and for a screen reader: what the mouse reaches, the keyboard and
 * assistive technology reach too, with words in both languages.
 */
class KeyboardPathTest extends FixturesWindow {

    @RegisterExtension
    static final PrivatePreferences PREFS = new PrivatePreferences("keyboard-test");

    private static final ResourceBundle ENGLISH = ResourceBundle.getBundle(I18n.BUNDLE, Locale.ENGLISH);
    private static final ResourceBundle KOREAN = ResourceBundle.getBundle(I18n.BUNDLE, I18n.KOREAN);

    @Start
    void start(Stage stage) throws Exception {
        PREFS.node().clear();
        open(stage, "keys", "developer", "production");
    }

    /** The column chooser's menu when it is on screen (FX thread). */
    private static Optional<ContextMenu> columnMenu(FxRobot robot) {
        return robot.listWindows().stream().filter(w -> w instanceof ContextMenu m && m.isShowing()
                && "columnMenu".equals(m.getId())).map(ContextMenu.class::cast).findFirst();
    }

    private static String shown(TableView<?> table) {
        StringBuilder ids = new StringBuilder();
        table.getVisibleLeafColumns().forEach(c -> ids.append(c.getId()).append(' '));
        return ids.toString();
    }

    /** What a screen reader finds at the table's +: the node that calls itself a button, with words. */
    private static Node plusButton(TableView<?> table) {
        Node corner = table.lookup(".show-hide-columns-button");
        assertNotNull(corner, "the table shows JavaFX's column menu button");
        return pressable(corner);
    }

    private static Node pressable(Node node) {
        if (node.getAccessibleRole() == AccessibleRole.BUTTON && node.getAccessibleText() != null) {
            return node;
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                Node found = pressable(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /**
     * The + says it is a button that chooses the columns: a screen reader's "press" opens the choice, and so does
     * Space once Tab has moved from the table to it — before, only a mouse press on it did anything.
     */
    @Test
    void theColumnMenuButtonIsPressedByAScreenReaderAndReachedWithTab(FxRobot robot) throws Exception {
        awaitRows(robot);
        TableView<SessionRow> table = FxState.read(() -> table(robot));
        Node plus = FxState.read(() -> plusButton(table));
        assertNotNull(plus, "the + is a button with words for a screen reader");
        FxState.check(() -> {
            assertEquals(ENGLISH.getString("columns.menuButton"), plus.getAccessibleText());
            Node corner = table.lookup(".show-hide-columns-button");
            assertEquals(corner.getLayoutBounds().getWidth(), plus.getLayoutBounds().getWidth(),
                    "it covers the + (a focus frame to see, a place to click)");
            assertEquals(corner.getLayoutBounds().getHeight(), plus.getLayoutBounds().getHeight());
        });

        robot.interact(() -> plus.executeAccessibleAction(AccessibleAction.FIRE));
        WaitForAsyncUtils.waitForFxEvents();
        FxState.check(() -> assertTrue(columnMenu(robot).isPresent(), "a screen reader's press opens the columns"));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        FxState.check(() -> assertFalse(columnMenu(robot).isPresent()));

        robot.interact(table::requestFocus);
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        FxState.check(() -> assertEquals(plus, window.scene().getFocusOwner(), "Tab from the table reaches the +"));
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        FxState.check(() -> assertTrue(columnMenu(robot).isPresent(), "Space on the + opens the columns"));

        robot.type(KeyCode.ESCAPE);
        robot.clickOn(plus);
        WaitForAsyncUtils.waitForFxEvents();
        FxState.check(() -> assertTrue(columnMenu(robot).isPresent(), "and a click, as before"));

        robot.interact(() -> window.i18n().setLocale(I18n.KOREAN));
        FxState.check(() -> assertEquals(KOREAN.getString("columns.menuButton"), plus.getAccessibleText()));
    }

    /**
     * A key opens the same choice from anywhere in the window, the arrow keys and Enter show or hide a column, and
     * the table tells a screen reader which key it is, in the window's language.
     */
    @Test
    void aKeyOpensTheColumnChoiceAndTheTableSaysWhichKey(FxRobot robot) throws Exception {
        awaitRows(robot);
        TableView<SessionRow> table = FxState.read(() -> table(robot));
        robot.interact(table::requestFocus);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        FxState.check(() -> assertTrue(columnMenu(robot).isPresent(), "Ctrl+Shift+L opens the columns"));
        String before = FxState.read(() -> shown(table));
        robot.type(KeyCode.DOWN); // the menu opens on its first item (the id): the second is the name
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        FxState.check(() -> assertEquals(before.replaceFirst("column.name ", ""), shown(table),
                "the name column hidden by keys"));

        String help = FxState.read(table::getAccessibleHelp);
        assertNotNull(help, "the table tells a screen reader how to choose the columns");
        assertTrue(help.startsWith(ENGLISH.getString("columns.menuButton")) && help.contains("L"), help);
        robot.interact(() -> window.i18n().setLocale(I18n.KOREAN));
        String korean = FxState.read(table::getAccessibleHelp);
        assertTrue(korean.startsWith(KOREAN.getString("columns.menuButton")) && korean.contains("L"), korean);
    }

    /**
     * An action's dialog without a mouse: its key opens it on the reason, Tab leaves the reason (a text area took Tab
     * as a character, which the reason check refuses, so Run stayed grey and could not be reached) and reaches Run;
     * the reason's label names the field to a screen reader; Escape cancels and the table has the keyboard again.
     */
    @Test
    void anActionsReasonIsTypedAndRunIsReachedWithTab(FxRobot robot) throws Exception {
        TableView<SessionRow> table = openManualCompleteByKey(robot, false);
        TextArea reason = FxState.read(() -> robot.lookup("#actionReason").queryAs(TextArea.class));
        FxState.check(() -> assertTrue(robot.lookup(".label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getLabelFor() == reason), "a label names the reason field"));
        robot.targetWindow(FxState.read(() -> reason.getScene().getWindow())); // where the typed letters go
        robot.write("called the user");
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        FxState.check(() -> {
            assertEquals("called the user", reason.getText(), "Tab is not typed into the reason");
            assertFalse(reason.isFocused(), "Tab leaves the reason");
        });
        Button run = FxState.read(() -> robot.lookup("#actionRun").queryButton());
        FxState.await("the reason is accepted and the preview allows the run", () -> !run.isDisabled());
        for (int i = 0; i < 12 && !FxState.read(run::isFocused); i++) {
            robot.type(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertTrue(FxState.read(run::isFocused), "Tab reaches Run");
        robot.type(KeyCode.ESCAPE);
        FxState.await("the dialog closed", () -> robot.lookup("#actionDialog").tryQuery().isEmpty());
        FxState.await("the table has the keyboard again", table::isFocused);
    }

    /**
     * Tab goes round the window's controls and back to the first: it never stops on the status bar, which has
     * nothing to act on and draws no focus (the keyboard seemed lost there for a step).
     */
    @Test
    void tabGoesRoundTheWindowWithoutStoppingOnTheStatusBar(FxRobot robot) throws Exception {
        awaitRows(robot);
        robot.interact(() -> robot.lookup("#searchField").query().requestFocus());
        java.util.List<String> stops = new java.util.ArrayList<>();
        for (int i = 0; i < 15; i++) {
            robot.type(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
            stops.add(FxState.read(() -> String.valueOf(window.scene().getFocusOwner().getId())));
        }
        assertTrue(stops.contains("searchField"), "Tab comes round again: " + stops);
        assertFalse(stops.contains("statusBar"), "no stop on the status bar: " + stops);
    }

    /**
     * Tab follows the eye: the toolbar, then the bucket list at the left, the session table, and the detail pane at
     * its right. The bucket list was reached only after the detail pane, past everything that stands right of it.
     */
    @Test
    void tabGoesFromTheToolbarToTheBucketsTheTableAndTheDetailInReadingOrder(FxRobot robot) throws Exception {
        awaitRows(robot);
        robot.interact(() -> {
            table(robot).getSelectionModel().clearAndSelect(0); // the detail pane has controls to reach
            robot.lookup("#searchField").query().requestFocus();
        });
        java.util.List<String> stops = new java.util.ArrayList<>();
        for (int i = 0; i < 30 && !stops.contains("searchField"); i++) {
            robot.type(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
            stops.add(FxState.read(() -> where(window.scene().getFocusOwner())));
        }
        int buckets = stops.indexOf("bucketList");
        int table = stops.indexOf("sessionTable");
        int detail = stops.indexOf("detailPane");
        assertTrue(buckets >= 0 && table >= 0 && detail >= 0, "Tab reaches each of them: " + stops);
        assertTrue(buckets < table && table < detail, "buckets, then table, then detail: " + stops);
        assertEquals("bucketList", stops.stream().filter(s -> !s.startsWith("toolbar") && !"mainTabs".equals(s)).findFirst().orElse(""),
                "after the toolbar, the buckets come first: " + stops);
    }

    /** The part of the window {@code node} stands in: the bucket list, the table, the detail pane or the toolbar. */
    private static String where(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            String id = at.getId();
            if ("bucketList".equals(id) || "sessionTable".equals(id) || "detailPane".equals(id)
                    || "searchField".equals(id)) {
                return id;
            }
            if ("mainToolbar".equals(id)) {
                return "toolbar:" + node.getId();
            }
        }
        return String.valueOf(node.getId());
    }

    /**
     * The toolbar's controls answer Alt and a letter, in either language ("_Pause live", "실시간 일시정지(_P)"): Alt+P
     * pauses and Alt+R resumes, Alt+S opens the settings and Alt+B the bulk actions, Alt+C Connections…; no letter
     * serves two controls. Before, Alt and a letter did nothing anywhere in the window.
     */
    @Test
    void altAndALetterReachTheToolbarInEitherLanguage(FxRobot robot) throws Exception {
        awaitRows(robot);
        java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();
        robot.interact(() -> {
            window.addConnectionsButton(connections::incrementAndGet); // as the application adds it
            table(robot).requestFocus();
        });
        javafx.scene.control.ToggleButton pause = FxState.read(() -> robot.lookup("#pauseButton")
                .queryAs(javafx.scene.control.ToggleButton.class));
        javafx.scene.control.MenuButton settings = FxState.read(() -> robot.lookup("#settingsMenu")
                .queryAs(javafx.scene.control.MenuButton.class));
        javafx.scene.control.MenuButton bulk = FxState.read(() -> robot.lookup("#bulkMenu")
                .queryAs(javafx.scene.control.MenuButton.class));
        for (java.util.Locale language : java.util.List.of(Locale.ENGLISH, I18n.KOREAN)) {
            robot.interact(() -> window.i18n().setLocale(language));
            AltKeys.assertDistinct(window.scene());
            AltKeys.press(robot, KeyCode.P);
            assertTrue(FxState.read(pause::isSelected), "Alt+P pauses, in " + language);
            AltKeys.assertDistinct(window.scene()); // Resume's letter beside the others
            AltKeys.press(robot, KeyCode.R);
            assertFalse(FxState.read(pause::isSelected), "Alt+R resumes, in " + language);
            AltKeys.press(robot, KeyCode.S);
            FxState.await("Alt+S opens the settings, in " + language, settings::isShowing);
            robot.interact(settings::hide);
            AltKeys.press(robot, KeyCode.B);
            FxState.await("Alt+B opens the bulk actions, in " + language, bulk::isShowing);
            robot.interact(bulk::hide);
            int before = connections.get();
            AltKeys.press(robot, KeyCode.C);
            FxState.await("Alt+C presses Connections…, in " + language, () -> connections.get() == before + 1);
        }
        robot.clickOn(pause);
        assertTrue(FxState.read(pause::isSelected), "a click toggles it once, as before");
        robot.clickOn(pause);
        assertFalse(FxState.read(pause::isSelected));
        FxState.check(() -> {
            assertEquals("설정(S)", settings.lookup(".text") instanceof javafx.scene.text.Text t ? t.getText() : null,
                    "the Korean form shows its letter in brackets, without the underscore");
            assertEquals("설정", settings.getAccessibleText(), "and a screen reader hears the word alone");
        });
    }

    /**
     * The settings menu's items have their own letters, as the toolbar's do: Alt+S opens it and Alt+K opens the
     * keyboard shortcuts, in English ("_Keyboard shortcuts…") and in Korean ("단축키(_K)…"); no letter serves two of
     * its items. Before, the open menu answered only the arrows and Enter.
     */
    @Test
    void theSettingsMenusItemsHaveTheirOwnAltKeysInEitherLanguage(FxRobot robot) throws Exception {
        awaitRows(robot);
        javafx.scene.control.MenuButton settings = FxState.read(() -> robot.lookup("#settingsMenu")
                .queryAs(javafx.scene.control.MenuButton.class));
        for (java.util.Locale language : java.util.List.of(Locale.ENGLISH, I18n.KOREAN)) {
            robot.interact(() -> {
                window.i18n().setLocale(language);
                table(robot).requestFocus();
            });
            AltKeys.press(robot, KeyCode.S);
            FxState.await("Alt+S opens the settings, in " + language, settings::isShowing);
            javafx.scene.Scene menu = FxState.read(() -> javafx.stage.Window.getWindows().stream()
                    .filter(w -> w instanceof javafx.scene.control.ContextMenu && w.isShowing()).findFirst()
                    .orElseThrow().getScene()); // the menu button's popup, which its skin owns
            AltKeys.assertDistinct(menu);
            assertEquals(java.util.Set.of("L", "T", "I", "E", "K", "A"), FxState.read(() -> menu.getMnemonics()
                    .keySet().stream().map(k -> lastLetter(k.getName()))
                    .collect(java.util.stream.Collectors.toSet())), "every item has a letter, in " + language);
            robot.targetWindow(FxState.read(menu::getWindow));
            AltKeys.press(robot, KeyCode.K);
            FxState.await("Alt+K opens the keyboard shortcuts, in " + language,
                    () -> robot.lookup("#shortcutSheet").tryQuery().isPresent());
            robot.interact(() -> window.view().shortcutSheet().close());
            FxState.await("the sheet closed", () -> robot.lookup("#shortcutSheet").tryQuery().isEmpty());
            robot.targetWindow(FxState.read(() -> window.scene().getWindow()));
        }
    }

    /**
     * The dialog's check boxes answer their Alt keys as a click does (JavaFX alone sent them an action event, which
     * leaves a check box as it was): Alt+W re-applies if written over, Alt+O overrides the guard (a developer), in both languages.
     */
    @Test
    void altAndALetterTickTheDialogsCheckBoxes(FxRobot robot) throws Exception {
        openManualCompleteByKey(robot, false);
        TextArea reason = FxState.read(() -> robot.lookup("#actionReason").queryAs(TextArea.class));
        AltKeys.assertDistinct(FxState.read(reason::getScene));
        robot.targetWindow(FxState.read(() -> reason.getScene().getWindow()));
        javafx.scene.control.CheckBox reapply = FxState.read(() -> robot.lookup("#actionReapply")
                .queryAs(javafx.scene.control.CheckBox.class));
        javafx.scene.control.CheckBox override = FxState.read(() -> robot.lookup("#actionOverride")
                .queryAs(javafx.scene.control.CheckBox.class));
        assertFalse(FxState.read(reapply::isSelected));
        AltKeys.press(robot, KeyCode.W);
        FxState.await("Alt+W ticked re-apply", reapply::isSelected);
        AltKeys.press(robot, KeyCode.W);
        FxState.await("and again cleared it", () -> !reapply.isSelected());
        AltKeys.press(robot, KeyCode.O);
        FxState.await("Alt+O ticked the override", override::isSelected);
        assertEquals("_Override the guard (developer; recorded as an override)", FxState.read(override::getText));
        javafx.scene.control.CheckBox askTilko = FxState.read(() -> robot.lookup("#actionCheckApproval")
                .queryAs(javafx.scene.control.CheckBox.class));
        AltKeys.press(robot, KeyCode.T);
        // shown only when Tilko can be asked; a hidden box does not answer its key
        assertEquals(FxState.read(askTilko::isVisible), FxState.read(askTilko::isSelected));

        AltKeys.press(robot, KeyCode.C);
        FxState.await("cancelled", () -> robot.lookup("#actionDialog").tryQuery().isEmpty());
        TableView<SessionRow> table = FxState.read(() -> table(robot));
        robot.interact(() -> {
            window.i18n().setLocale(I18n.KOREAN);
            table.requestFocus();
        });
        robot.targetWindow(FxState.read(() -> window.scene().getWindow()));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.M).release(KeyCode.M, KeyCode.SHIFT, KeyCode.CONTROL);
        FxState.await("the dialog again, in Korean", () -> robot.lookup("#actionReason").tryQuery()
                .map(Node::isFocused).orElse(false));
        javafx.scene.control.CheckBox korean = FxState.read(() -> robot.lookup("#actionReapply")
                .queryAs(javafx.scene.control.CheckBox.class));
        assertEquals(KOREAN.getString("action.reapply"), FxState.read(korean::getText));
        AltKeys.assertDistinct(FxState.read(korean::getScene));
        robot.targetWindow(FxState.read(() -> korean.getScene().getWindow()));
        AltKeys.press(robot, KeyCode.W);
        FxState.await("Alt+W ticks it in Korean too", korean::isSelected);
    }

    /** The key a mnemonic's name ends with ("…'K'"), upper case. */
    private static String lastLetter(String name) {
        String letters = name.replaceAll("[^A-Za-z0-9]", "");
        return letters.substring(letters.length() - 1).toUpperCase(Locale.ROOT);
    }

    /**
     * An action's dialog answers Alt+C (Cancel) and Alt+R (Run), in English and in Korean ("실행(_R)"), with the reason
     * typed and the keyboard still in it.
     */
    @Test
    void altAndALetterCancelOrRunAnActionsDialog(FxRobot robot) throws Exception {
        TableView<SessionRow> table = openManualCompleteByKey(robot, false);
        TextArea reason = FxState.read(() -> robot.lookup("#actionReason").queryAs(TextArea.class));
        AltKeys.assertDistinct(FxState.read(reason::getScene));
        robot.targetWindow(FxState.read(() -> reason.getScene().getWindow()));
        String id = FxState.read(() -> table.getSelectionModel().getSelectedItem().id());
        String before = REDIS.client().get("tilko_session:" + id);
        robot.write("called the user");
        AltKeys.press(robot, KeyCode.C);
        FxState.await("Alt+C cancelled the dialog", () -> robot.lookup("#actionDialog").tryQuery().isEmpty());
        assertEquals(before, REDIS.client().get("tilko_session:" + id), "nothing written");

        robot.interact(() -> {
            window.i18n().setLocale(I18n.KOREAN);
            table.requestFocus();
        });
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.M).release(KeyCode.M, KeyCode.SHIFT, KeyCode.CONTROL);
        FxState.await("the dialog again, in Korean", () -> robot.lookup("#actionReason").tryQuery()
                .map(Node::isFocused).orElse(false));
        TextArea korean = FxState.read(() -> robot.lookup("#actionReason").queryAs(TextArea.class));
        AltKeys.assertDistinct(FxState.read(korean::getScene));
        Button run = FxState.read(() -> robot.lookup("#actionRun").queryButton());
        assertEquals(KOREAN.getString("action.run"), FxState.read(run::getText));
        robot.targetWindow(FxState.read(() -> korean.getScene().getWindow()));
        robot.write("user approved on the phone");
        FxState.await("the reason accepted and the preview allowing the run", () -> !run.isDisabled());
        AltKeys.press(robot, KeyCode.R);
        FxState.await("Alt+R ran it and closed the dialog", () -> robot.lookup("#actionDialog").tryQuery().isEmpty());
        FxState.await("the action written", () -> !before.equals(REDIS.client().get("tilko_session:" + id)));
    }

    /**
     * The sessions' row menu opens on Shift+F10 and on the context menu key, as the right click opens it: JavaFX
     * opened it only when the platform asked, which Linux does for the right mouse button alone.
     */
    @Test
    void theMenuKeysOpenTheSessionsRowMenu(FxRobot robot) throws Exception {
        awaitRows(robot);
        TableView<SessionRow> table = FxState.read(() -> table(robot));
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(0);
        });
        robot.press(KeyCode.SHIFT, KeyCode.F10).release(KeyCode.F10, KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        FxState.check(() -> assertTrue(rowMenu(robot).isPresent(), "Shift+F10 opens the row menu"));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        FxState.check(() -> assertFalse(rowMenu(robot).isPresent()));
        robot.interact(table::requestFocus);
        robot.type(KeyCode.CONTEXT_MENU);
        WaitForAsyncUtils.waitForFxEvents();
        FxState.check(() -> {
            assertTrue(rowMenu(robot).isPresent(), "so does the context menu key");
            assertFalse(rowMenu(robot).get().getItems().get(0).isDisable(), "on the selected session");
        });
        robot.type(KeyCode.ESCAPE);
    }

    /**
     * Selects a seeded session a developer may complete by hand — over its guard ({@code overGuard}) or freely — and
     * opens the action's dialog with its shortcut from the table; returns the table once the reason has the keyboard.
     */
    private static TableView<SessionRow> openManualCompleteByKey(FxRobot robot, boolean overGuard) throws Exception {
        awaitRows(robot);
        TableView<SessionRow> table = FxState.read(() -> table(robot));
        String button = "#action-" + ActionKind.MANUAL_COMPLETE.wire();
        boolean found = false;
        for (int i = 0; i < 19 && !found; i++) {
            int row = i;
            robot.interact(() -> table.getSelectionModel().clearAndSelect(row));
            found = FxState.read(() -> robot.lookup(button).tryQuery().map(b -> !b.isDisabled()
                    && b.getStyleClass().contains("needs-override") == overGuard).orElse(false));
        }
        assertTrue(found, overGuard ? "a session a developer may complete by hand only over its guard"
                : "a session a developer may complete by hand");
        robot.interact(table::requestFocus);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.M).release(KeyCode.M, KeyCode.SHIFT, KeyCode.CONTROL);
        FxState.await("the dialog's reason has the keyboard", () -> robot.lookup("#actionReason").tryQuery()
                .map(Node::isFocused).orElse(false));
        return table;
    }

    private static Optional<ContextMenu> rowMenu(FxRobot robot) {
        return robot.listWindows().stream().filter(w -> w instanceof ContextMenu m && m.isShowing()
                && "rowMenu".equals(m.getId())).map(ContextMenu.class::cast).findFirst();
    }

    /**
     * The search and the filters name themselves to a screen reader in the window's language: before, the search
     * was its prompt only while empty (a typed id was all a reader heard) and a filter read only its choice.
     */
    @Test
    void theSearchAndTheFiltersHaveNamesInTheWindowsLanguage(FxRobot robot) throws Exception {
        awaitRows(robot);
        javafx.scene.control.TextField search = FxState.read(() -> robot.lookup("#searchField")
                .queryAs(javafx.scene.control.TextField.class));
        Node provider = FxState.read(() -> robot.lookup("#providerFilter").query());
        Node partner = FxState.read(() -> robot.lookup("#partnerFilter").query());
        robot.interact(() -> search.setText("kim"));
        FxState.check(() -> {
            assertEquals(ENGLISH.getString("search.name"), search.getAccessibleHelp());
            assertEquals("kim", search.queryAccessibleAttribute(AccessibleAttribute.TEXT), "the typed text, as typed");
            assertEquals("Provider filter: All providers", provider.queryAccessibleAttribute(AccessibleAttribute.TEXT));
            assertEquals("Partner filter: All partners", partner.queryAccessibleAttribute(AccessibleAttribute.TEXT));
        });
        robot.interact(() -> {
            search.clear();
            window.i18n().setLocale(I18n.KOREAN);
        });
        FxState.check(() -> {
            assertEquals(KOREAN.getString("search.name"), search.getAccessibleHelp());
            assertEquals(KOREAN.getString("filter.provider.name") + ": " + KOREAN.getString("filter.provider.all"),
                    provider.queryAccessibleAttribute(AccessibleAttribute.TEXT));
            assertEquals(KOREAN.getString("filter.partner.name"), partner.getAccessibleHelp());
        });
    }

    /**
     * The toolbar's menu buttons say their names to a screen reader, in the window's language: JavaFX's menu button
     * skin gave none, so Tab reached two unnamed menu buttons.
     */
    @Test
    void theToolbarsMenuButtonsHaveNames(FxRobot robot) throws Exception {
        awaitRows(robot);
        Node settings = FxState.read(() -> robot.lookup("#settingsMenu").query());
        Node bulk = FxState.read(() -> robot.lookup("#bulkMenu").query());
        FxState.check(() -> {
            assertEquals(Mnemonics.plain(ENGLISH.getString("settings.menu")), settings.queryAccessibleAttribute(AccessibleAttribute.TEXT));
            assertEquals(Mnemonics.plain(ENGLISH.getString("bulk.menu")), bulk.queryAccessibleAttribute(AccessibleAttribute.TEXT));
        });
        robot.interact(() -> window.i18n().setLocale(I18n.KOREAN));
        FxState.check(() -> {
            assertEquals(Mnemonics.plain(KOREAN.getString("settings.menu")), settings.queryAccessibleAttribute(AccessibleAttribute.TEXT));
            assertEquals(Mnemonics.plain(KOREAN.getString("bulk.menu")), bulk.queryAccessibleAttribute(AccessibleAttribute.TEXT));
        });
    }

    /**
     * Enter in an action's reason runs the action, as Enter does in any dialog: it typed a line break instead (which
     * the one-line reason may not hold) and the dialog stayed open, so a keyboard user had to find Run with Tab.
     * With Run grey (no reason yet) Enter does nothing, and types nothing either.
     */
    @Test
    void enterInTheReasonRunsTheAction(FxRobot robot) throws Exception {
        TableView<SessionRow> table = openManualCompleteByKey(robot, false);
        String id = FxState.read(() -> table.getSelectionModel().getSelectedItem().id());
        TextArea reason = FxState.read(() -> robot.lookup("#actionReason").queryAs(TextArea.class));
        Button run = FxState.read(() -> robot.lookup("#actionRun").queryButton());
        robot.targetWindow(FxState.read(() -> reason.getScene().getWindow()));
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        FxState.check(() -> {
            assertEquals("", reason.getText(), "no line break typed");
            assertTrue(run.isDisabled() && reason.getScene().getWindow().isShowing(), "nothing run without a reason");
        });
        String before = REDIS.client().get("tilko_session:" + id);
        robot.write("user approved on the phone");
        FxState.await("the reason accepted and the preview allowing the run", () -> !run.isDisabled());
        robot.type(KeyCode.ENTER);
        FxState.await("the dialog closed", () -> robot.lookup("#actionDialog").tryQuery().isEmpty());
        // The session may already say auth_completed (the action is allowed there), so its status proves nothing:
        // the action's own audit entry, with the typed reason, and a new document do.
        FxState.await("the action run and audited", () -> REDIS.client()
                .xrevrange(RedisAuditLog.DEFAULT_KEY, "+", "-", 50).stream().map(e -> e.getFields())
                .anyMatch(f -> id.equals(f.get("session")) && ActionKind.MANUAL_COMPLETE.wire().equals(f.get("action"))
                        && "user approved on the phone".equals(f.get("reason"))
                        && ActionResult.Outcome.APPLIED.name().equals(f.get("result"))));
        assertFalse(before.equals(REDIS.client().get("tilko_session:" + id)), "the stored document was written");
        FxState.await("the table has the keyboard again", table::isFocused);
    }

    /**
     * A developer's override without a mouse: Tab from the reason reaches the override box, Space ticks it and Run
     * comes on (the guard is overridden, the preview allows the run) saying that it runs anyway, Space again and Run
     * goes off, plain Run again.
     */
    @Test
    void theOverrideIsTickedWithSpaceAndRunFollows(FxRobot robot) throws Exception {
        TableView<SessionRow> table = openManualCompleteByKey(robot, true);
        TextArea reason = FxState.read(() -> robot.lookup("#actionReason").queryAs(TextArea.class));
        robot.targetWindow(FxState.read(() -> reason.getScene().getWindow()));
        robot.write("guard checked by hand");
        javafx.scene.control.CheckBox override = FxState.read(() -> robot.lookup("#actionOverride")
                .queryAs(javafx.scene.control.CheckBox.class));
        Button run = FxState.read(() -> robot.lookup("#actionRun").queryButton());
        String runText = FxState.read(run::getText);
        FxState.await("the preview refuses without the override", () -> robot.lookup("#actionRefusal")
                .queryAs(Label.class).isVisible());
        assertTrue(FxState.read(run::isDisabled), "Run is off while the guard refuses");
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(FxState.read(override::isFocused), "Tab from the reason reaches the override");
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(FxState.read(override::isSelected), "Space ticks it");
        FxState.await("Run comes on with the override", () -> !run.isDisabled());
        assertEquals(ENGLISH.getString("action.run.override"), FxState.read(run::getText),
                "Run says it runs past the guard");
        FxState.await("the longer words laid out whole", () -> run.getWidth() >= run.prefWidth(-1));
        robot.type(KeyCode.SPACE);
        FxState.await("and goes off without it", run::isDisabled);
        assertEquals(runText, FxState.read(run::getText), "and says plain Run again");
        robot.type(KeyCode.ESCAPE);
        FxState.await("the dialog closed", () -> robot.lookup("#actionDialog").tryQuery().isEmpty());
    }
}
