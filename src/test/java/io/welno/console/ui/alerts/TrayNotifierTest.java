package io.welno.console.ui.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.welno.console.ui.common.I18n;
import org.junit.jupiter.api.Test;

/** The tray icon's tooltip is a text of the window's: a language switch while the window runs reaches it. */
class TrayNotifierTest {

    @Test
    void theTooltipFollowsALanguageSwitch() {
        I18n i18n = new I18n(I18n.ENGLISH);
        TrayNotifier tray = new TrayNotifier(i18n.text("app.title"));
        assertEquals("WELNO Session Console", tray.tooltip());
        i18n.setLocale(I18n.KOREAN);
        assertEquals("WELNO 세션 콘솔", tray.tooltip());
        i18n.setLocale(I18n.ENGLISH);
        assertEquals("WELNO Session Console", tray.tooltip());
    }
}
