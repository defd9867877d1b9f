package io.welno.console.ui.common;

import java.util.Optional;
import java.util.regex.Pattern;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.util.StringConverter;

/**
 * Editable spinners of whole numbers whose typed text is either what is saved or said to be wrong, as the window's text
 * fields are when their form is saved. JavaFX's own would throw on "abc" when the field loses focus (the old value kept
 * while the field still shows "abc") and would quietly turn "2000" into its maximum: either way the operator saw a value
 * that is not the one saved.
 */
public final class WholeNumberSpinners {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,10}");

    private WholeNumberSpinners() {
    }

    /** An editable spinner from {@code min} to {@code max}: text it cannot take stays as typed, for the form to refuse. */
    public static Spinner<Integer> editable(int min, int max, int initial) {
        Spinner<Integer> spinner = new Spinner<>(min, max, initial);
        spinner.setEditable(true);
        SpinnerValueFactory<Integer> factory = spinner.getValueFactory();
        factory.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? "" : value.toString();
            }

            @Override
            public Integer fromString(String text) {
                // not a number in range: the value stays, and so does the text (it changes only with the value)
                return parse(text, min, max).orElse(factory.getValue());
            }
        });
        return spinner;
    }

    /**
     * The number typed in {@code spinner} (made its value), or an {@link IllegalArgumentException} whose message says, in
     * the window's language, which field wants what.
     *
     * @param labelKey the key of the field's label
     */
    public static int typed(Spinner<Integer> spinner, I18n i18n, String labelKey) {
        SpinnerValueFactory.IntegerSpinnerValueFactory factory =
                (SpinnerValueFactory.IntegerSpinnerValueFactory) spinner.getValueFactory();
        Optional<Integer> value = parse(spinner.getEditor().getText(), factory.getMin(), factory.getMax());
        if (value.isEmpty()) {
            throw new IllegalArgumentException(i18n.format("input.wholeNumber", i18n.get(labelKey), factory.getMin(),
                    factory.getMax()));
        }
        factory.setValue(value.get());
        return value.get();
    }

    static Optional<Integer> parse(String text, int min, int max) {
        String stripped = text == null ? "" : text.strip();
        if (!WHOLE_NUMBER.matcher(stripped).matches()) {
            return Optional.empty();
        }
        long value = Long.parseLong(stripped);
        return value < min || value > max ? Optional.empty() : Optional.of((int) value);
    }
}
