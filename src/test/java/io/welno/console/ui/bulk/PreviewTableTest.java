package io.welno.console.ui.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.welno.console.testing.FxState;
import io.welno.console.text.Phrase;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.common.Themes;
import io.welno.console.view.BulkPreview;
import io.welno.console.testing.MutableClock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TableCell;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The bulk preview's lines change in place while the dialog is open: a refused line (drawn in the warning colours)
 * that turns allowed is drawn as the lines that were allowed all along, in the dark theme too, where a text fill left
 * at JavaFX's default black cannot be read; and a line the clock alone changes (a session past its expiry, with no
 * write to hear of) is previewed again once its moment has passed.
 */
@ExtendWith(ApplicationExtension.class)
class PreviewTableTest {

    private final Set<String> allowed = ConcurrentHashMap.newKeySet();
    private Stage stage;
    private Dialog<Void> dialog;
    private PreviewTable table;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Scene scene = new Scene(new StackPane(), 500, 300);
        Themes.DARK.applyTo(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> dialog.close());
    }

    private static BulkPreview.Line line(String id, boolean allowed) {
        return new BulkPreview.Line(id, allowed, null, null, Phrase.of("text.verbatim", allowed ? "fine" : "no"));
    }

    /** Each session's id cell's text fill, as drawn. */
    private Map<String, Paint> fills() throws Exception {
        return FxState.read(() -> table.node().lookupAll(".table-cell").stream().map(n -> (TableCell<?, ?>) n)
                .filter(c -> c.getText() != null && c.getText().startsWith("welno_"))
                .collect(Collectors.toMap(TableCell::getText, TableCell::getTextFill)));
    }

    /**
     * Session a expires five minutes in (its line says so: judged until then), b an hour in. The clock moves past a's
     * expiry with no write: a's line turns refused and Run's count drops, without waiting for a change of the
     * session; b is not previewed again.
     */
    @Test
    void aLineWhoseJudgedMomentPassesIsPreviewedAgainWithNoWrite(FxRobot robot) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-20T05:00:00Z"), ZoneOffset.UTC);
        Supplier<LocalDateTime> now = () -> LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDateTime start = now.get();
        Map<String, LocalDateTime> expiries = Map.of("welno_a", start.plusMinutes(5), "welno_b", start.plusHours(1));
        Map<String, Integer> previewed = new ConcurrentHashMap<>();
        AtomicReference<Integer> willChange = new AtomicReference<>();
        robot.interact(() -> {
            table = new PreviewTable(new I18n(Locale.ENGLISH), Runnable::run, ids -> ids.stream().map(id -> {
                previewed.merge(id, 1, Integer::sum);
                LocalDateTime expiry = expiries.get(id);
                boolean live = !now.get().isAfter(expiry); // expired strictly after expires_at, as the backend reads
                return new BulkPreview.Line(id, live, null, null, Phrase.of("text.verbatim", live ? "fine" : "expired"),
                        live ? expiry : null);
            }).toList(), now, shown -> willChange.set(shown.allowed()));
            dialog = new Dialog<>();
            dialog.initOwner(stage);
            dialog.getDialogPane().setContent(table.node());
            dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
            dialog.show();
            table.load(List.of("welno_a", "welno_b"));
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Integer.valueOf(2).equals(willChange.get()));

        clock.set(expiries.get("welno_a").toInstant(ZoneOffset.UTC)); // at the moment itself: still read
        WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS); // a tick or more: nothing is due yet
        assertEquals(2, willChange.get());
        clock.advance(java.time.Duration.ofMillis(1));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Integer.valueOf(1).equals(willChange.get()));
        assertEquals(false, FxState.read(() -> table.node().getItems().get(0).allowed()));
        assertEquals(Map.of("welno_a", 2, "welno_b", 1), previewed);
    }

    /**
     * The id column showed the short id of the escaped id: an escape near the eighth character was cut in two
     * ("welno_abc" and U+202E showed as "welno_abc\\u202", another escape than the id holds, "welno_abcdefg " as
     * "welno_abcdefg\\"). The short id is cut from the id, then escaped, as the session table does; the tooltip has
     * the whole id, escaped.
     */
    @Test
    void theShortIdIsCutBeforeItIsEscaped(FxRobot robot) throws Exception {
        robot.interact(() -> {
            table = new PreviewTable(new I18n(Locale.ENGLISH), Runnable::run,
                    ids -> ids.stream().map(id -> line(id, true)).toList(), LocalDateTime::now, shown -> { });
            dialog = new Dialog<>();
            dialog.initOwner(stage);
            dialog.getDialogPane().setContent(table.node());
            dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
            dialog.show();
            table.load(List.of("welno_abc\u202e", "welno_abcdefg "));
        });
        FxState.await("both lines drawn", () -> idCells().size() == 2);
        Map<String, String> shown = FxState.read(() -> idCells().stream().collect(Collectors.toMap(
                TableCell::getText, c -> c.getTooltip().getText())));
        assertEquals(Map.of("welno_abc\\u202e", "welno_abc\\u202e", "welno_abcdefg\\u0020", "welno_abcdefg\\u0020"),
                shown);
    }

    /** The id column's cells that show a line (FX thread). */
    private List<TableCell<?, ?>> idCells() {
        return table.node().lookupAll(".table-cell").stream().map(n -> (TableCell<?, ?>) n)
                .filter(c -> c.getTableColumn() == table.node().getColumns().get(0) && c.getText() != null)
                .collect(Collectors.toList());
    }

    @Test
    void aRefusedLineThatTurnsAllowedIsDrawnAsTheAllowedOnes(FxRobot robot) throws Exception {
        allowed.add("welno_a");
        robot.interact(() -> {
            table = new PreviewTable(new I18n(Locale.ENGLISH), Runnable::run,
                    ids -> ids.stream().map(id -> line(id, allowed.contains(id))).toList(), LocalDateTime::now,
                    shown -> { });
            dialog = new Dialog<>(); // as the bulk dialog: its own window, the owner's stylesheets
            dialog.initOwner(stage);
            dialog.getDialogPane().getStylesheets().addAll(stage.getScene().getStylesheets());
            dialog.getDialogPane().setContent(table.node());
            dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
            dialog.show();
            table.load(List.of("welno_a", "welno_b", "welno_c", "welno_d"));
        });
        WaitForAsyncUtils.waitForFxEvents();
        Paint allowedFill = fills().get("welno_a");
        assertNotEquals(allowedFill, fills().get("welno_b"), "a refused line has the warning colours");

        for (String turnsAllowed : List.of("welno_b", "welno_c")) { // one frame after another
            allowed.add(turnsAllowed);
            robot.interact(() -> table.sessionsChanged(List.of(turnsAllowed)));
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals(allowedFill, fills().get("welno_b"));
        assertEquals(allowedFill, fills().get("welno_c"));
        assertNotEquals(allowedFill, fills().get("welno_d"));
    }
}
