package io.welno.console.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.session.ConsoleClaim;
import io.welno.console.session.SessionDocument;
import io.welno.console.text.SafeText;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * What the console leaves in a document so people and the console itself can tell its writes apart:
 * <ul>
 *   <li>every message it appends ends with {@code [콘솔 …#actionId]}; the first message of an action names
 *       the operator and the reason: {@code [콘솔 kim · 사유: customer called · #3f2a91c0]};</li>
 *   <li>while a Tilko call is outstanding (simple-auth, collect) the document carries
 *       {@code "console_claim": {"id", "action", "operator", "owner", "at", "lease_until"}}. Later writes of the
 *       same action require the claim to still be theirs, so a reset or another console's claim stops them. The
 *       owner (this console instance) renews {@code lease_until} while its call is out ({@link LeaseKeeper}); a
 *       claim past its lease has lost its owner and counts as stuck at once. It is removed when the action ends.
 *       The backend ignores the field and, rewriting whole documents, keeps it.</li>
 * </ul>
 */
final class ConsoleMarks {

    static final String CLAIM = ConsoleClaim.FIELD;
    static final String LEASE_UNTIL = "lease_until";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ConsoleMarks() {
    }

    static String newActionId() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The first message of an action: names the operator and the reason (and an override). */
    static String first(String text, Operator operator, ActionRequest request, String actionId) {
        return text + " [콘솔 " + oneLine(operator.name()) + " · 사유: " + oneLine(request.reason())
                + (request.overrideGuards() ? " · 개발자 재정의" : "") + " · #" + actionId + "]";
    }

    /** A later message of the same action. */
    static String next(String text, String actionId) {
        return text + " [콘솔 #" + actionId + "]";
    }

    static ObjectNode claim(String actionId, ActionKind kind, Operator operator, String owner, String now,
                            String leaseUntil) {
        ObjectNode claim = JsonNodeFactory.instance.objectNode();
        claim.put("id", actionId);
        claim.put("action", kind.wire());
        claim.put("operator", operator.name());
        claim.put("owner", owner);
        claim.put("at", now);
        claim.put(LEASE_UNTIL, leaseUntil);
        return claim;
    }

    /** The id of the console action that currently claims the session, or null. */
    static String claimId(SessionDocument doc) {
        JsonNode claim = doc.tree().get(CLAIM);
        return claim != null && claim.isObject() && claim.hasNonNull("id") ? claim.get("id").asText() : null;
    }

    static String claimAt(SessionDocument doc) {
        JsonNode claim = doc.tree().get(CLAIM);
        return claim != null && claim.isObject() && claim.hasNonNull("at") ? claim.get("at").asText() : null;
    }

    /**
     * The text on one line, cut after 200 characters between two grapheme clusters, never inside one: half of an
     * emoji's surrogate pair left in the message is written as a lone escaped half (U+D83D) that the backend reads,
     * and then cannot encode when it writes the session again (docs/backend-protocol.md: UTF-8 JSON strings); a ZWJ
     * sequence cut after its joiner leaves a joiner that draws nothing, shown escaped wherever the message is read.
     */
    private static String oneLine(String text) {
        return SafeText.clipped(text == null ? "" : text.replaceAll("\\s+", " ").strip(), 200);
    }
}
