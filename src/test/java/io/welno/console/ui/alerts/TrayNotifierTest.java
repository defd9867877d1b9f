package io.welno.console.ui.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /**
     * AWT's Linux tray draws in its Dialog font, which on a desktop without a Korean font has no Hangul: a Korean
     * notification is not handed to it (it would be boxes; the window's alert list has it), an English one is, and
     * the icon's tooltip is left off rather than drawn as boxes.
     */
    @Test
    void aTextTheTraysFontCannotDrawIsNotHandedToIt() {
        I18n i18n = new I18n(I18n.KOREAN);
        TrayNotifier tray = new TrayNotifier(i18n.text("app.title"), text -> text.chars().allMatch(c -> c < 0x80),
                true);
        tray.show("세션 경고", "김*늘 세션이 5분째 멈춰 있습니다");
        assertTrue(tray.supported(), "the tray was not touched");
        assertNull(tray.iconTooltip(), "no tooltip of boxes");
        i18n.setLocale(I18n.ENGLISH);
        assertEquals("WELNO Session Console", tray.iconTooltip());
        tray.show("Session alert", "a session has been stuck for 5 minutes");
        assertFalse(tray.supported(), "handed to the tray, which a headless test has not");
    }

    /** The evidence the rule stands on: the predicate is AWT's own answer for its Dialog font. */
    @Test
    void theDefaultCheckAsksAwtsDialogFont() {
        assertTrue(TrayNotifier.dialogFontDraws("WELNO Session Console"));
        assertEquals(new java.awt.Font(java.awt.Font.DIALOG, java.awt.Font.PLAIN, 12).canDisplayUpTo("경고") < 0,
                TrayNotifier.dialogFontDraws("경고"));
    }

    /** Only where AWT draws the tray itself is its font asked: elsewhere the system draws Korean with its own fonts. */
    @Test
    void onlyLinuxsTrayIsDrawnInAwtsFont() {
        assertTrue(TrayNotifier.awtDrawsTheTray("Linux"));
        assertFalse(TrayNotifier.awtDrawsTheTray("Windows 11"));
        assertFalse(TrayNotifier.awtDrawsTheTray("Mac OS X"));
    }
}
