package io.welno.console.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.welno.console.text.Masking;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Produces a copy of a document that is safe to show or print: the person's name, phone number and
 * birthdate are masked wherever they occur (the backend also writes the name into message texts), and
 * Tilko credentials are shortened. The original tree is never changed.
 */
public final class DocumentMasker {

    private static final Set<String> SECRET_FIELDS = Set.of(
            "token", "Token", "cxId", "CxId", "reqTxId", "ReqTxId", "txId", "TxId");

    private DocumentMasker() {
    }

    public static ObjectNode mask(SessionDocument document) {
        Map<String, String> replacements = replacementsFor(document.userInfo());
        ObjectNode copy = document.tree().deepCopy();
        maskNode(copy, replacements);
        return copy;
    }

    /**
     * A masked copy of one value of the document {@code person} is from (a field a diff names), masked as {@link #mask}
     * would mask it there, without copying the whole document.
     *
     * @param field the name the value has in its parent (a secret field's value is shortened), or null for an entry
     */
    public static JsonNode maskValue(UserInfo person, String field, JsonNode value) {
        Map<String, String> replacements = replacementsFor(person);
        ObjectNode holder = JsonNodeFactory.instance.objectNode();
        holder.set(field == null ? "" : field, value.deepCopy());
        maskNode(holder, replacements);
        return holder.get(field == null ? "" : field);
    }

    /** Masks a single free text (a message, a log line) for the given person. */
    public static String maskText(String text, UserInfo user) {
        if (text == null) {
            return null;
        }
        Map<String, String> replacements = replacementsFor(user);
        return replaceAll(text, replacements);
    }

    private static Map<String, String> replacementsFor(UserInfo user) {
        Map<String, String> replacements = new LinkedHashMap<>();
        addReplacement(replacements, user.name(), Masking.name(user.name()));
        addReplacement(replacements, user.phoneNo(), Masking.phone(user.phoneNo()));
        addReplacement(replacements, user.birthdate(), Masking.birthdate(user.birthdate()));
        return replacements;
    }

    private static void addReplacement(Map<String, String> replacements, String secret, String masked) {
        // Very short values (a one-letter name) would mask unrelated text; they are masked field-wise only.
        if (secret != null && secret.strip().length() >= 2) {
            replacements.put(secret.strip(), masked);
        }
        // A value with control or invisible characters in it is also masked as a person reads it: the backend
        // may write the readable part alone into a message.
        String visible = Masking.visible(secret).strip();
        if (secret != null && visible.length() >= 2 && !visible.equals(secret.strip())) {
            replacements.put(visible, masked);
        }
    }

    private static void maskNode(JsonNode node, Map<String, String> replacements) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                if (value.isTextual() && SECRET_FIELDS.contains(field.getKey())) {
                    field.setValue(TextNode.valueOf(Masking.token(value.asText())));
                } else if (value.isTextual()) {
                    field.setValue(TextNode.valueOf(replaceAll(value.asText(), replacements)));
                } else {
                    maskNode(value, replacements);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                if (value.isTextual()) {
                    array.set(i, TextNode.valueOf(replaceAll(value.asText(), replacements)));
                } else {
                    maskNode(value, replacements);
                }
            }
        }
    }

    private static String replaceAll(String text, Map<String, String> replacements) {
        String out = text;
        for (Map.Entry<String, String> replacement : replacements.entrySet()) {
            out = out.replace(replacement.getKey(), replacement.getValue());
        }
        return out;
    }
}
