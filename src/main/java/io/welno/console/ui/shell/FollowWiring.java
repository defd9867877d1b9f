package io.welno.console.ui.shell;

import io.welno.console.app.ConsoleServices;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.common.Notices;
import io.welno.console.ui.common.UiPreferences;
import io.welno.console.ui.detail.DetailPane;
import io.welno.console.ui.detail.FollowButton;
import io.welno.console.ui.detail.HistoryTab;
import io.welno.console.ui.table.RowMenu;
import io.welno.console.ui.table.SessionTableModel;
import io.welno.console.view.FollowedSessions;
import io.welno.console.view.SessionRow;
import io.welno.console.view.Wording;
import java.time.ZoneId;
import javafx.application.Platform;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.WindowEvent;

/**
 * Followed sessions and history in the window: the History tab and the follow star in the detail pane, Follow in
 * the row menu, the Following bucket (the followed ids, saved per connection), and a notice per followed change.
 */
final class FollowWiring {

    private final I18n i18n;
    private final ZoneId zone;
    private final DetailPane detail;
    private final SessionTableModel model;
    private final RowMenu rowMenu;
    private final Notices notices;
    private final UiPreferences preferences;
    /** Set once the services are connected; until then following does nothing. */
    private FollowedSessions followed;

    FollowWiring(I18n i18n, ZoneId zone, DetailPane detail, SessionTableModel model, RowMenu rowMenu,
                 Notices notices, UiPreferences preferences) {
        this.i18n = i18n;
        this.zone = zone;
        this.detail = detail;
        this.model = model;
        this.rowMenu = rowMenu;
        this.notices = notices;
        this.preferences = preferences;
    }

    /** Called once, when the window's services are connected. */
    void connect(ConsoleServices services) {
        HistoryTab history = new HistoryTab(i18n, services.history(), zone, services.timestamps().clock());
        FollowButton star = new FollowButton(i18n, services.followed());
        detail.mount(history);
        detail.mountInHeader(star);
        detail.onShown(row -> {
            history.show(row == null ? null : row.id());
            star.show(row == null ? null : row.id());
        });
        SessionRow shown = detail.current();
        history.show(shown == null ? null : shown.id());
        star.show(shown == null ? null : shown.id());
        followed = services.followed();
        followed.followAll(preferences.followed(services.title()));
        model.setFollowed(followed.ids());
        followed.addSetListener(() -> {
            preferences.setFollowed(services.title(), followed.ids());
            Platform.runLater(() -> {
                model.setFollowed(followed.ids());
                knowFromTheTable();
            });
        });
        followed.addListener(changed -> Platform.runLater(() ->
                notices.show(() -> followedNote(i18n, changed), Notices.Kind.NEWS)));
        // The row's menu: follow or unfollow the session under the pointer (the right-click selects its row first).
        MenuItem follow = new MenuItem();
        follow.setId("menuFollow");
        rowMenu.menu().getItems().addAll(new SeparatorMenuItem(), follow);
        rowMenu.menu().addEventHandler(WindowEvent.WINDOW_SHOWING, e -> {
            SessionRow row = detail.current();
            follow.setText(i18n.get(row != null && followed.isFollowed(row.id()) ? "follow.unstar" : "follow.star"));
            follow.setDisable(row == null);
        });
        follow.setOnAction(e -> toggle());
    }

    /** A session just followed is known as the table shows it, so its next change is told. */
    private void knowFromTheTable() {
        for (String id : followed.ids()) {
            SessionRow row = model.row(id);
            if (row != null && row.readable() && !row.isEnded()) {
                followed.know(id, row.status(), row.backendExpiry());
            }
        }
    }

    /** Once a second: a followed session whose expires_at passes is told when it passes. */
    void passTime() {
        if (followed != null) {
            followed.passTime();
        }
    }

    /** Follows or unfollows the session shown; says so when the list is full. */
    void toggle() {
        SessionRow row = detail.current();
        if (followed != null && row != null && !followed.toggle(row.id()) && !followed.isFollowed(row.id())
                && followed.ids().size() >= FollowedSessions.MAX_FOLLOWED) {
            notices.show(() -> i18n.format("follow.full", FollowedSessions.MAX_FOLLOWED), true);
        }
    }

    /** What a followed session's change is called in the window's notice (the alert list words it the same way). */
    static String followedNote(I18n i18n, FollowedSessions.Changed changed) {
        return Wording.window(i18n).render(changed.phrase());
    }
}
