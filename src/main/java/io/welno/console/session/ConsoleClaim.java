package io.welno.console.session;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The {@code console_claim} object a console leaves in a session while one of its Tilko calls is out
 * (see docs/flow.md, "Claims and leases"). The backend ignores it and, rewriting whole documents, keeps it.
 *
 * @param id         the action id that claims the session
 * @param owner      the console instance that holds the claim (null in claims written before owners existed)
 * @param at         when the claim was taken (naive local time, like every timestamp in the document)
 * @param leaseUntil until when the owner promises to renew it; a claim past its lease has lost its owner
 *                   (null in claims without a lease)
 */
public record ConsoleClaim(String id, String action, String operator, String owner, LocalDateTime at,
                           LocalDateTime leaseUntil) {

    public static final String FIELD = "console_claim";

    static Optional<ConsoleClaim> from(JsonNode node, ZoneId zone) {
        if (node == null || !node.isObject() || !node.hasNonNull("id")) {
            return Optional.empty();
        }
        return Optional.of(of(node.get("id").asText(), text(node, "action"), text(node, "operator"),
                text(node, "owner"), text(node, "at"), text(node, "lease_until"), zone));
    }

    /** From the fields' texts (as read from a tree or straight from the bytes); {@code id} is not null. */
    static ConsoleClaim of(String id, String action, String operator, String owner, String at, String leaseUntil,
                           ZoneId zone) {
        return new ConsoleClaim(id, action, operator, owner, local(at, zone), local(leaseUntil, zone));
    }

    /** Whether the owner let the lease run out: it died or lost Redis, and nobody will release the claim. */
    public boolean leaseLapsed(LocalDateTime now) {
        return leaseUntil != null && now.isAfter(leaseUntil);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static LocalDateTime local(String raw, ZoneId zone) {
        SessionTimestamp parsed = SessionTimestamp.parse(raw, zone);
        return parsed == null ? null : parsed.local();
    }
}
