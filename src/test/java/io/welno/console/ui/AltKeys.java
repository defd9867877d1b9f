package io.welno.console.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.testing.FxState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.Mnemonic;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The Alt+letter keys of a window, as its scene registered them from the words its controls show. */
final class AltKeys {

    private AltKeys() {
    }

    /** Fails when two controls of {@code scene} answer the same Alt+letter (one of them would never be reached). */
    static void assertDistinct(Scene scene) throws Exception {
        List<String> shared = FxState.read(() -> {
            List<String> found = new ArrayList<>();
            for (Map.Entry<KeyCombination, javafx.collections.ObservableList<Mnemonic>> keys
                    : scene.getMnemonics().entrySet()) {
                if (keys.getValue().size() > 1) {
                    List<String> texts = new ArrayList<>();
                    keys.getValue().forEach(m -> texts.add(words(m.getNode())));
                    found.add(keys.getKey().getName() + " " + texts);
                }
            }
            return found;
        });
        assertTrue(shared.isEmpty(), "one control per Alt key: " + shared);
    }

    /** Presses Alt+{@code letter} and lets the window answer. */
    static void press(FxRobot robot, KeyCode letter) {
        robot.press(KeyCode.ALT, letter).release(letter, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The words {@code labeled} draws (FX thread): its text less the Alt key's underscore, when it parses one. */
    static String drawn(Node labeled) {
        return labeled.lookup(".text") instanceof javafx.scene.text.Text text ? text.getText() : null;
    }

    private static String words(Node node) {
        return node instanceof Labeled labeled ? labeled.getText() : String.valueOf(node);
    }
}
