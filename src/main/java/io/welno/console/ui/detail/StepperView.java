package io.welno.console.ui.detail;

import io.welno.console.ui.common.I18n;
import io.welno.console.view.ProgressStepper;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;

/** The detail pane's progress stepper: one label per step of {@link ProgressStepper}, styled by its state. */
final class StepperView {

    private final FlowPane stepper = new FlowPane(4, 4);
    private final I18n i18n;

    StepperView(I18n i18n) {
        this.i18n = i18n;
        stepper.setId("detailStepper");
        stepper.getStyleClass().add("stepper");
    }

    FlowPane node() {
        return stepper;
    }

    void clear() {
        stepper.getChildren().clear();
    }

    void show(List<ProgressStepper.State> states) {
        clear();
        for (int i = 0; i < states.size(); i++) {
            Label step = new Label(i18n.get(ProgressStepper.KEYS.get(i)));
            step.setId(ProgressStepper.KEYS.get(i));
            step.getStyleClass().add("step");
            switch (states.get(i)) {
                case DONE -> step.getStyleClass().add("step-done");
                case CURRENT -> step.getStyleClass().add("step-current");
                case FAILED -> step.getStyleClass().add("step-failed");
                case TODO -> { }
            }
            stepper.getChildren().add(step);
        }
    }
}
