package io.welno.console.ui.shell;

import io.welno.console.ui.common.I18n;
import io.welno.console.view.Formats;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.TextStyle;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/**
 * The zone of every time in the window, said once in the status bar ("KST (UTC+9)"), so that the table, the messages
 * and the charts need not repeat it; the tooltip names it in full ("Korean Standard Time (Asia/Seoul)").
 */
final class ZoneLabel extends Label {

    ZoneLabel(I18n i18n, ZoneId zone, Clock clock) {
        setId("timeZone");
        textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> Formats.zoneLabel(i18n, zone, clock.instant()), i18n.localeProperty()));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> i18n.format("status.zone.tip", zone.getDisplayName(TextStyle.FULL, i18n.locale()), zone.getId()),
                i18n.localeProperty()));
        setTooltip(tip);
    }
}
