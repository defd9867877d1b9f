package io.welno.console.flow;

import io.welno.console.text.Masking;
import io.welno.console.text.Phrase;
import io.welno.console.text.SafeText;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One audit entry. Stored in the Redis stream as these string fields (in this order):
 * {@code time} (ISO-8601 instant, UTC), {@code action_id}, {@code event}, {@code operator}, {@code role},
 * {@code action}, {@code session}, {@code reason}, {@code override} ("true"/"false"),
 * {@code status_before}, {@code status_after} ("" when unknown), {@code result}, {@code message}, and
 * {@code batch_id} for the entries of a bulk run.
 *
 * @param event  {@code attempt} for every {@link FlowService#perform} call, {@code collection-finished} when a
 *               background collection ends, {@code revert-detected} when an applied change was overwritten,
 *               {@code reapply} for each attempt to put a reverted change back, {@code reveal} when personal
 *               data was shown unmasked
 * @param result an {@link ActionResult.Outcome} name for attempts and re-applies, a
 *               {@link CollectionFinished.Result} name for collections, {@code REVERTED} for reverts
 * @param message what the operator was told, as a code ({@link PhraseCodec} JSON in the stream, so every console
 *                shows it in its own language)
 * @param streamId the stream entry id when read back from Redis, else null
 */
public record AuditRecord(Instant time, String actionId, String event, String operator, Role role, String action,
                          String sessionId, String reason, boolean override, String statusBefore, String statusAfter,
                          String result, Phrase message, String streamId, String batchId) {

    /** An entry that belongs to no bulk run. */
    public AuditRecord(Instant time, String actionId, String event, String operator, Role role, String action,
                       String sessionId, String reason, boolean override, String statusBefore, String statusAfter,
                       String result, Phrase message, String streamId) {
        this(time, actionId, event, operator, role, action, sessionId, reason, override, statusBefore, statusAfter,
                result, message, streamId, "");
    }

    public static final String ATTEMPT = "attempt";
    public static final String COLLECTION_FINISHED = "collection-finished";
    public static final String REVERT_DETECTED = "revert-detected";
    public static final String REAPPLY = "reapply";
    /** The end of an applied action's hold: its result is the hold's ({@link HoldOutcome.Kind}), the last word. */
    public static final String HOLD_ENDED = "hold-ended";
    public static final String REVEAL = "reveal";

    public AuditRecord {
        Objects.requireNonNull(time, "time");
        actionId = nz(actionId);
        event = nz(event);
        operator = nz(operator);
        action = nz(action);
        sessionId = nz(sessionId);
        reason = nz(reason);
        statusBefore = nz(statusBefore);
        statusAfter = nz(statusAfter);
        result = nz(result);
        message = message == null ? Phrase.of("text.empty") : message;
        batchId = nz(batchId);
    }

    /** Stored ids, names and codes are cut at this many characters. */
    public static final int FIELD_LIMIT = 256;
    /** Stored messages are cut at this many characters. */
    public static final int TEXT_LIMIT = 2000;

    /**
     * This record as it is stored: every field cut to a bound (saying how long the whole was), so a megabyte
     * id or a ten-kilobyte text that got this far cannot fill the shared stream. A valid reason is never cut.
     */
    public AuditRecord bounded() {
        return new AuditRecord(time, SafeText.shortened(actionId, FIELD_LIMIT), SafeText.shortened(event, FIELD_LIMIT),
                SafeText.shortened(operator, FIELD_LIMIT), role, SafeText.shortened(action, FIELD_LIMIT),
                SafeText.shortened(sessionId, FIELD_LIMIT),
                SafeText.shortened(reason, 2 * ActionRequest.MAX_REASON_LENGTH + 40), override,
                SafeText.shortened(statusBefore, FIELD_LIMIT), SafeText.shortened(statusAfter, FIELD_LIMIT),
                SafeText.shortened(result, FIELD_LIMIT), bounded(message), streamId, SafeText.shortened(batchId, FIELD_LIMIT));
    }

    /** A message's text arguments cut so that the whole stays near {@link #TEXT_LIMIT} characters. */
    private static Phrase bounded(Phrase phrase) {
        java.util.List<Object> args = new java.util.ArrayList<>();
        for (Object arg : phrase.args()) {
            args.add(arg instanceof Phrase nested ? bounded(nested)
                    : arg instanceof String text ? SafeText.shortened(text, TEXT_LIMIT / 2) : arg);
        }
        return new Phrase(phrase.key(), args);
    }

    /** The stream fields, in a stable order. */
    public Map<String, String> toFields() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("time", time.toString());
        f.put("action_id", actionId);
        f.put("event", event);
        f.put("operator", operator);
        f.put("role", role == null ? "" : role.wire());
        f.put("action", action);
        f.put("session", sessionId);
        f.put("reason", reason);
        f.put("override", Boolean.toString(override));
        f.put("status_before", statusBefore);
        f.put("status_after", statusAfter);
        f.put("result", result);
        f.put("message", PhraseCodec.encode(message));
        if (!batchId.isEmpty()) {
            f.put("batch_id", batchId);
        }
        return f;
    }

    /**
     * Reads the fields back; unknown or missing fields are tolerated (other console versions may write them). A
     * reason's personal numbers are masked: versions before the check that refuses them (ActionRequest) let them in.
     */
    public static AuditRecord fromFields(String streamId, Map<String, String> f) {
        Instant time;
        try {
            time = Instant.parse(f.getOrDefault("time", ""));
        } catch (RuntimeException e) {
            time = streamTime(streamId);
        }
        Role role;
        try {
            role = Role.fromWire(f.getOrDefault("role", ""));
        } catch (IllegalArgumentException e) {
            role = null;
        }
        return new AuditRecord(time, f.get("action_id"), f.get("event"), f.get("operator"), role, f.get("action"),
                f.get("session"), Masking.personalNumbers(f.get("reason")), Boolean.parseBoolean(f.get("override")),
                f.get("status_before"), f.get("status_after"), f.get("result"), PhraseCodec.decode(f.get("message")),
                streamId, f.get("batch_id"));
    }

    private static Instant streamTime(String streamId) {
        try {
            return Instant.ofEpochMilli(Long.parseLong(streamId.substring(0, streamId.indexOf('-'))));
        } catch (RuntimeException e) {
            return Instant.EPOCH;
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
