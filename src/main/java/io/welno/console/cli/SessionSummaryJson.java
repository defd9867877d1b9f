package io.welno.console.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.session.BackendRules;
import io.welno.console.session.DocumentWarning;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionTimestamp;
import io.welno.console.session.UnreadableSession;
import io.welno.console.store.StoredSession;
import io.welno.console.text.Masking;
import java.time.LocalDateTime;

/** The one-object-per-session shape of {@code list --json}; personal data is masked. */
final class SessionSummaryJson {

    private SessionSummaryJson() {
    }

    /** @param now the backend's wall-clock time (the profile's zone), for its expiry rule */
    static ObjectNode of(StoredSession stored, LocalDateTime now) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("id", stored.id());
        if (stored.ttlMillis() == StoredSession.UNKNOWN_TTL) {
            out.putNull("ttl");
        } else {
            out.put("ttl", stored.ttlMillis() < 0 ? -1 : stored.ttlMillis() / 1000);
        }
        out.put("bytes", stored.rawBytes());
        if (stored.parsed() instanceof UnreadableSession unreadable) {
            out.put("readable", false);
            out.put("error", Masking.raw(unreadable.reason()));
            out.putNull("status");
            out.putNull("name");
            out.putNull("updatedAt");
            out.putArray("warnings");
            return out;
        }
        SessionDocument doc = (SessionDocument) stored.parsed();
        out.put("readable", true);
        if (doc.status().isMissing()) {
            out.putNull("status");
        } else {
            out.put("status", doc.status().wire());
        }
        out.put("name", doc.userInfo().maskedName());
        out.put("phone", doc.userInfo().maskedPhone());
        out.put("provider", doc.provider().englishName());
        out.put("partner", doc.partnerId());
        putTime(out, "createdAt", doc.createdAt());
        putTime(out, "updatedAt", doc.updatedAt());
        putTime(out, "expiresAt", doc.expiresAt());
        out.put("messages", doc.messageCount());
        out.put("collectionStarted", doc.collectionStarted());
        out.put("storedPartner", doc.storedPartnerId());
        out.put("backendCanRead", BackendRules.canRead(doc, now));
        BackendRules.expiredFor(doc, now).ifPresentOrElse(ago -> out.put("expiredForSeconds", ago.toSeconds()),
                () -> out.putNull("expiredForSeconds"));
        ArrayNode warnings = out.putArray("warnings");
        for (DocumentWarning warning : doc.warnings()) {
            warnings.add(warning.name().toLowerCase());
        }
        BackendRules.ruleWarnings(doc, now).forEach(warnings::add);
        return out;
    }

    private static void putTime(ObjectNode out, String field, SessionTimestamp time) {
        if (time == null) {
            out.putNull(field);
        } else {
            out.put(field, time.raw());
        }
    }
}
