package io.welno.console.ui.alerts;

/**
 * The operating system's notification area (tray, notification centre). Asked first whether the platform has one;
 * a notifier that has none is simply not called, and a failing one never reaches the window.
 */
public interface OsNotifier {

    boolean supported();

    /** Shows one notification; called off the FX thread, and only when {@link #supported()}. */
    void show(String title, String text);

    /**
     * Whether a notification in Korean reaches the user: a notifier whose font has no Hangul keeps such a text to the
     * window's alert list rather than showing boxes, and the alert rules say so.
     */
    default boolean drawsKorean() {
        return true;
    }

    /** A platform without a notification area. */
    OsNotifier NONE = new OsNotifier() {
        @Override
        public boolean supported() {
            return false;
        }

        @Override
        public void show(String title, String text) {
            throw new IllegalStateException("no notification area");
        }
    };
}
