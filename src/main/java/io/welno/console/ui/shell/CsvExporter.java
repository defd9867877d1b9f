package io.welno.console.ui.shell;

import io.welno.console.text.FileWords;
import io.welno.console.text.Phrase;
import io.welno.console.text.SafeText;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.common.Notices;
import io.welno.console.ui.detail.DetailPane;
import io.welno.console.ui.table.SessionTableModel;
import io.welno.console.view.CsvExport;
import io.welno.console.view.SessionRow;
import io.welno.console.view.Wording;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes the rows the table shows (masked unless a developer revealed one) to a CSV file, in the background. */
final class CsvExporter {

    private static final Logger LOG = LoggerFactory.getLogger(CsvExporter.class);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

    private final SessionTableModel model;
    private final DetailPane detail;
    private final I18n i18n;
    private final Clock clock;
    private final ZoneId zone;
    private final Executor background;
    private final Notices notices;

    CsvExporter(SessionTableModel model, DetailPane detail, I18n i18n, Clock clock, ZoneId zone, Executor background,
                Notices notices) {
        this.model = model;
        this.detail = detail;
        this.i18n = i18n;
        this.clock = clock;
        this.zone = zone;
        this.background = background;
        this.notices = notices;
    }

    /** welno-sessions-yyyyMMdd-HHmm.csv, at the window's clock in its time zone. */
    String suggestedFileName() {
        return "welno-sessions-" + FILE_TIME.format(LocalDateTime.now(clock.withZone(zone))) + ".csv";
    }

    /** Asks where to save ({@code owner} may be null), then writes and says how it went in a notice. */
    void exportAsked(Supplier<Window> owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.get("export.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.get("export.filter"), "*.csv"));
        chooser.setInitialFileName(suggestedFileName());
        File file = chooser.showSaveDialog(owner.get());
        if (file == null) {
            return;
        }
        exportTo(file.toPath()).whenComplete((count, error) -> Platform.runLater(() -> {
            if (error == null) {
                notices.show(() -> i18n.format("export.done", count, SafeText.bounded(file.getName(),
                        SafeText.FIELD)), false);
            } else {
                notices.show(() -> i18n.get("notify.export.failed"), () -> Wording.window(i18n).render(
                        Phrase.of("export.failed", FileWords.of(error, file.toPath()))), true);
            }
        }));
    }

    /**
     * Writes the table's current rows (filtered and sorted as shown) to {@code file}, off the FX thread.
     * Only a session a developer revealed (audited) is written unmasked. Call on the FX thread.
     */
    CompletableFuture<Integer> exportTo(Path file) {
        List<SessionRow> rows = new ArrayList<>(model.rows());
        String revealed = detail.revealedId();
        CsvExport export = CsvExport.of(i18n, zone, clock);
        CompletableFuture<Integer> done = new CompletableFuture<>();
        background.execute(() -> {
            try {
                int written = export.write(rows, revealed == null ? Set.of() : Set.of(revealed), file);
                // The file name and counts only: never a row's content.
                LOG.info("Exported {} sessions to {}{}", written, file.getFileName(),
                        revealed == null ? "" : " (one session revealed)");
                done.complete(written);
            } catch (IOException | RuntimeException e) {
                LOG.warn("CSV export to {} failed: {}", file.getFileName(), e.toString());
                done.completeExceptionally(e);
            }
        });
        return done;
    }
}
