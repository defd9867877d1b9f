package io.welno.console.ui.common;

import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;

/**
 * A combo box whose choices are values (codes, providers, durations) shown as words of the window's language. A cell
 * writes its item when it gets one and the skin keeps its cells, so a new language needs new cells: this makes them
 * again on every switch, for the list and for the chosen value.
 */
public final class ChoiceWords {

    private ChoiceWords() {
    }

    /** Shows each choice of {@code box} as {@code words} says it now, and again after each language switch. */
    public static <T> void show(ComboBox<T> box, I18n i18n, Function<T, String> words) {
        Supplier<ListCell<T>> cell = () -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : words.apply(item));
            }
        };
        box.setCellFactory(list -> cell.get());
        box.setButtonCell(cell.get());
        i18n.localeProperty().addListener((o, was, now) -> {
            box.setCellFactory(list -> cell.get());
            box.setButtonCell(cell.get());
        });
    }
}
