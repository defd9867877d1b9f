package io.welno.console.tilko;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * @param <T> the typed payload, present only on SUCCESS
 */
public final class TilkoResult<T> {

    /**
     * Why GetPublicKey gave no key to use (ResultCode PUBLIC_KEY_ERROR). The envelope's message is then Tilko's own
     * text or the client's Korean sentence for the session, and only the client knows which.
     */
    public enum KeyProblem {
        /** Tilko said no; {@link TilkoResult#message()} is Tilko's own text. */
        REFUSED,
        /** Tilko said no without a message; {@link TilkoResult#message()} is the client's. */
        REFUSED_SILENTLY,
        /** The answer was not a JSON object, or its PublicKey could not be read. */
        UNREADABLE,
        /** The answer's ApiKey echo is not the key that was sent. */
        OTHER_KEY
    }

    private final TilkoEndpoint endpoint;
    private final TilkoClassification classification;
    private final ObjectNode envelope;
    private final T payload;
    private final int httpStatus;
    private final String detail;
    private final KeyProblem keyProblem;

    TilkoResult(TilkoEndpoint endpoint, TilkoClassification classification, ObjectNode envelope, T payload,
                int httpStatus, String detail) {
        this(endpoint, classification, envelope, payload, httpStatus, detail, null);
    }

    TilkoResult(TilkoEndpoint endpoint, TilkoClassification classification, ObjectNode envelope, T payload,
                int httpStatus, String detail, KeyProblem keyProblem) {
        this.endpoint = Objects.requireNonNull(endpoint);
        this.classification = Objects.requireNonNull(classification);
        this.envelope = Objects.requireNonNull(envelope);
        this.payload = classification == TilkoClassification.SUCCESS ? payload : null;
        this.httpStatus = httpStatus;
        this.detail = detail;
        this.keyProblem = keyProblem;
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

    /** Why there was no public key, for a PUBLIC_KEY_ERROR; null otherwise. */
    public KeyProblem keyProblem() {
        return keyProblem;
    }

    /** One line for operators: classification, codes and messages; never personal data or the API key. */
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
