package io.welno.console.ui.detail;

import io.welno.console.ui.common.I18n;
import io.welno.console.view.ProgressStepper;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;

/**
 * The detail pane's progress stepper: one label per step of {@link ProgressStepper}, styled by its state. The labels
 * are made once; a live copy that leaves every step where it was changes nothing.
 */
final class StepperView {

    private static final List<String> STATE_STYLES = List.of("step-done", "step-current", "step-failed");

    private final FlowPane stepper = new FlowPane(4, 4);
    private final List<Label> steps = new ArrayList<>();
    private final I18n i18n;
    /** The states the labels show; empty while the stepper is cleared. */
    private List<ProgressStepper.State> shown = List.of();

    StepperView(I18n i18n) {
        this.i18n = i18n;
        stepper.setId("detailStepper");
        stepper.getStyleClass().add("stepper");
        for (String key : ProgressStepper.KEYS) {
            Label step = new Label();
            step.setId(key);
            step.getStyleClass().add("step");
            steps.add(step);
        }
    }

    FlowPane node() {
        return stepper;
    }

    void clear() {
        stepper.getChildren().clear();
        shown = List.of();
    }

    void show(List<ProgressStepper.State> states) {
        if (states.equals(shown)) {
            return;
        }
        shown = states;
        if (stepper.getChildren().isEmpty()) {
            stepper.getChildren().setAll(steps);
        }
        for (int i = 0; i < states.size(); i++) {
            Label step = steps.get(i);
            step.setText(i18n.get(ProgressStepper.KEYS.get(i)));
            step.getStyleClass().removeAll(STATE_STYLES);
            switch (states.get(i)) {
                case DONE -> step.getStyleClass().add("step-done");
                case CURRENT -> step.getStyleClass().add("step-current");
                case FAILED -> step.getStyleClass().add("step-failed");
                case TODO -> { }
            }
        }
    }
}
