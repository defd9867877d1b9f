package io.welno.console.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.session.StuckPolicy;
import io.welno.console.session.Timestamps;
import io.welno.console.testing.FxState;
import io.welno.console.ui.shell.ConsoleWindow;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Korean renders whatever fonts the system has: the window's family has Hangul glyphs (on a machine without a
 * Hangul font, such as the build machine, that is the bundled Pretendard), an installed Hangul family wins over the
 * bundled one, and the bundled font travels with its licence.
 */
@ExtendWith(ApplicationExtension.class)
class HangulFontTest {

    /** Unassigned code points: every font draws them as its missing-glyph box. */
    private static final String BOXES = "\u0378\u0378 \u0378\u0378 \u0378\u0378";
    private static final String KOREAN = "세션 상태 완료";

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private ConsoleWindow window;

    @Start
    void start(Stage stage) {
        window = new ConsoleWindow(stage, new I18n(I18n.KOREAN), Clock.systemUTC(), Timestamps.DEFAULT_ZONE,
                background, StuckPolicy.defaults(), Themes.LIGHT);
        window.show();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> window.view().stop());
        background.shutdownNow();
    }

    private static double width(String text, Font font) {
        Text node = new Text(text);
        node.setFont(font);
        return node.getLayoutBounds().getWidth();
    }

    /** Hangul drawn as boxes measures exactly like the same number of missing glyphs. */
    private static boolean hasHangul(Font font) {
        return Math.abs(width(KOREAN, font) - width(BOXES, font)) > 0.5;
    }

    @Test
    void theWindowsKoreanLabelsUseAFamilyWithHangulGlyphs(FxRobot robot) {
        robot.interact(() -> {
            Optional<String> family = HangulFont.family();
            assertTrue(family.isPresent(), "a Hangul family, installed or bundled");
            boolean systemHasOne = HangulFont.CANDIDATES.stream().anyMatch(Font.getFamilies()::contains);
            if (!systemHasOne) {
                assertEquals(HangulFont.BUNDLED_FAMILY, family.get());
                assertFalse(hasHangul(Font.font("System", 13)), "the premise: the system font draws boxes here");
            }
            Label korean = robot.lookup(".label").queryAllAs(Label.class).stream()
                    .filter(l -> l.getText() != null && l.getText().codePoints()
                            .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL))
                    .findFirst().orElseThrow(() -> new AssertionError("no Korean label in the Korean window"));
            assertEquals(family.get(), korean.getFont().getFamily(), korean.getText());
            assertTrue(hasHangul(korean.getFont()), "Hangul glyphs in " + korean.getFont());
            assertTrue(hasHangul(Font.font(family.get(), FontWeight.BOLD, 13)), "and in bold");
        });
    }

    @Test
    void menusAndTooltipsInPopupsUseItToo(FxRobot robot) {
        robot.clickOn("#settingsMenu");
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            List<Label> items = new java.util.ArrayList<>();
            for (javafx.stage.Window popup : javafx.stage.Window.getWindows()) {
                if (popup instanceof javafx.stage.PopupWindow && popup.isShowing()) {
                    popup.getScene().getRoot().lookupAll(".label").forEach(n -> items.add((Label) n));
                }
            }
            assertFalse(items.isEmpty(), "the settings menu is open");
            String family = HangulFont.family().orElseThrow();
            for (Label item : items) {
                assertEquals(family, item.getFont().getFamily(), item.getText());
            }
            ((javafx.scene.control.MenuButton) robot.lookup("#settingsMenu").query()).hide();
        });
    }

    @Test
    void dialogsInWindowsOfTheirOwnUseItToo(FxRobot robot) throws Exception {
        robot.push(javafx.scene.input.KeyCode.F1);
        FxState.await("the shortcut sheet", () -> robot.lookup("#shortcutSheet").tryQuery().isPresent());
        robot.interact(() -> {
            String family = HangulFont.family().orElseThrow();
            List<Label> korean = robot.lookup("#shortcutSheet").lookup(".label").queryAllAs(Label.class).stream()
                    .filter(l -> l.getText() != null && l.getText().codePoints()
                            .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL))
                    .toList();
            assertFalse(korean.isEmpty(), "the shortcut sheet is in Korean");
            for (Label label : korean) {
                assertEquals(family, label.getFont().getFamily(), label.getText());
            }
            window.view().shortcutSheet().close();
        });
    }

    @Test
    void rawJsonAndDiffsRenderHangulToo(FxRobot robot) {
        robot.interact(() -> {
            TextArea raw = new TextArea("{\"message\": \"인증이 완료되었습니다\"}");
            raw.setStyle(HangulFont.monoStyle());
            window.view().setRight(raw);
            raw.applyCss();
            assertTrue(hasHangul(raw.getFont()), "raw JSON font " + raw.getFont());
            window.view().setRight(null);
        });
    }

    /**
     * The id column and the detail pane's title are monospaced, a face that has no Hangul on a desktop without a
     * Korean font: an empty id's "(ID 없음)" (or a Korean id) gets the Hangul family there, an ASCII id keeps the
     * monospaced face.
     */
    @Test
    void anIdInHangulIsNotDrawnInBoxesInTheTableOrTheDetailTitle(FxRobot robot) throws Exception {
        java.time.LocalDateTime created = java.time.LocalDateTime.now(Timestamps.DEFAULT_ZONE);
        var empty = io.welno.console.testing.TestRows.session("", "auth_pending", created).row();
        var ascii = io.welno.console.testing.TestRows.session("welno_abc", "auth_pending", created).row();
        robot.interact(() -> window.view().model().apply(List.of(
                new io.welno.console.ui.table.SessionTableModel.RowChange(io.welno.console.live.ChangeKind.UPDATED,
                        "", empty),
                new io.welno.console.ui.table.SessionTableModel.RowChange(io.welno.console.live.ChangeKind.UPDATED,
                        "welno_abc", ascii))));
        FxState.await("both rows drawn", () -> idCells(robot).size() == 2);
        robot.interact(() -> window.view().selectSession(""));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            var cells = idCells(robot);
            javafx.scene.control.TableCell<?, ?> none = cells.stream().filter(c -> "(ID 없음)".equals(c.getText()))
                    .findFirst().orElseThrow(() -> new AssertionError("no empty-id cell: " + cells));
            assertTrue(hasHangul(none.getFont()), "the empty id's cell draws Hangul: " + none.getFont());
            javafx.scene.control.TableCell<?, ?> plain = cells.stream().filter(c -> c != none).findFirst()
                    .orElseThrow();
            assertEquals("", plain.getStyle(), "an ASCII id keeps the monospaced face");
            Label title = (Label) robot.lookup("#detailTitle").query();
            assertEquals("(ID 없음)", title.getText());
            assertTrue(hasHangul(title.getFont()), "the detail title draws Hangul: " + title.getFont());
        });
    }

    private static List<javafx.scene.control.TableCell<?, ?>> idCells(FxRobot robot) {
        return robot.lookup("#sessionTable .table-row-cell .cell-mono").queryAll().stream()
                .<javafx.scene.control.TableCell<?, ?>>map(n -> (javafx.scene.control.TableCell<?, ?>) n)
                .filter(c -> !c.isEmpty() && c.getText() != null).toList();
    }

    @Test
    void anInstalledHangulFamilyWinsOverTheBundledOne() {
        AtomicBoolean loaded = new AtomicBoolean();
        assertEquals(Optional.of("Noto Sans CJK KR"), HangulFont.choose(List.of("DejaVu Sans", "Noto Sans CJK KR"),
                () -> loaded.getAndSet(true)));
        assertFalse(loaded.get(), "the bundled font is not even loaded");
        assertEquals(Optional.of(HangulFont.BUNDLED_FAMILY), HangulFont.choose(List.of("DejaVu Sans"), () -> true));
        assertEquals(Optional.empty(), HangulFont.choose(List.of("DejaVu Sans"), () -> false));
        // an old KS X 1001 family lacks the window's dashes and marks: the bundled one is loaded instead
        assertEquals(Optional.of(HangulFont.BUNDLED_FAMILY), HangulFont.choose(List.of("UnDotum", "Baekmuk Gulim"),
                () -> true));
    }

    @Test
    void theBundledFontsTravelWithTheirLicence() throws IOException {
        for (String file : HangulFont.BUNDLED_FILES) {
            try (InputStream in = HangulFont.class.getResourceAsStream(file)) {
                assertNotNull(in, file);
            }
        }
        try (InputStream in = HangulFont.class.getResourceAsStream("fonts/Pretendard-LICENSE.txt")) {
            assertNotNull(in, "the OFL licence beside the fonts");
            String licence = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(licence.contains("SIL OPEN FONT LICENSE Version 1.1"), "the SIL OFL 1.1");
            assertNotEquals(-1, licence.indexOf("Pretendard"));
        }
    }
}
