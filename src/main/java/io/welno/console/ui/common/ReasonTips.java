package io.welno.console.ui.common;

import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * Tooltips that say why a control is grey. A disabled control receives no mouse events, so a tooltip set on it
 * never shows; the tooltip goes on a pane around it instead, which gets the hover the control ignores. It wraps,
 * and is kept inside the window.
 */
public final class ReasonTips {

    /** Wide enough for two lines of a reason with its fix, narrow enough for the detail pane's side of the window. */
    public static final double WIDTH = 420;

    private ReasonTips() {
    }

    /** A tooltip for reasons: wrapped, quick to appear, and up long enough to read a sentence with its fix. */
    public static Tooltip tooltip() {
        Tooltip tip = new Tooltip();
        tip.setWrapText(true);
        tip.setMaxWidth(WIDTH);
        tip.setShowDelay(Duration.millis(300));
        tip.setShowDuration(Duration.seconds(30));
        // Shown at the pointer, a tooltip near the right edge would run out of the window: moved back inside.
        tip.setOnShown(e -> {
            Window owner = tip.getOwnerWindow();
            if (owner != null && tip.getX() + tip.getWidth() > owner.getX() + owner.getWidth()) {
                tip.setX(Math.max(owner.getX(), owner.getX() + owner.getWidth() - tip.getWidth() - 4));
            }
        });
        return tip;
    }

    /** {@code control} in a pane that shows {@code tip} whether or not the control is disabled. */
    public static StackPane holder(Control control, Tooltip tip) {
        StackPane holder = new StackPane(control);
        holder.setId(control.getId() == null ? null : control.getId() + "-holder");
        holder.getStyleClass().add("reason-holder");
        holder.setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        Tooltip.install(holder, tip);
        holder.getProperties().put(Tooltip.class, tip);
        return holder;
    }

    /** The tooltip {@link #holder} installed, or null; for tests and for menus that repeat the reason. */
    public static Tooltip of(javafx.scene.Node holder) {
        return (Tooltip) holder.getProperties().get(Tooltip.class);
    }

    /** A wrapped line of text across the whole width of {@code parent}, hidden while it has nothing to say. */
    public static void note(Label note, Region parent) {
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.prefWidthProperty().bind(parent.widthProperty().subtract(8));
        note.managedProperty().bind(note.visibleProperty());
        note.setVisible(false);
        if (parent instanceof javafx.scene.layout.Pane pane) {
            pane.getChildren().add(note);
        }
    }

    public static void show(Label note, String text) {
        note.setText(text);
        note.setVisible(!text.isEmpty());
    }
}
