package io.welno.console.ui;

import io.welno.console.testing.FxState;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;
import javafx.stage.Window;

/** Collects every text a person could see in the open windows (labels, text fields, text nodes, tooltips). */
final class UiWalk {

    private UiWalk() {
    }

    /** The texts of every showing window; runs on the FX thread. */
    static List<String> visibleTexts() throws Exception {
        return FxState.read(() -> {
            List<String> texts = new ArrayList<>();
            showingRoots().forEach(root -> collect(root, texts));
            return texts;
        });
    }

    /** The texts under one node (visible or not: a hidden label still holds its text). */
    static List<String> texts(Node root) throws Exception {
        return FxState.read(() -> {
            List<String> texts = new ArrayList<>();
            collect(root, texts);
            return texts;
        });
    }

    /**
     * Every control with a tooltip inside another control with a tooltip, in the showing windows, as "outer > inner":
     * JavaFX shows the outer one wherever the mouse is, so the inner tooltip is never seen.
     */
    static List<String> shadowedTooltips() throws Exception {
        return FxState.read(() -> {
            List<String> shadowed = new ArrayList<>();
            showingRoots().forEach(root -> findShadowed(root, null, shadowed));
            return shadowed;
        });
    }

    /** The root of every showing window's scene (FX thread). */
    private static List<Parent> showingRoots() {
        return Window.getWindows().stream()
                .filter(w -> w.isShowing() && w.getScene() != null && w.getScene().getRoot() != null)
                .map(w -> w.getScene().getRoot()).toList();
    }

    private static void findShadowed(Node node, Node outer, List<String> out) {
        Node next = outer;
        if (node instanceof Control control && control.getTooltip() != null) {
            if (outer != null && ((Control) outer).getTooltip() != control.getTooltip()) {
                out.add(name(outer) + " > " + name(node));
            }
            next = outer == null ? node : outer;
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                findShadowed(child, next, out);
            }
        }
    }

    private static String name(Node node) {
        return node.getId() != null ? "#" + node.getId() : node.getClass().getSimpleName() + node.getStyleClass();
    }

    private static void collect(Node node, List<String> out) {
        if (node instanceof Labeled labeled && labeled.getText() != null) {
            out.add(labeled.getText());
        }
        if (node instanceof TextInputControl input) {
            add(out, input.getText());
            add(out, input.getPromptText());
        }
        if (node instanceof Text text) {
            add(out, text.getText());
        }
        if (node instanceof Control control && control.getTooltip() != null) {
            add(out, control.getTooltip().getText());
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, out);
            }
        }
    }

    private static void add(List<String> out, String text) {
        if (text != null && !text.isEmpty()) {
            out.add(text);
        }
    }
}
