package io.welno.console.ui.table;

import io.welno.console.ui.common.I18n;
import io.welno.console.ui.common.ReasonTips;
import io.welno.console.view.Bucket;
import io.welno.console.view.StuckExplanation;
import io.welno.console.view.Wording;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Tooltip;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The left-hand list of status buckets with live counts; choosing one filters the table. */
public final class BucketList extends ListView<Bucket> {

    private static final javafx.css.PseudoClass STALE = javafx.css.PseudoClass.getPseudoClass("stale");

    public BucketList(SessionTableModel model, I18n i18n) {
        // What "stuck" means, from the policy the bucket uses, so the limits it names are the ones that apply.
        Tooltip stuckTip = ReasonTips.tooltip();
        stuckTip.textProperty().bind(Bindings.createStringBinding(() -> Wording.window(i18n).render(
                StuckExplanation.bucket(model.stuckPolicy())), i18n.localeProperty()));
        setId("bucketList");
        getStyleClass().add("bucket-list");
        // Not following Redis: the counts are the last read ones, and look it (the note below the list says why).
        model.followingProperty().addListener((o, was, now) -> pseudoClassStateChanged(STALE, !now));
        getItems().setAll(Bucket.standard());
        setPrefWidth(210);
        setMinWidth(180);
        setCellFactory(list -> new ListCell<>() {
            private final Label name = new Label();
            private final Label count = new Label();
            private final HBox box;

            {
                Region spacer = new Region();
                HBox.setHgrow(spacer, Priority.ALWAYS);
                count.getStyleClass().add("bucket-count");
                box = new HBox(6, name, spacer, count);
            }

            @Override
            protected void updateItem(Bucket bucket, boolean empty) {
                super.updateItem(bucket, empty);
                name.textProperty().unbind();
                count.textProperty().unbind();
                if (empty || bucket == null) {
                    setGraphic(null);
                    return;
                }
                name.textProperty().bind(BucketList.label(i18n, bucket));
                count.textProperty().bind(model.count(bucket).asString());
                getStyleClass().removeIf(c -> c.startsWith("bucket-"));
                getStyleClass().add("bucket-" + bucket.kind().name().toLowerCase(Locale.ROOT));
                setId("bucket-" + (bucket.status() == null ? bucket.kind().name().toLowerCase(Locale.ROOT)
                        : bucket.status().wire()));
                setTooltip(bucket.kind() == Bucket.Kind.STUCK ? stuckTip : null);
                setGraphic(box);
            }
        });
        getSelectionModel().select(Bucket.ALL);
        getSelectionModel().selectedItemProperty().addListener((o, old, now) -> {
            if (now != null) {
                model.bucketProperty().set(now);
            }
        });
        model.bucketProperty().addListener((o, old, now) -> getSelectionModel().select(now));
    }

    public static javafx.beans.binding.StringBinding label(I18n i18n, Bucket bucket) {
        return switch (bucket.kind()) {
            case ALL -> i18n.text("bucket.all");
            case STUCK -> i18n.text("bucket.stuck");
            case OTHER_STATUS -> i18n.text("bucket.other");
            case UNREADABLE -> i18n.text("bucket.unreadable");
            case ENDED -> i18n.text("bucket.ended");
            case FOLLOWING -> i18n.text("bucket.following");
            case STATUS -> i18n.text("status." + bucket.status().wire());
        };
    }
}
