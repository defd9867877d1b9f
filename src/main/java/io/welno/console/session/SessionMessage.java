package io.welno.console.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One entry of {@code messages}. The backend's background task stores a dict in {@code message}
 * ({@code {type, title, message, error_code, ...}}), so the body is either text or an object.
 *
 * @param timestamp the raw timestamp string (may be null)
 * @param typeWire  the raw {@code type} string (may be unknown)
 * @param text      the string body, or the object's own {@code message} for object bodies
 * @param body      the object body, or null for plain text messages
 */
public record SessionMessage(String timestamp, String typeWire, String text, ObjectNode body) {

    static SessionMessage from(JsonNode entry) {
        if (!entry.isObject()) {
            return new SessionMessage(null, null, entry.isTextual() ? entry.asText() : entry.toString(), null);
        }
        JsonNode message = entry.get("message");
        String timestamp = textOrNull(entry.get("timestamp"));
        String type = textOrNull(entry.get("type"));
        if (message instanceof ObjectNode object) {
            return new SessionMessage(timestamp, type, textOrNull(object.get("message")), object);
        }
        return new SessionMessage(timestamp, type, message == null || message.isNull() ? null
                : message.isTextual() ? message.asText() : message.toString(), null);
    }

    public MessageType type() {
        return MessageType.fromWire(typeWire);
    }

    public boolean isObject() {
        return body != null;
    }

    /** The object body's {@code title}, e.g. "입력 정보 확인 필요". */
    public String title() {
        return body == null ? null : textOrNull(body.get("title"));
    }

    /** The object body's own {@code type}, e.g. {@code health_data_error}. */
    public String errorKind() {
        return body == null ? null : textOrNull(body.get("type"));
    }

    /** One line for tables: "title: text" for object messages, the text otherwise. */
    public String summary() {
        String title = title();
        if (title != null && text != null) {
            return title + ": " + text;
        }
        return title != null ? title : text == null ? "" : text;
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.isValueNode() ? node.asText() : node.toString();
    }
}
