package io.welno.console.tilko;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.OptionalLong;

/**
 * Lenient readers for Tilko envelopes. Logged responses leave fields out, and third-party code sees
 * numbers both as JSON numbers and inside strings (docs/tilko.md, "Client", lenient reading), so nothing here throws
 * on an odd shape: a missing or unusable value reads as {@code null} / empty.
 */
public final class TilkoJson {

    // Exact BigDecimals keep decimal values verbatim: the backend stores the raw answer in the session.
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private TilkoJson() {
    }

    /** The shared, thread-safe mapper for Tilko JSON. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A field as text: scalars via {@code asText}, containers as compact JSON, missing/null as {@code null}. */
    public static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    /** Like {@link #text} but {@code ""} for missing values; for typed payload records. */
    public static String textOrEmpty(JsonNode node, String field) {
        String t = text(node, field);
        return t == null ? "" : t;
    }

    /** An integer that may arrive as a JSON number or as a numeric string ("4115", " 0 "). */
    public static OptionalLong number(JsonNode node, String field) {
        String t = text(node, field);
        if (t == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(t.strip()));
        } catch (NumberFormatException e) {
            try {
                // "4115.0" from a loose serializer is still code 4115.
                return OptionalLong.of(new java.math.BigDecimal(t.strip()).longValueExact());
            } catch (NumberFormatException | ArithmeticException e2) {
                return OptionalLong.empty();
            }
        }
    }

    /** A boolean that may arrive as {@code true}, {@code "true"}/{@code "True"} or {@code 1}. */
    public static boolean bool(JsonNode node, String field) {
        String t = text(node, field);
        if (t == null) {
            return false;
        }
        String s = t.strip();
        return s.equalsIgnoreCase("true") || s.equals("1");
    }
}
