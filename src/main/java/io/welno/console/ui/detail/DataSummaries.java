package io.welno.console.ui.detail;

import io.welno.console.session.SessionDocument;
import io.welno.console.text.SafeText;
import io.welno.console.tilko.Checkup;
import io.welno.console.tilko.Prescription;
import io.welno.console.view.Texts;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The detail pane's Data tab: how many checkups and prescriptions were collected, and the latest of each. The
 * summaries walk the health and prescription data, which can be large, so {@link #lines} runs off the FX thread
 * ({@link DocumentContent}); the labels are made once and take the lines' texts.
 */
final class DataSummaries {

    private static final List<String> KEYS = List.of("data.checkups", "data.prescriptions");

    private final VBox data = new VBox(8);
    private final List<Label> labels;

    DataSummaries() {
        labels = KEYS.stream().map(key -> {
            Label label = new Label();
            label.setId(key);
            label.setWrapText(true);
            return label;
        }).toList();
    }

    VBox node() {
        return data;
    }

    void clear() {
        data.getChildren().clear();
    }

    /** Shows the {@link #lines} worked out for the copy; a line that did not change is left alone. */
    void show(List<String> lines) {
        if (data.getChildren().isEmpty()) {
            data.getChildren().setAll(labels);
        }
        for (int i = 0; i < labels.size(); i++) {
            labels.get(i).setText(lines.get(i));
        }
    }

    /** One line per summary, in the language of {@code i18n} (a snapshot off the FX thread); any thread. */
    static List<String> lines(Texts i18n, SessionDocument doc) {
        return List.of(line(i18n, "data.checkups", doc.hasHealthData(), () -> {
            List<Checkup> list = Checkup.listFrom(doc.healthData());
            String latest = list.stream().map(c -> c.year() + " " + c.checkUpDate()).findFirst().orElse("-");
            return i18n.format("data.checkups.value", list.size(), latest);
        }), line(i18n, "data.prescriptions", doc.hasPrescriptionData(), () -> {
            List<Prescription> list = Prescription.listFrom(doc.prescriptionData());
            String latest = list.stream().map(Prescription::treatmentStart).filter(Objects::nonNull)
                    .max(String::compareTo).orElse("-");
            return i18n.format("data.prescriptions.value", list.size(), latest);
        }));
    }

    private static String line(Texts i18n, String key, boolean present, Supplier<String> summary) {
        String text;
        try {
            text = present ? summary.get() : i18n.get("data.none");
        } catch (RuntimeException e) {
            text = i18n.get("data.unreadable");
        }
        // dates and counts read from the stored health data: outside text like the rest
        return i18n.get(key) + ": " + SafeText.bounded(text, SafeText.TEXT);
    }
}
