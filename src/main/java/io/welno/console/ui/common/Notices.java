package io.welno.console.ui.common;

import io.welno.console.text.SafeText;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.SVGPath;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The window's notifications, stacked in a corner of its content (a layer above it, never a separate popup):
 * a notice is never wider than the window, its words wrap, and it says what happened in one plain sentence
 * with the technical account behind a "Details" link. A notice stays while the pointer is on it or its details
 * are open; otherwise it goes after a few seconds (a warning stays longer), unless it was shown to stay until closed.
 * Its words, the headline and the details included, follow a language switch while it is up.
 */
public final class Notices extends VBox {

    /** Widest a notice gets in a wide window; a narrower window gets narrower notices. */
    static final double MAX_WIDTH = 460;
    /** Older notices give way beyond this many. */
    static final int MAX_SHOWN = 4;
    /** Details longer than this open in full in their own window rather than in the notice. */
    static final int DETAIL_CHARS = 600;

    /**
     * What a notice tells, which its title says: an outcome that is over and good ("Done"), news that is neither
     * (something started, a followed session moved on), or something to look at.
     */
    public enum Kind {
        DONE("notify.done", "", "notice-info"), // its icon is drawn (see show)
        NEWS("notify.news", "i", "notice-news"),
        WARNING("notify.warning", "!", "notice-warning");

        private final String title;
        private final String icon;
        private final String style;

        Kind(String title, String icon, String style) {
            this.title = title;
            this.icon = icon;
            this.style = style;
        }

        static Kind of(boolean warning) {
            return warning ? WARNING : DONE;
        }
    }

    private final I18n i18n;

    public Notices(I18n i18n) {
        super(8);
        this.i18n = i18n;
        setId("notices");
        getStyleClass().add("notices");
        setAlignment(Pos.BOTTOM_RIGHT);
        setFillWidth(true);
        setPadding(new Insets(10));
        setPickOnBounds(false); // the table below stays clickable around the notices
        setMinSize(0, 0);
        setMaxWidth(MAX_WIDTH);
        setMaxHeight(Region.USE_PREF_SIZE);
    }

    /**
     * A notice whose headline says all there is. The words are made again after a language switch while the notice
     * is up, as every text of the window (see {@link I18n#words}): a headline is a sentence of the window's, not a
     * string fixed when it was shown.
     */
    public void show(Supplier<String> headline, boolean warning) {
        show(headline, null, Kind.of(warning));
    }

    /** A notice whose headline says all there is, of this kind. */
    public void show(Supplier<String> headline, Kind kind) {
        show(headline, null, kind);
    }

    /**
     * @param headline what happened, in a support person's words
     * @param detail   the full account (a flow's sentence, a Redis or Tilko error), behind "Details"; may be null
     */
    public void show(Supplier<String> headline, Supplier<String> detail, boolean warning) {
        show(headline, detail, Kind.of(warning), false);
    }

    /**
     * {@link #show(Supplier, Supplier, boolean)} for a notice of this kind.
     *
     * @return takes the notice away (if it is still up): for a notice that news arriving later makes untrue
     */
    public Runnable show(Supplier<String> headline, Supplier<String> detail, Kind kind) {
        return show(headline, detail, kind, false);
    }

    /**
     * A notice that stays until it is closed (or gives way to newer ones): news that arrives long after the operator
     * asked for it, such as a bulk run's summary once its holds have ended, when nobody may be looking just then.
     */
    public void showUntilClosed(Supplier<String> headline, Supplier<String> detail, boolean warning) {
        show(headline, detail, Kind.of(warning), true);
    }

    private Runnable show(Supplier<String> headline, Supplier<String> detail, Kind kind, boolean untilClosed) {
        boolean warning = kind == Kind.WARNING;
        VBox notice = new VBox(4);
        notice.getStyleClass().addAll("notice", kind.style);
        notice.setMinWidth(0);

        Label icon = new Label(kind.icon);
        icon.getStyleClass().add("notice-icon");
        if (kind == Kind.DONE) {
            // drawn, not a glyph: U+2713 is outside KS X 1001, so Korean fonts chosen on Linux (which does not fall
            // back) may lack it, and the notice would lead with a box
            SVGPath check = new SVGPath();
            check.setContent("M1 6.5 L4.5 10 L11 2.5");
            check.getStyleClass().add("notice-check");
            icon.setText(null);
            icon.setGraphic(check);
        }
        icon.setMinWidth(Region.USE_PREF_SIZE);
        Label title = new Label();
        title.textProperty().bind(i18n.text(kind.title));
        title.getStyleClass().add("notice-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button close = new Button("×");
        close.getStyleClass().add("notice-close");
        Tooltip closeTip = new Tooltip();
        closeTip.textProperty().bind(i18n.text("notice.close"));
        close.setTooltip(closeTip);
        // a screen reader would read "×" as a sign, not an action
        close.accessibleTextProperty().bind(i18n.text("notice.close"));
        close.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(6, icon, title, spacer, close);
        top.setAlignment(Pos.CENTER_LEFT);

        Label text = wrapped(i18n.words(() -> SafeText.bounded(headline.get(), SafeText.TEXT)), "notice-text");
        notice.getChildren().addAll(top, text);

        PauseTransition timer = new PauseTransition(Duration.seconds(warning ? 15 : 6));
        timer.setOnFinished(e -> getChildren().remove(notice));
        Runnable withdraw = () -> {
            timer.stop();
            getChildren().remove(notice);
        };
        close.setOnAction(e -> withdraw.run());
        BooleanProperty detailsOpen = new SimpleBooleanProperty();
        String detailNow = detail == null ? null : detail.get();
        if (detailNow != null && !detailNow.isBlank() && !detailNow.equals(headline.get())) {
            Label more = wrapped(i18n.words(() -> SafeText.bounded(detail.get(), DETAIL_CHARS)), "notice-detail");
            more.visibleProperty().bind(detailsOpen);
            more.managedProperty().bind(detailsOpen);
            Hyperlink toggle = new Hyperlink();
            toggle.textProperty().bind(Bindings.when(detailsOpen).then(i18n.text("notice.details.hide"))
                    .otherwise(i18n.text("notice.details")));
            toggle.getStyleClass().add("notice-details-link");
            toggle.setOnAction(e -> {
                detailsOpen.set(!detailsOpen.get());
                if (detailsOpen.get()) {
                    timer.stop(); // opened to be read: it stays until closed
                } else if (!untilClosed) {
                    timer.playFromStart();
                }
            });
            Hyperlink whole = new Hyperlink();
            whole.textProperty().bind(i18n.text("text.full"));
            whole.getStyleClass().add("notice-full-link");
            whole.setOnAction(e -> FullTextDialog.show(getScene() == null ? null : getScene().getWindow(), i18n,
                    detail));
            // the same account may be longer in the other language
            whole.visibleProperty().bind(Bindings.createBooleanBinding(
                    () -> SafeText.escape(detail.get()).length() > DETAIL_CHARS, i18n.localeProperty()));
            whole.managedProperty().bind(whole.visibleProperty());
            notice.getChildren().addAll(new HBox(8, toggle, whole), more);
        }
        notice.setOnMouseEntered(e -> timer.pause());
        notice.setOnMouseExited(e -> {
            if (!detailsOpen.get() && !untilClosed) {
                timer.play();
            }
        });
        getChildren().add(notice);
        while (getChildren().size() > MAX_SHOWN) {
            getChildren().remove(0);
        }
        if (!untilClosed) {
            timer.play();
        }
        return withdraw;
    }

    private static Label wrapped(ObservableValue<String> words, String styleClass) {
        Label label = new Label();
        label.textProperty().bind(words);
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        label.setMinWidth(0);
        label.setMinHeight(Region.USE_PREF_SIZE); // wraps onto more lines instead of ending in "…"
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }
}
