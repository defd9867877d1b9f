package io.welno.console.ui.detail;

import io.welno.console.session.SessionDocument;
import io.welno.console.text.SafeText;
import io.welno.console.tilko.Checkup;
import io.welno.console.tilko.Prescription;
import io.welno.console.ui.common.I18n;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The detail pane's Data tab: how many checkups and prescriptions were collected, and the latest of each. */
final class DataSummaries {

    private final VBox data = new VBox(8);
    private final I18n i18n;

    DataSummaries(I18n i18n) {
        this.i18n = i18n;
    }

    VBox node() {
        return data;
    }

    void clear() {
        data.getChildren().clear();
    }

    void show(SessionDocument doc) {
        clear();
        data.getChildren().add(summaryLabel("data.checkups", doc.hasHealthData(), () -> {
            List<Checkup> list = Checkup.listFrom(doc.healthData());
            String latest = list.stream().map(c -> c.year() + " " + c.checkUpDate()).findFirst().orElse("-");
            return i18n.format("data.checkups.value", list.size(), latest);
        }));
        data.getChildren().add(summaryLabel("data.prescriptions", doc.hasPrescriptionData(), () -> {
            List<Prescription> list = Prescription.listFrom(doc.prescriptionData());
            String latest = list.stream().map(Prescription::treatmentStart).filter(Objects::nonNull)
                    .max(String::compareTo).orElse("-");
            return i18n.format("data.prescriptions.value", list.size(), latest);
        }));
    }

    private Label summaryLabel(String key, boolean present, Supplier<String> summary) {
        String text;
        try {
            text = present ? summary.get() : i18n.get("data.none");
        } catch (RuntimeException e) {
            text = i18n.get("data.unreadable");
        }
        // dates and counts read from the stored health data: outside text like the rest
        Label label = new Label(i18n.get(key) + ": " + SafeText.bounded(text, SafeText.TEXT));
        label.setWrapText(true);
        return label;
    }
}
