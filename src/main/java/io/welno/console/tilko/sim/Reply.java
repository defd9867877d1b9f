package io.welno.console.tilko.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;

/** An HTTP answer of the simulator, built first and written once. */
record Reply(int status, String contentType, byte[] body) {

    static final String JSON = "application/json; charset=utf-8";
    static final String HTML = "text/html; charset=utf-8";

    static Reply json(int status, JsonNode node) {
        return new Reply(status, JSON, node.toString().getBytes(StandardCharsets.UTF_8));
    }

    static Reply html(int status, String page) {
        return new Reply(status, HTML, page.getBytes(StandardCharsets.UTF_8));
    }

    static Reply text(int status, String text) {
        return new Reply(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }
}
