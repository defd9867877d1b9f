package io.welno.console.ui.detail;

import io.welno.console.session.SessionCodec;
import io.welno.console.session.SessionDocument;
import io.welno.console.store.FileCopy;
import io.welno.console.store.StoredSession;
import io.welno.console.text.SafeText;
import io.welno.console.ui.common.HangulFont;
import io.welno.console.ui.common.I18n;
import io.welno.console.view.FileDifference;
import io.welno.console.view.SessionRow;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * Where the selected session stands against the profile's fallback folder: nothing for a session only in Redis or the
 * same in both; a note for one only in its file; for a diverged one, each differing field with Redis's value and the
 * file's, masked (worked out on the background executor from the copy the feed last read, no I/O). A live copy with
 * the same place and the same bytes in Redis leaves what is shown alone.
 */
final class FilePlaceView extends VBox {

    private final I18n i18n;
    private final Executor background;
    private final SessionCodec codec;
    private final AtomicLong sequence = new AtomicLong();
    private volatile Function<String, Optional<StoredSession>> fileCopies = id -> Optional.empty();
    /** The place and the Redis bytes the lines were made for; null place: none yet. */
    private FileCopy shownPlace;
    private byte[] shownBytes;

    FilePlaceView(I18n i18n, Executor background, SessionCodec codec) {
        super(2);
        this.i18n = i18n;
        this.background = background;
        this.codec = codec;
        setId("detailPlace");
        managedProperty().bind(visibleProperty());
        setVisible(false);
    }

    /** Where the file's copy of a session comes from (the feed's last read of the folder). */
    void useFileCopies(Function<String, Optional<StoredSession>> copies) {
        this.fileCopies = copies;
    }

    /** The next {@link #show} makes its lines anew (another session, another language). */
    void forget() {
        shownPlace = null;
        shownBytes = null;
    }

    void show(SessionRow row, SessionDocument inRedis) {
        FileCopy place = row == null || row.place() == null ? FileCopy.NONE : row.place();
        byte[] bytes = row == null ? null : row.bytes();
        if (place.equals(shownPlace) && Arrays.equals(bytes, shownBytes)) {
            return;
        }
        shownPlace = place;
        shownBytes = bytes;
        long shown = sequence.incrementAndGet();
        getChildren().clear();
        if (!place.notable()) {
            setVisible(false);
            return;
        }
        setVisible(true);
        if (place.where() == FileCopy.Where.FILE_ONLY) {
            getChildren().add(line(i18n.get("detail.place.fileOnly"), "warning"));
            return;
        }
        getChildren().add(line(i18n.get("detail.place.diverged"), "warning-strong"));
        String id = row.id();
        background.execute(() -> {
            Optional<StoredSession> file = fileCopies.apply(id);
            List<String> lines = file.isPresent() && inRedis != null
                    && file.get().parsed() instanceof SessionDocument inFile
                    ? FileDifference.of(inRedis, inFile, codec).stream().map(this::describe).toList()
                    : List.of(i18n.get("detail.place.unreadable"));
            Platform.runLater(() -> {
                if (sequence.get() == shown) {
                    lines.forEach(text -> {
                        Label field = line(text, "place-field");
                        field.setStyle(HangulFont.monoStyle()); // the CSS's generic monospace has no Hangul
                        getChildren().add(field);
                    });
                }
            });
        });
    }

    private String describe(FileDifference.Field field) {
        return i18n.format("detail.place.field", SafeText.bounded(field.field(), SafeText.FIELD), value(field.inRedis()),
                value(field.inFile()));
    }

    private String value(String masked) {
        return masked == null ? i18n.get("detail.place.absent") : SafeText.bounded(masked, SafeText.FIELD);
    }

    private static Label line(String text, String style) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(style);
        return label;
    }
}
