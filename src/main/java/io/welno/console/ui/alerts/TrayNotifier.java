package io.welno.console.ui.alerts;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import java.util.function.Predicate;
import javafx.beans.value.ObservableValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notifications through AWT's system tray ({@link TrayIcon#displayMessage}): the Windows notification area, the
 * macOS notification centre, a Linux desktop's tray where it has one. Headless JVMs, Monocle and a bare Xvfb have
 * none: {@link #supported()} says so (asked once) and nothing is attempted. The icon is added on the first
 * notification, not at start-up, so a console that never alerts leaves the tray alone.
 *
 * <p>On Linux the tooltip and the balloon are AWT's own windows, drawn in AWT's logical Dialog font, which the toolkit
 * fixes and which has Hangul only when fontconfig knows a Korean font: the Pretendard the window carries is JavaFX's,
 * and a font registered with AWT does not join a logical one. On a desktop without a Korean font a Korean balloon
 * was a row of boxes; such a text is not handed to the tray (the alert list in the window has it), and a tooltip
 * AWT cannot draw is left off. Windows and macOS draw with the system's fonts, which have Hangul.
 */
public final class TrayNotifier implements OsNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(TrayNotifier.class);
    /** The first and last Hangul syllables: a font has the block whole or not at all. */
    private static final String KOREAN_SAMPLE = "가힣";

    /** Held here: the language keeps only a weak reference to a text bound to it, and this one must live on. */
    private final ObservableValue<String> tooltipSource;
    private String tooltipText;
    private final Predicate<String> drawable;
    private Boolean supported;
    private TrayIcon icon;
    private boolean toldUndrawable;
    private Boolean drawsKorean;

    /** {@code tooltip} follows the window's language ({@code I18n.text}), also on an icon already in the tray. */
    public TrayNotifier(ObservableValue<String> tooltip) {
        this(tooltip, awtDrawsTheTray(System.getProperty("os.name", "")) ? TrayNotifier::dialogFontDraws : text -> true, null);
    }

    /** {@code drawable}: whether the tray can draw a text; {@code supported}: the tray's answer, null to ask it. */
    TrayNotifier(ObservableValue<String> tooltip, Predicate<String> drawable, Boolean supported) {
        this.drawable = drawable;
        this.supported = supported;
        this.tooltipSource = tooltip;
        this.tooltipText = tooltip.getValue();
        tooltip.addListener((o, was, now) -> retitle(now));
    }

    /** The tooltip in the window's language. */
    synchronized String tooltip() {
        return tooltipText;
    }

    /** The tooltip the icon has, or gets when it is added: none rather than boxes. */
    synchronized String iconTooltip() {
        return tooltipText != null && drawable.test(tooltipText) ? tooltipText : null;
    }

    private synchronized void retitle(String text) {
        tooltipText = text;
        if (icon != null) {
            icon.setToolTip(iconTooltip());
        }
    }

    /**
     * Whether AWT draws the tray's balloon and tooltip itself, in its Dialog font: on Linux (X11). Windows and macOS
     * hand the texts to the system, which draws them with its own fonts, whatever Java's logical font says it has.
     */
    static boolean awtDrawsTheTray(String osName) {
        String os = osName.toLowerCase(java.util.Locale.ROOT);
        return !os.contains("win") && !os.contains("mac");
    }

    /** Whether AWT's Dialog font, the one its Linux tray windows use, has a glyph for every character of {@code text}. */
    static boolean dialogFontDraws(String text) {
        return new Font(Font.DIALOG, Font.PLAIN, 12).canDisplayUpTo(text) < 0;
    }

    /** Asked once: whether the tray's font has Hangul, the syllables every Korean alert title is written in. */
    @Override
    public synchronized boolean drawsKorean() {
        if (drawsKorean == null) {
            drawsKorean = drawable.test(KOREAN_SAMPLE);
        }
        return drawsKorean;
    }

    @Override
    public synchronized boolean supported() {
        if (supported == null) {
            try {
                supported = !GraphicsEnvironment.isHeadless() && SystemTray.isSupported();
            } catch (RuntimeException | LinkageError e) {
                LOG.debug("No system tray: {}", e.toString());
                supported = false;
            }
        }
        return supported;
    }

    @Override
    public synchronized void show(String title, String text) {
        if (!supported()) {
            return;
        }
        if (!drawable.test(title + text)) {
            if (!toldUndrawable) {
                toldUndrawable = true;
                LOG.info("The system tray's font has no glyphs for the notifications' language (no Korean font the"
                        + " desktop's AWT knows): they stay in the window's alert list");
            }
            return;
        }
        try {
            if (icon == null) {
                BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB);
                var png = TrayNotifier.class.getResourceAsStream("/io/welno/console/ui/app-icon.png");
                if (png != null) {
                    try (png) {
                        image = javax.imageio.ImageIO.read(png);
                    }
                }
                icon = new TrayIcon(image, iconTooltip());
                icon.setImageAutoSize(true);
                SystemTray.getSystemTray().add(icon);
            }
            icon.displayMessage(title, text, TrayIcon.MessageType.WARNING);
        } catch (Exception | LinkageError e) {
            // A tray that refuses (no tray after all, a desktop without notifications): the in-window list has it.
            LOG.info("The system tray did not take the notification: {}", e.toString());
            supported = false;
        }
    }

    /** Takes the icon out of the tray again (the window closed). */
    public synchronized void close() {
        if (icon != null) {
            try {
                SystemTray.getSystemTray().remove(icon);
            } catch (RuntimeException | LinkageError e) {
                LOG.debug("Removing the tray icon: {}", e.toString());
            }
            icon = null;
        }
    }
}
