package io.welno.console.tilko;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.text.Phrase;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The outcome of one Tilko call. Never an exception: transport failures, HTML pages and malformed
 * answers all arrive here as {@link TilkoClassification#ERROR} (or NOT_APPROVED_YET for the backend's
 * HTML rule) with a synthetic envelope shaped like the backend's (docs/backend-protocol.md).
 *
 * <p>{@link #envelope()} is the JSON object exactly as Tilko sent it (or the synthetic one); the
 * backend stores it verbatim as {@code health_data}/{@code prescription_data}, so treat it as read-only.
 *
 * <p>A synthetic envelope's message is the backend's Korean sentence for the session, not words for an operator; so
 * the client, which alone knows what it made up and why, attaches {@link #said()} where it makes the result, and
 * {@link #phrase()} says the result in either language without working it out again from the codes.
 *
 * @param <T> the typed payload, present only on SUCCESS
 */
public final class TilkoResult<T> {

    /** How far the request got: what an operator is told about whether Tilko may have acted on it. */
    public enum Delivery {
        /** Tilko answered, however badly (a refusal, an error page, an unreadable body). */
        ANSWERED,
        /** The request went out and no answer came back (a read timeout, a call broken off). */
        UNANSWERED,
        /** Nothing was sent: no API key, no public key, no connection, a failed TLS handshake. */
        NOT_SENT
    }

    private final TilkoEndpoint endpoint;
    private final TilkoClassification classification;
    private final ObjectNode envelope;
    private final T payload;
    private final int httpStatus;
    private final String detail;
    private final Phrase said;
    private final Delivery delivery;

    TilkoResult(TilkoEndpoint endpoint, TilkoClassification classification, ObjectNode envelope, T payload,
                int httpStatus, String detail) {
        this(endpoint, classification, envelope, payload, httpStatus, detail, null, Delivery.ANSWERED);
    }

    TilkoResult(TilkoEndpoint endpoint, TilkoClassification classification, ObjectNode envelope, T payload,
                int httpStatus, String detail, Phrase said, Delivery delivery) {
        this.endpoint = Objects.requireNonNull(endpoint);
        this.classification = Objects.requireNonNull(classification);
        this.envelope = Objects.requireNonNull(envelope);
        this.payload = classification == TilkoClassification.SUCCESS ? payload : null;
        this.httpStatus = httpStatus;
        this.detail = detail;
        this.said = said;
        this.delivery = Objects.requireNonNull(delivery);
    }

    public TilkoEndpoint endpoint() {
        return endpoint;
    }

    public TilkoClassification classification() {
        return classification;
    }

    public boolean isSuccess() {
        return classification == TilkoClassification.SUCCESS;
    }

    /** The raw (or synthetic) envelope; do not mutate. */
    public ObjectNode envelope() {
        return envelope;
    }

    /** The typed payload; empty unless SUCCESS. */
    public Optional<T> payload() {
        return Optional.ofNullable(payload);
    }

    /** The HTTP status of Tilko's answer, or 0 when there was none (timeout, connection failure, bad config). */
    public int httpStatus() {
        return httpStatus;
    }

    /** {@code Status} as sent ("OK", "Error"), or null. */
    public String status() {
        return TilkoJson.text(envelope, "Status");
    }

    /** {@code ErrorCode} as text (Tilko sends a number; some answers a string), or null. */
    public String errorCode() {
        return TilkoJson.text(envelope, "ErrorCode");
    }

    /** {@code ErrorCode} as a number, when it is one. */
    public OptionalLong errorCodeNumber() {
        return TilkoJson.number(envelope, "ErrorCode");
    }

    /** The backend's error text: {@code Message}, else {@code ErrMsg}, HTML stripped. Never null. */
    public String message() {
        return TilkoClassifier.errorText(envelope);
    }

    public String targetCode() {
        return TilkoJson.text(envelope, "TargetCode");
    }

    public String targetMessage() {
        return TilkoJson.text(envelope, "TargetMessage");
    }

    /** The transaction id to quote to Tilko support. */
    public String apiTxKey() {
        return TilkoJson.text(envelope, "ApiTxKey");
    }

    public String errorLog() {
        return TilkoJson.text(envelope, "ErrorLog");
    }

    /** The synthetic {@code ResultCode} (AUTH_PENDING, HTTP_503, TIMEOUT, …) when the client made the envelope up. */
    public String resultCode() {
        return TilkoJson.text(envelope, "ResultCode");
    }

    /** The client's own explanation (why an OK was not a success, what failed in transport); may be null. */
    public String detail() {
        return detail;
    }

    /** {@link TilkoClassifier#okWithoutTicket}: an OK to SimpleAuthRequest that carried no CxId. */
    public boolean okWithoutTicket() {
        return TilkoClassifier.okWithoutTicket(endpoint, classification, envelope);
    }

    /**
     * The client's own words for a result it made up (no answer, an HTTP error page, an unreadable body, no API key,
     * no public key, an OK without a CxId and without a message); null when Tilko's answer speaks for itself.
     */
    public Phrase said() {
        return said;
    }

    /**
     * Whether this request went out and no answer came back (a read timeout, a call broken off): Tilko may have done
     * its work — for SimpleAuthRequest, sent a push to the phone. False when nothing was sent (no key, no public key,
     * no connection) or Tilko answered, however badly; only the client knows which step failed.
     */
    public boolean mayHaveReachedTilko() {
        return delivery == Delivery.UNANSWERED;
    }

    /** Whether the request went out at all ({@link Delivery#NOT_SENT}: Tilko cannot have acted on it). */
    public boolean wasSent() {
        return delivery != Delivery.NOT_SENT;
    }

    /**
     * What to tell an operator: {@link #said()}, else Tilko's code and its own message ("ErrorCode 4115: "…""),
     * which the client has scrubbed of the API key and the edge sanitises when it words it.
     */
    public Phrase phrase() {
        if (said != null) {
            return said;
        }
        String code = errorCode() != null ? "ErrorCode " + errorCode()
                : resultCode() != null ? resultCode()
                : httpStatus != 0 && httpStatus != 200 ? "HTTP " + httpStatus : null;
        return tilkoSaid(code, !message().isEmpty() ? message() : detail, classification);
    }

    /** Tilko's code and message as an argument; with neither, the classification is all there is to say. */
    static Phrase tilkoSaid(String code, String message, TilkoClassification classification) {
        boolean silent = message == null || message.isEmpty();
        if (code == null) {
            return silent ? Phrase.of("tilko.classification." + classification.name())
                    : Phrase.of("tilko.said", message);
        }
        return silent ? Phrase.of("tilko.code", code) : Phrase.of("tilko.codeSaid", code, message);
    }

    /** One English line for logs and tests: classification, codes, messages; never personal data or the API key. */
    public String describe() {
        StringBuilder sb = new StringBuilder().append(endpoint).append(' ').append(classification);
        append(sb, "HTTP", httpStatus == 0 ? null : String.valueOf(httpStatus));
        append(sb, "ResultCode", resultCode());
        append(sb, "ErrorCode", errorCode());
        append(sb, "Message", message().isEmpty() ? null : message());
        append(sb, "TargetCode", targetCode());
        append(sb, "TargetMessage", targetMessage());
        append(sb, "ApiTxKey", apiTxKey());
        append(sb, "detail", detail);
        return sb.toString();
    }

    private static void append(StringBuilder sb, String label, String value) {
        if (value != null && !value.isEmpty()) {
            sb.append(", ").append(label).append('=').append(value);
        }
    }

    @Override
    public String toString() {
        return "TilkoResult[" + describe() + "]";
    }
}
