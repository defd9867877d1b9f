package io.welno.console.tilko.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.welno.console.tilko.TilkoEndpoint;
import io.welno.console.tilko.TilkoJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The simulator's own HTTP control API under {@code /_sim}, so a simulator started from the command
 * line can be driven with curl (approve, expire, switch failures). Same operations as the Java API.
 */
final class ControlHandler {

    static final String HELP = String.join("\n",
            "GET  /_sim/sessions                         sessions (masked)",
            "POST /_sim/approve?cxId=ID                  approve one session (no cxId: all pending)",
            "POST /_sim/approve?person=NAME_OR_PHONE     approve that person's sessions",
            "POST /_sim/expire?cxId=ID                   expire one session",
            "POST /_sim/approval-delay?value=5s|manual   change the automatic approval delay",
            "GET  /_sim/failures                         active failure rules",
            "POST /_sim/failure?mode=MODE[&person=P][&endpoints=CHECKUPS,PRESCRIPTIONS][&times=N]",
            "POST /_sim/failure/clear                    remove every failure rule",
            "modes: NONE BAD_API_KEY BAD_ENC_KEY NOT_APPROVED EXPIRED IDENTITY_MISMATCH EMPTY_HISTORY",
            "       NO_DATA_ERROR TEMPORARY_FAILURE SLOW HTML SERVER_ERROR APP_NOT_LINKED");

    private final TilkoSimulator sim;

    ControlHandler(TilkoSimulator sim) {
        this.sim = sim;
    }

    Reply handle(String method, String subPath, HttpExchange ex) {
        Map<String, String> q = SimHttpHandler.queryParams(ex.getRequestURI());
        try {
            switch (method + " " + subPath) {
                case "GET ", "GET /":
                    return Reply.text(200, HELP + "\n");
                case "GET /sessions":
                    return Reply.json(200, sessions());
                case "POST /approve":
                    return approve(q);
                case "POST /approve-all":
                    return Reply.json(200, count("approved", sim.approveAll()));
                case "POST /expire":
                    return Reply.json(200, flag("expired", sim.expire(required(q, "cxid"))));
                case "POST /approval-delay":
                    Duration d = SimDurations.parseOrManual(required(q, "value"));
                    sim.setApprovalDelay(d);
                    return Reply.json(200, flag("ok", true));
                case "GET /failures":
                    return Reply.json(200, failures());
                case "POST /failure":
                    return Reply.json(200, flag("ok", addFailure(q) != null));
                case "POST /failure/clear":
                    sim.clearFailures();
                    return Reply.json(200, flag("ok", true));
                default:
                    return Reply.text(404, "unknown control call\n" + HELP + "\n");
            }
        } catch (IllegalArgumentException e) {
            return Reply.text(400, e.getMessage() + "\n");
        }
    }

    private Reply approve(Map<String, String> q) {
        if (q.containsKey("cxid")) {
            return Reply.json(200, flag("approved", sim.approve(q.get("cxid"))));
        }
        if (q.containsKey("person")) {
            return Reply.json(200, count("approved", sim.approvePerson(q.get("person"))));
        }
        return Reply.json(200, count("approved", sim.approveAll()));
    }

    private FailureRule addFailure(Map<String, String> q) {
        FailureMode mode = FailureMode.valueOf(required(q, "mode").strip().toUpperCase(Locale.ROOT));
        FailureRule rule = FailureRule.of(mode);
        String endpoints = q.get("endpoints");
        if (endpoints != null && !endpoints.isBlank()) {
            List<TilkoEndpoint> list = new ArrayList<>();
            for (String e : endpoints.split(",")) {
                list.add(TilkoEndpoint.valueOf(e.strip().toUpperCase(Locale.ROOT)));
            }
            rule = rule.on(list.toArray(TilkoEndpoint[]::new));
        }
        if (q.get("person") != null && !q.get("person").isBlank()) {
            rule = rule.forPerson(q.get("person"));
        }
        if (q.get("times") != null) {
            rule = rule.times(Integer.parseInt(q.get("times").strip()));
        }
        return sim.addFailure(rule);
    }

    private ArrayNode sessions() {
        ArrayNode arr = TilkoJson.mapper().createArrayNode();
        for (SimSession s : sim.sessions()) {
            ObjectNode n = arr.addObject();
            n.put("cxId", s.cxId());
            n.put("state", s.state().name());
            n.put("privateAuthType", s.privateAuthType());
            n.put("createdAt", s.createdAt().toString());
            n.put("name", s.maskedName());
            n.put("phone", s.maskedPhone());
        }
        return arr;
    }

    private ArrayNode failures() {
        ArrayNode arr = TilkoJson.mapper().createArrayNode();
        sim.failures().forEach(r -> arr.add(r.toString()));
        return arr;
    }

    private static String required(Map<String, String> q, String name) {
        String v = q.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing query parameter " + name);
        }
        return v;
    }

    private static ObjectNode flag(String name, boolean value) {
        ObjectNode n = TilkoJson.mapper().createObjectNode();
        n.put(name, value);
        return n;
    }

    private static ObjectNode count(String name, int value) {
        ObjectNode n = TilkoJson.mapper().createObjectNode();
        n.put(name, value);
        return n;
    }
}
