package io.welno.console.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.welno.console.session.BackendRules;
import io.welno.console.session.DocumentWarning;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionTimestamp;
import io.welno.console.session.UnreadableSession;
import io.welno.console.store.FileCopy;
import io.welno.console.store.StoredSession;
import io.welno.console.text.Masking;
import io.welno.console.view.Wording;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one-object-per-session shape of {@code list --json}; personal data is masked. Written field by field (building
 * a tree per session and printing it was half of what the listing's printing thread did).
 */
final class SessionSummaryJson {

    private SessionSummaryJson() {
    }

    /**
     * @param now  the backend's wall-clock time (the profile's zone), for its expiry rule
     * @param copy where the session stands against the fallback folder ({@code place}, and {@code differs} with the
     *             fields a diverged file has otherwise); null without {@code --files}, and then neither is written
     */
    static void write(JsonGenerator out, StoredSession stored, LocalDateTime now, FileCopy copy) throws IOException {
        out.writeStartObject();
        out.writeStringField("id", stored.id());
        if (copy != null) {
            out.writeStringField("place", copy.wire());
            out.writeArrayFieldStart("differs");
            for (String field : copy.differing()) {
                out.writeString(field);
            }
            out.writeEndArray();
        }
        if (stored.ttlMillis() == StoredSession.UNKNOWN_TTL) {
            out.writeNullField("ttl");
        } else {
            out.writeNumberField("ttl", stored.ttlMillis() < 0 ? -1 : stored.ttlMillis() / 1000);
        }
        UnreadableSession unreadable = stored.parsed() instanceof UnreadableSession u ? u : null;
        if (unreadable != null && unreadable.refusedByRedis()) {
            out.writeNullField("bytes"); // no value kept to count: not an empty one
        } else {
            out.writeNumberField("bytes", stored.rawBytes());
        }
        if (unreadable != null) {
            out.writeBooleanField("readable", false);
            out.writeStringField("error", Masking.raw(Wording.cli().render(unreadable.reason())));
            // every field a readable row has, so that a script reading one of them finds it on every line
            for (String field : List.of("status", "name", "phone", "provider", "partner", "createdAt", "updatedAt",
                    "expiresAt", "messages", "collectionStarted", "storedPartner")) {
                out.writeNullField(field);
            }
            Boolean backendCanRead = BackendRules.canRead(unreadable);
            if (backendCanRead == null) {
                out.writeNullField("backendCanRead"); // not known: the backend reads values past the console's bounds
            } else {
                out.writeBooleanField("backendCanRead", backendCanRead);
            }
            out.writeNullField("expiredForSeconds");
            out.writeArrayFieldStart("warnings");
            out.writeEndArray();
            out.writeEndObject();
            return;
        }
        SessionDocument doc = (SessionDocument) stored.parsed();
        out.writeBooleanField("readable", true);
        out.writeNullField("error");
        if (doc.status().isMissing()) {
            out.writeNullField("status");
        } else {
            out.writeStringField("status", doc.status().wire());
        }
        out.writeStringField("name", doc.userInfo().maskedName());
        out.writeStringField("phone", doc.userInfo().maskedPhone());
        out.writeStringField("provider", doc.provider().englishName());
        out.writeStringField("partner", doc.partnerId());
        time(out, "createdAt", doc.createdAt());
        time(out, "updatedAt", doc.updatedAt());
        time(out, "expiresAt", doc.expiresAt());
        out.writeNumberField("messages", doc.messageCount());
        out.writeBooleanField("collectionStarted", doc.collectionStarted());
        out.writeStringField("storedPartner", doc.storedPartnerId());
        out.writeBooleanField("backendCanRead", BackendRules.canRead(doc, now));
        Optional<java.time.Duration> expiredFor = BackendRules.expiredFor(doc, now);
        if (expiredFor.isPresent()) {
            out.writeNumberField("expiredForSeconds", expiredFor.get().toSeconds());
        } else {
            out.writeNullField("expiredForSeconds");
        }
        out.writeArrayFieldStart("warnings");
        for (DocumentWarning warning : doc.warnings()) {
            out.writeString(warning.name().toLowerCase(Locale.ROOT)); // the same code in every locale
        }
        for (String warning : BackendRules.ruleWarnings(doc, now)) {
            out.writeString(warning);
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    private static void time(JsonGenerator out, String field, SessionTimestamp time) throws IOException {
        if (time == null) {
            out.writeNullField(field);
        } else {
            out.writeStringField(field, time.raw());
        }
    }
}
