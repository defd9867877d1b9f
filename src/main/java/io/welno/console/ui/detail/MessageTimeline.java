package io.welno.console.ui.detail;

import io.welno.console.session.DocumentMasker;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionMessage;
import io.welno.console.session.SessionTimestamp;
import io.welno.console.session.UserInfo;
import io.welno.console.text.Masking;
import io.welno.console.text.SafeText;
import io.welno.console.ui.common.FullTextDialog;
import io.welno.console.ui.common.I18n;
import io.welno.console.view.Formats;
import io.welno.console.view.SessionRow;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.collections.ObservableList;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The detail pane's message timeline: each message's time, type, title, text (masked unless the session was
 * revealed, cut at {@link #MESSAGE_CHARS} with a link to the whole) and error kind.
 *
 * <p>The backend only ever appends to {@code messages}, and writes the session several times a second during a flow:
 * a live copy appends its new messages to the list and leaves the others, and where the operator is reading. Only
 * an operator at the newest message is taken along to the next one; a fresh selection starts at the newest.
 */
final class MessageTimeline {

    /** The time column's widest: a time and a type, or an odd timestamp wrapped. */
    private static final double TIME_COLUMN = 110;
    /** A message is cut here in the timeline, with a link to the whole text. */
    static final int MESSAGE_CHARS = 1000;

    private final ReadingList<SessionMessage> messages = new ReadingList<>();
    private final I18n i18n;
    private final Clock clock;
    private final ZoneId zone;
    private final Supplier<SessionRow> shown;
    private final Predicate<String> revealed;

    /**
     * @param shown    the session the pane shows (its document and person mask the messages)
     * @param revealed whether a session id's personal data was revealed
     */
    MessageTimeline(I18n i18n, Clock clock, ZoneId zone, Supplier<SessionRow> shown, Predicate<String> revealed) {
        this.i18n = i18n;
        this.clock = clock;
        this.zone = zone;
        this.shown = shown;
        this.revealed = revealed;
        messages.setId("detailMessages");
        messages.setCellFactory(list -> new MessageCell());
    }

    ListView<SessionMessage> node() {
        return messages;
    }

    /**
     * Shows the messages of the copy (read off the FX thread, {@link DocumentContent}): into an empty list scrolled
     * to the newest; else only what is new, appended, following only an operator who was at the newest message.
     */
    void show(List<SessionMessage> next) {
        ObservableList<SessionMessage> items = messages.getItems();
        if (items.equals(next)) {
            return;
        }
        if (items.isEmpty() || messages.showsNewest()) {
            messages.keepNewest();
        } else {
            messages.keepPlace();
        }
        int shown = items.size();
        if (next.size() > shown && next.subList(0, shown).equals(items)) {
            items.addAll(next.subList(shown, next.size()));
        } else {
            items.setAll(next); // not an append (something rewrote the messages): all of them again
        }
    }

    void clear() {
        messages.getItems().clear();
    }

    /**
     * Every message again in the window's language and time style, where the reader is: the same messages set anew,
     * so that every cell is drawn again (a refresh of the list left some of its cells in the previous language).
     */
    void relabel() {
        List<SessionMessage> shown = List.copyOf(messages.getItems());
        if (messages.showsNewest()) {
            messages.keepNewest();
        } else {
            messages.keepPlace();
        }
        messages.getItems().setAll(shown);
    }

    /** A message's time in the locale's style; the raw text when it is not a timestamp. */
    private String messageTime(String raw, SessionDocument doc) {
        if (raw == null) {
            return "";
        }
        SessionTimestamp parsed = SessionTimestamp.parse(raw, doc == null ? zone : doc.zone());
        LocalDateTime now = LocalDateTime.now(clock.withZone(zone));
        return parsed == null ? raw : Formats.time(i18n, parsed.local(), now);
    }

    private final class MessageCell extends ListCell<SessionMessage> {

        MessageCell() {
            // as wide as the list, never wider: a long title or message wraps instead of scrolling the list sideways
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(SessionMessage message, boolean empty) {
            super.updateItem(message, empty);
            SessionRow current = shown.get();
            if (empty || message == null || current == null || current.document() == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            UserInfo user = current.document().userInfo();
            boolean open = revealed.test(current.id());
            Label time = new Label(SafeText.bounded(messageTime(message.timestamp(), current.document()), SafeText.FIELD));
            time.getStyleClass().add("message-time");
            Label type = new Label(typeWords(i18n, message));
            type.getStyleClass().addAll("message-type", "message-" + message.type().name().toLowerCase(Locale.ROOT));
            VBox body = new VBox(2);
            if (message.isObject() && message.title() != null) {
                Label t = new Label(SafeText.bounded(message.title(), SafeText.TEXT));
                t.getStyleClass().add("message-title");
                wrapBesideTheTime(t);
                body.getChildren().add(t);
            }
            String text = message.text() == null ? "" : message.text();
            String words = open ? text : Masking.personalNumbers(DocumentMasker.maskText(text, user));
            // escaped so no line break or bidi override in a message changes what the timeline shows
            Label textLabel = new Label(SafeText.bounded(words, MESSAGE_CHARS));
            wrapBesideTheTime(textLabel);
            body.getChildren().add(textLabel);
            if (SafeText.escape(words).length() > MESSAGE_CHARS) {
                Hyperlink whole = new Hyperlink(i18n.get("text.full"));
                whole.getStyleClass().add("message-full");
                whole.setOnAction(e -> FullTextDialog.show(getScene() == null ? null : getScene().getWindow(), i18n,
                        () -> words));
                body.getChildren().add(whole);
            }
            if (message.isObject() && message.errorKind() != null) {
                Label kind = new Label(SafeText.bounded(message.errorKind(), SafeText.FIELD));
                kind.getStyleClass().add("message-kind");
                wrapBesideTheTime(kind);
                body.getChildren().add(kind);
            }
            Region spacer = new Region();
            HBox.setHgrow(body, Priority.ALWAYS);
            // a timestamp or type the backend would not write is shown as stored, wrapped in the time column
            time.setWrapText(true);
            type.setWrapText(true);
            VBox when = new VBox(2, time, type);
            when.setMaxWidth(TIME_COLUMN);
            HBox line = new HBox(8, when, body, spacer);
            setGraphic(line);
            setText(null);
        }

        /**
         * As wide as the list leaves next to the time column (and the gap, the cell's padding and the scroll bar),
         * so nothing is cut off at the right.
         */
        private void wrapBesideTheTime(Label label) {
            label.setWrapText(true);
            label.maxWidthProperty().bind(messages.widthProperty().subtract(TIME_COLUMN + 15));
        }
    }

    /**
     * The three types the backend writes in the window's language; anything else as stored (escaped), so an odd
     * type is still visible for what it is.
     */
    static String typeWords(I18n i18n, SessionMessage message) {
        return switch (message.type()) {
            case INFO, SUCCESS, ERROR -> i18n.get("message.type." + message.type().name().toLowerCase(Locale.ROOT));
            case OTHER -> message.typeWire() == null ? "?" : SafeText.bounded(message.typeWire(), SafeText.FIELD);
        };
    }
}
