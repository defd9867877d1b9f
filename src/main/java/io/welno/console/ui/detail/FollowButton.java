package io.welno.console.ui.detail;

import io.welno.console.ui.common.I18n;
import io.welno.console.view.FollowedSessions;
import javafx.application.Platform;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;

/**
 * The star beside the session's title: follows or unfollows the shown session (a notification on each of its status
 * changes, and the Following bucket). Mirrors the set when it changes elsewhere (the row's menu, the shortcut).
 */
public final class FollowButton extends ToggleButton {

    private final I18n i18n;
    private final FollowedSessions followed;
    private String shownId;

    public FollowButton(I18n i18n, FollowedSessions followed) {
        this.i18n = i18n;
        this.followed = followed;
        setId("followButton");
        getStyleClass().add("follow-button");
        setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the long id gives way, as for the status chip
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(i18n.text("follow.star.tip"));
        setTooltip(tip);
        setOnAction(e -> {
            if (shownId != null) {
                if (!followed.toggle(shownId) && isSelected()) {
                    setSelected(false); // the list is full
                }
            }
        });
        followed.addSetListener(() -> {
            if (Platform.isFxApplicationThread()) {
                mirror();
            } else {
                Platform.runLater(this::mirror);
            }
        });
        i18n.localeProperty().addListener((o, a, b) -> mirror());
        setVisible(false);
        setManaged(false);
    }

    /** The session shown now (null: none). FX thread. */
    public void show(String sessionId) {
        shownId = sessionId;
        setVisible(sessionId != null);
        setManaged(sessionId != null);
        mirror();
    }

    private void mirror() {
        boolean on = shownId != null && followed.isFollowed(shownId);
        setSelected(on);
        String words = i18n.get(on ? "follow.unstar" : "follow.star");
        setText((on ? "★ " : "☆ ") + words);
        setAccessibleText(words); // a screen reader read the star's name first ("white star, Follow")
    }
}
