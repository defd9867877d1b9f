package io.welno.console.tilko.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.welno.console.tilko.TilkoEndpoint;
import io.welno.console.tilko.TilkoJson;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of every HTTP exchange: routes case-insensitively (ASP.NET-style, duplicate slashes
 * collapsed) to the Tilko protocol or to the simulator's own {@code /_sim} control API, and turns any
 * unexpected exception into a JSON error so a client under test never sees a dropped connection.
 */
final class SimHttpHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(SimHttpHandler.class);
    static final String CONTROL_PREFIX = "/_sim";

    private final TilkoSimulator sim;
    private final ProtocolHandler protocol;
    private final ControlHandler control;

    SimHttpHandler(TilkoSimulator sim) {
        this.sim = sim;
        this.protocol = new ProtocolHandler(sim);
        this.control = new ControlHandler(sim);
    }

    @Override
    public void handle(HttpExchange ex) {
        try (ex) {
            Reply reply;
            try {
                reply = route(ex);
            } catch (Exception | Error e) {
                if (e instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
                    return; // the simulator is closing
                }
                log.warn("simulator: internal error on {} {}: {}", ex.getRequestMethod(),
                        TilkoEndpoint.normalizePath(rawPath(ex.getRequestURI())), e.toString());
                reply = Reply.json(500, simpleError(500, "시뮬레이터 내부 오류가 발생했습니다."));
            }
            send(ex, reply);
        } catch (IOException e) {
            // The client went away (e.g. it timed out on a SLOW answer); nothing left to do.
            log.debug("simulator: could not write the answer: {}", e.toString());
        }
    }

    private Reply route(HttpExchange ex) throws IOException {
        String path = TilkoEndpoint.normalizePath(rawPath(ex.getRequestURI()));
        String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
        if (path.equals(CONTROL_PREFIX) || path.startsWith(CONTROL_PREFIX + "/")) {
            return control.handle(method, path.substring(CONTROL_PREFIX.length()), ex);
        }
        TilkoEndpoint endpoint = TilkoEndpoint.forPath(path).orElse(null);
        if (endpoint == null) {
            return Reply.json(404, simpleError(404, "요청한 API를 찾을 수 없습니다."));
        }
        if (!endpoint.method().equals(method)) {
            return Reply.json(405, simpleError(405, endpoint.path() + " 는 " + endpoint.method() + " 요청만 받습니다."));
        }
        sim.countRequest(endpoint);
        if (endpoint == TilkoEndpoint.PUBLIC_KEY) {
            return protocol.publicKey(ex);
        }
        sim.callStarted();
        try {
            return protocol.post(endpoint, ex);
        } finally {
            sim.callEnded();
        }
    }

    private static void send(HttpExchange ex, Reply reply) throws IOException {
        ex.getResponseHeaders().set("Content-Type", reply.contentType());
        ex.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
        if (reply.body().length > 0) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(reply.body());
            }
        }
    }

    static ObjectNode simpleError(int code, String message) {
        ObjectNode n = TilkoJson.mapper().createObjectNode();
        n.put("Status", "Error");
        n.put("StatusSeq", 0);
        n.put("ErrorCode", code);
        n.put("Message", message);
        return n;
    }

    /**
     * The path as sent. {@code URI.getPath()} would read the official samples' {@code //api/Auth/...} as
     * an authority ("api") followed by {@code /Auth/...}, so the request target is cut by hand.
     */
    static String rawPath(URI uri) {
        if (uri.isAbsolute()) {
            return uri.getRawPath();
        }
        String target = uri.toString();
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    /** Query parameters with lower-cased names: Tilko's samples spell the key {@code APIkey} and {@code ApiKey}. */
    static Map<String, String> queryParams(URI uri) {
        Map<String, String> out = new HashMap<>();
        String q = uri.getRawQuery();
        if (q == null || q.isEmpty()) {
            return out;
        }
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT),
                    URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    static String newApiTxKey() {
        return UUID.randomUUID().toString();
    }
}
