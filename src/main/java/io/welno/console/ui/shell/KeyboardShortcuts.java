package io.welno.console.ui.shell;

import java.util.ArrayList;
import java.util.List;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The window's own keyboard shortcuts (the action shortcuts live in {@link ActionsController}). They are
 * installed as a key filter on the scene rather than as scene accelerators: accelerators only see a key
 * the focused control did not consume, and the table consumes Ctrl+arrows, a combo box Alt+arrows.
 * The list is also what the shortcut sheet shows, so the sheet cannot drift from what the keys do.
 */
public final class KeyboardShortcuts {

    /** Where a shortcut appears in the sheet. */
    public enum Section { NAVIGATION, VIEW }

    public record Shortcut(Section section, KeyCombination keys, String descriptionKey, Object[] args, Runnable action) {
        public String display() {
            return keys.getDisplayText();
        }
    }

    private final List<Shortcut> shortcuts = new ArrayList<>();
    private final EventHandler<KeyEvent> filter = this::handle;

    void add(Section section, KeyCombination keys, String descriptionKey, Runnable action, Object... args) {
        shortcuts.add(new Shortcut(section, keys, descriptionKey, args, action));
    }

    static KeyCombination shortcut(KeyCode code, KeyCombination.Modifier... more) {
        KeyCombination.Modifier[] modifiers = new KeyCombination.Modifier[more.length + 1];
        modifiers[0] = KeyCombination.SHORTCUT_DOWN;
        System.arraycopy(more, 0, modifiers, 1, more.length);
        return new KeyCodeCombination(code, modifiers);
    }

    static KeyCombination key(KeyCode code, KeyCombination.Modifier... modifiers) {
        return new KeyCodeCombination(code, modifiers);
    }

    List<Shortcut> all() {
        return List.copyOf(shortcuts);
    }

    void installOn(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, filter);
    }

    void uninstallFrom(Scene scene) {
        scene.removeEventFilter(KeyEvent.KEY_PRESSED, filter);
    }

    private void handle(KeyEvent event) {
        for (Shortcut s : shortcuts) {
            if (s.keys().match(event)) {
                event.consume();
                s.action().run();
                return;
            }
        }
    }
}
