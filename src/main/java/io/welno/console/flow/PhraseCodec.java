package io.welno.console.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.session.SessionStatus;
import io.welno.console.text.Phrase;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores a {@link Phrase} in an audit entry as compact JSON ({@code {"key":…,"args":[…]}}), so another console
 * (in another language) renders the same outcome in its own words. Statuses and durations keep their type
 * ({@code {"status":"auth_completed"}}, {@code {"seconds":300}}); everything else is a JSON scalar.
 */
final class PhraseCodec {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PhraseCodec() {
    }

    static String encode(Phrase phrase) {
        return phrase == null ? "" : node(phrase).toString();
    }

    /**
     * The phrase in {@code text}; a sentence written by an older console comes back as a verbatim phrase, and a
     * guard's or an outcome's phrase stored before its sentence took the action and statuses as arguments comes back
     * with them ({@link EarlierPhrases}).
     */
    static Phrase decode(String text) {
        if (text == null || text.isEmpty()) {
            return Phrase.of("text.empty");
        }
        if (text.startsWith("{\"key\"")) {
            try {
                return phrase(JSON.readTree(text));
            } catch (Exception e) {
                // fall through: shown as stored
            }
        }
        return Phrase.of("text.verbatim", text);
    }

    private static ObjectNode node(Phrase phrase) {
        ObjectNode node = NODES.objectNode();
        node.put("key", phrase.key());
        ArrayNode args = node.putArray("args");
        for (Object arg : phrase.args()) {
            args.add(value(arg));
        }
        return node;
    }

    private static JsonNode value(Object arg) {
        if (arg instanceof Phrase nested) {
            return node(nested);
        }
        if (arg instanceof SessionStatus status) {
            return NODES.objectNode().put("status", status.wire());
        }
        if (arg instanceof ActionKind kind) {
            return NODES.objectNode().put("action", kind.wire());
        }
        if (arg instanceof Role role) {
            return NODES.objectNode().put("role", role.wire());
        }
        if (arg instanceof Duration duration) {
            return NODES.objectNode().put("seconds", duration.toSeconds());
        }
        if (arg instanceof LocalTime clock) {
            return NODES.objectNode().put("clock", clock.toString());
        }
        if (arg instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode();
            list.forEach(item -> array.add(value(item)));
            return array;
        }
        if (arg instanceof Integer || arg instanceof Long) {
            return NODES.numberNode(((Number) arg).longValue());
        }
        if (arg instanceof Number number) {
            return NODES.numberNode(number.doubleValue());
        }
        if (arg instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        }
        return NODES.textNode(String.valueOf(arg));
    }

    private static Phrase phrase(JsonNode node) {
        List<Object> args = new ArrayList<>();
        for (JsonNode arg : node.path("args")) {
            args.add(decodeValue(arg));
        }
        return EarlierPhrases.upgrade(new Phrase(node.path("key").asText(), args));
    }

    private static Object decodeValue(JsonNode arg) {
        if (arg.has("key")) {
            return phrase(arg);
        }
        if (arg.has("status")) {
            return SessionStatus.of(arg.get("status").isNull() ? null : arg.get("status").asText());
        }
        if (arg.has("action")) {
            try {
                return ActionKind.fromWire(arg.get("action").asText());
            } catch (IllegalArgumentException e) {
                return arg.get("action").asText();
            }
        }
        if (arg.has("role")) {
            try {
                return Role.fromWire(arg.get("role").asText());
            } catch (IllegalArgumentException e) {
                return arg.get("role").asText();
            }
        }
        if (arg.has("seconds")) {
            return Duration.ofSeconds(arg.get("seconds").asLong());
        }
        if (arg.has("clock")) {
            try {
                return LocalTime.parse(arg.get("clock").asText());
            } catch (java.time.format.DateTimeParseException e) {
                return arg.get("clock").asText();
            }
        }
        if (arg.isArray()) {
            List<Object> list = new ArrayList<>();
            arg.forEach(item -> list.add(decodeValue(item)));
            return list;
        }
        if (arg.isIntegralNumber()) {
            return arg.asLong();
        }
        if (arg.isNumber()) {
            return arg.asDouble();
        }
        if (arg.isBoolean()) {
            return arg.asBoolean();
        }
        return arg.asText();
    }
}
