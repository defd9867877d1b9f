package io.welno.console.ui.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.live.ChangeKind;
import io.welno.console.session.SessionStatus;
import io.welno.console.session.StuckPolicy;
import io.welno.console.session.Timestamps;
import io.welno.console.testing.FxState;
import io.welno.console.testing.OwnStage;
import io.welno.console.testing.TestRows;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.common.Themes;
import io.welno.console.view.Bucket;
import io.welno.console.view.SessionRow;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Where the sessions table stands when its list changes under it: a new bucket or sort order opens at its top, and a
 * view at the top stays there while live rows arrive, also when it sits a few pixels below it.
 */
@ExtendWith(ApplicationExtension.class)
class BucketSwitchScrollTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2026, 11, 25, 14, 0);
    private static final String[] STATUSES = {"initiated", "auth_request_sent", "auth_completed", "completed", "error"};

    private final Clock clock = Clock.fixed(T0.plusMinutes(30).atZone(Timestamps.DEFAULT_ZONE).toInstant(),
            ZoneOffset.UTC);
    private SessionTableModel model;
    private SessionTable table;
    private Label beside;
    private Stage stage;
    private int updates;

    @Start
    void start(Stage primary) {
        model = new SessionTableModel(StuckPolicy.defaults(), clock, Timestamps.DEFAULT_ZONE);
        table = new SessionTable(model, new I18n(Locale.ENGLISH), clock, Timestamps.DEFAULT_ZONE);
        // The pointer rests here, off the table: a table under the pointer keeps its rows still on purpose.
        beside = new Label("elsewhere");
        beside.setMinWidth(120);
        HBox.setHgrow(table, Priority.ALWAYS);
        stage = OwnStage.show(new HBox(beside, table), 1000, 500);
        Themes.LIGHT.applyTo(stage.getScene());
    }

    @BeforeEach
    void rows(FxRobot robot) throws Exception {
        robot.moveTo(beside);
        FxState.read(() -> {
            List<SessionTableModel.RowChange> batch = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                SessionRow row = TestRows.session("welno_" + i, STATUSES[i % STATUSES.length], T0.plusSeconds(i)).row();
                batch.add(new SessionTableModel.RowChange(ChangeKind.ADDED, row.id(), row));
            }
            model.apply(batch);
            return null;
        });
        settle();
    }

    @AfterEach
    void close() throws Exception {
        FxState.read(() -> {
            stage.close();
            return null;
        });
    }

    private static void settle() throws Exception {
        for (int i = 0; i < 3; i++) {
            FxState.read(() -> null); // a pulse lays the table out between two of these
            Thread.sleep(50);
        }
    }

    private VirtualFlow<?> flow() {
        return (VirtualFlow<?>) table.lookup(".virtual-flow");
    }

    /** The index of the first row on screen and how far its top is above the viewport's (0: exactly at the top). */
    private double[] top() throws Exception {
        return FxState.read(() -> {
            IndexedCell<?> first = flow().getFirstVisibleCell();
            return new double[] {first.getIndex(), -first.getLayoutY()};
        });
    }

    private void scrollBy(double pixels) throws Exception {
        FxState.read(() -> flow().scrollPixels(pixels));
        settle();
    }

    /** Sorts by the Expires-in column alone, as a click on its header does. FX thread. */
    private void sortByExpiry(TableColumn.SortType direction) {
        TableColumn<SessionRow, ?> expires = table.getColumns().stream()
                .filter(c -> "column.expires".equals(c.getId())).findFirst().orElseThrow();
        expires.setSortType(direction);
        table.getSortOrder().setAll(List.of(expires));
    }

    /** What the window does for each feed batch: a session written again moves to the top of the list. */
    private void liveUpdates(int count, String status) throws Exception {
        for (int k = 0; k < count; k++) {
            int n = updates++;
            FxState.read(() -> {
                SessionRow row = TestRows.session("welno_" + (n * 5 + 4), status, T0.plusSeconds(1000 + n)).row();
                return table.keepingViewport(() -> {
                    model.apply(List.of(new SessionTableModel.RowChange(ChangeKind.UPDATED, row.id(), row)));
                    return true;
                });
            });
            settle();
        }
    }

    @Test
    void aNewBucketOpensAtItsTopAndStaysThereWhileRowsArrive() throws Exception {
        scrollBy(3_000); // well down the 600 sessions of All
        assertTrue(top()[0] > 50, "scrolled down first");

        FxState.read(() -> {
            model.bucketProperty().set(Bucket.of(SessionStatus.ERROR));
            return null;
        });
        settle();
        assertEquals(0, top()[0], "the newest error first");
        assertEquals(0, top()[1], 0.5);

        liveUpdates(8, "error");
        assertEquals(0, top()[0], "new rows push the others down, the view stays at the top");
    }

    @Test
    void anotherSortOrderIsAnotherListShownFromItsTop() throws Exception {
        scrollBy(3_000);
        assertTrue(top()[0] > 50, "scrolled down first");
        String firstShown = FxState.read(() -> ((SessionRow) flow().getFirstVisibleCell().getItem()).id());

        FxState.read(() -> {
            sortByExpiry(TableColumn.SortType.ASCENDING);
            return null;
        });
        settle();
        assertEquals(0, top()[0], "the soonest expiry first, not the rows that happened to be on screen ("
                + firstShown + ") wherever the new order put them");
        assertEquals("welno_0", FxState.read(() -> ((SessionRow) flow().getFirstVisibleCell().getItem()).id()));
    }

    /**
     * A feed batch can be applied in the same frame as the click that sorted, before the table has laid itself out
     * again: keeping the rows then on screen where they are must not undo the new list's opening at its top.
     */
    @Test
    void aBatchInTheSameFrameAsTheSortLeavesTheNewListAtItsTop() throws Exception {
        scrollBy(3_000);
        assertTrue(top()[0] > 50, "scrolled down first");
        FxState.read(() -> {
            sortByExpiry(TableColumn.SortType.DESCENDING);
            SessionRow row = TestRows.session("welno_3", "error", T0.plusSeconds(3)).row();
            return table.keepingViewport(() -> {
                model.apply(List.of(new SessionTableModel.RowChange(ChangeKind.UPDATED, row.id(), row)));
                return true;
            });
        });
        settle();
        assertEquals(0, top()[0], "the latest expiry first");
    }

    @Test
    void aViewAFewPixelsBelowTheTopIsAtTheTop() throws Exception {
        scrollBy(5);
        assertEquals(0, top()[0]);
        assertTrue(top()[1] > 0, "the first row is cut by a few pixels");

        liveUpdates(8, "error");
        assertEquals(0, top()[0], "not walked down a row by each new one");
    }

    @Test
    void aViewScrolledDownKeepsItsRowsWhileNewOnesArriveAbove() throws Exception {
        scrollBy(26 * 40);
        double[] before = top();
        assertTrue(before[0] > 20, "scrolled down");
        String shown = FxState.read(() -> ((SessionRow) flow().getFirstVisibleCell().getItem()).id());

        liveUpdates(3, "error");
        assertEquals(before[0] + 3, top()[0], "three rows arrived above it");
        assertEquals(shown, FxState.read(() -> ((SessionRow) flow().getFirstVisibleCell().getItem()).id()));
    }

    /** The session at the top of the screen is written again and leaves for the top of the list: the view stays. */
    @Test
    void aViewScrolledDownStaysWhenItsFirstRowIsTheOneThatMoves() throws Exception {
        scrollBy(26 * 40);
        double[] before = top();
        assertTrue(before[0] > 20, "scrolled down");
        String[] shown = FxState.read(() -> new String[] {
            ((SessionRow) flow().getFirstVisibleCell().getItem()).id(),
            ((SessionRow) flow().getVisibleCell(flow().getFirstVisibleCell().getIndex() + 1).getItem()).id()});

        FxState.read(() -> {
            SessionRow moved = TestRows.session(shown[0], "error", T0.plusSeconds(5_000)).row();
            return table.keepingViewport(() -> {
                model.apply(List.of(new SessionTableModel.RowChange(ChangeKind.UPDATED, moved.id(), moved)));
                return true;
            });
        });
        settle();
        assertEquals(before[0], top()[0], "not taken to the top of the list with it");
        assertEquals(before[1], top()[1], 0.5);
        assertEquals(shown[1], FxState.read(() -> ((SessionRow) flow().getVisibleCell((int) before[0] + 1).getItem())
                .id()), "the sessions below it stay where they were (the one above it slides into its place)");
    }

    @Test
    void aSelectedSessionStillListedIsShownAfterANewFilter() throws Exception {
        FxState.read(() -> {
            model.bucketProperty().set(Bucket.of(SessionStatus.ERROR));
            table.getSelectionModel().clearAndSelect(80); // far below the 120 errors' top
            table.scrollTo(0);
            return null;
        });
        settle();
        SessionRow chosen = FxState.read(() -> table.getSelectionModel().getSelectedItem());
        assertTrue(FxState.read(() -> flow().getLastVisibleCell().getIndex()) < 80, "off screen");

        FxState.read(() -> {
            model.searchProperty().set("welno_"); // every session still matches
            return null;
        });
        settle();
        FxState.check(() -> {
            assertEquals(chosen, table.getSelectionModel().getSelectedItem());
            int at = table.getSelectionModel().getSelectedIndex();
            assertTrue(at >= flow().getFirstVisibleCell().getIndex() && at <= flow().getLastVisibleCell().getIndex(),
                    "the selected session is on screen");
        });
    }
}
