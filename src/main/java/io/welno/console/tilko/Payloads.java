package io.welno.console.tilko;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where the payload sits in an envelope. Tilko uses {@code ResultData} (object) for SimpleAuthRequest,
 * {@code ResultList} (array) for list endpoints and {@code Result} (object or boolean) elsewhere; these
 * helpers accept any of them so a slightly different answer still parses (docs/tilko.md).
 */
final class Payloads {

    private Payloads() {
    }

    /** The list payload: {@code ResultList}, else an array under {@code Result} or {@code ResultData}; null if none. */
    static JsonNode resultList(JsonNode envelope) {
        for (String field : new String[] {"ResultList", "Result", "ResultData"}) {
            JsonNode n = envelope == null ? null : envelope.get(field);
            if (n != null && n.isArray()) {
                return n;
            }
        }
        return null;
    }

    /**
     * The object payload: {@code ResultData}, else an object under {@code Result}, else the envelope
     * itself (one hackathon client found the tokens at the top level "just in case").
     */
    static JsonNode resultObject(JsonNode envelope) {
        for (String field : new String[] {"ResultData", "Result"}) {
            JsonNode n = envelope.get(field);
            if (n != null && n.isObject() && n.hasNonNull("CxId")) {
                return n;
            }
        }
        return envelope;
    }
}
