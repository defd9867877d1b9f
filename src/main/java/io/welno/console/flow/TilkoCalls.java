package io.welno.console.flow;

import com.fasterxml.jackson.databind.JsonNode;
import io.welno.console.session.AuthCredentials;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.UserInfo;
import io.welno.console.text.Phrase;
import io.welno.console.tilko.TilkoCredentials;
import io.welno.console.tilko.TilkoPerson;
import io.welno.console.tilko.TilkoResult;
import java.util.Locale;

/** What the actions hand to Tilko and how they describe its answers; never personal data. */
final class TilkoCalls {

    private TilkoCalls() {
    }

    static TilkoPerson person(SessionDocument doc) {
        UserInfo u = doc.userInfo();
        return new TilkoPerson(u.name(), u.birthdate(), u.phoneNo());
    }

    /** For LoginCheck: user_info, else the person echo saved in temp_auth_data. */
    static TilkoPerson personForCheck(SessionDocument doc) {
        UserInfo u = doc.userInfo();
        JsonNode temp = doc.tree().path(SessionDocument.TEMP_AUTH_DATA);
        return new TilkoPerson(firstNonBlank(u.name(), temp.path("userName").asText("")),
                firstNonBlank(u.birthdate(), temp.path("birthDate").asText("")),
                firstNonBlank(u.phoneNo(), temp.path("userCellphoneNumber").asText("")));
    }

    static TilkoCredentials credentials(AuthCredentials a) {
        return new TilkoCredentials(a.cxId(), a.privateAuthType(), a.reqTxId(), a.token(), a.txId());
    }

    /**
     * Whether the call got no answer (it timed out after connecting, or broke off): the request may have reached
     * Tilko and done its work — for SimpleAuthRequest, sent a push to the phone.
     */
    static boolean mayHaveReachedTilko(TilkoResult<?> r) {
        return r.httpStatus() == 0 && ("UNEXPECTED_ERROR".equals(r.resultCode())
                || "TIMEOUT".equals(r.resultCode()) && !connectTimedOut(r));
    }

    private static boolean connectTimedOut(TilkoResult<?> r) {
        return r.detail() != null && r.detail().toLowerCase(Locale.ROOT).contains("connect timed out");
    }

    /**
     * Tilko's code and its own message ("ErrorCode 4115: "…""); the client has scrubbed the API key. When the client
     * made the answer up (no answer, an HTTP error page, an unreadable body, no API key, no public key), the
     * envelope's message is the backend's Korean sentence for the session, so what happened is said in the reader's
     * language instead, with the client's detail or Tilko's own text as arguments.
     */
    static Phrase describe(TilkoResult<?> r) {
        String detail = r.detail() == null ? "" : r.detail();
        String resultCode = r.resultCode() == null ? "" : r.resultCode();
        switch (resultCode) {
            case "TIMEOUT":
                return Phrase.of(connectTimedOut(r) ? "tilko.notReached" : "tilko.noAnswer", detail);
            case "CONNECTION_ERROR":
                return Phrase.of("tilko.notReached", detail);
            case "UNEXPECTED_ERROR":
                return Phrase.of("tilko.callBroke", detail);
            case "INVALID_RESPONSE":
                return Phrase.of("tilko.unreadable");
            case "AUTH_PENDING":
                return Phrase.of("tilko.htmlAnswer");
            case "CONFIGURATION_ERROR":
                return Phrase.of("tilko.noApiKey");
            case "PUBLIC_KEY_ERROR":
                if (r.keyProblem() != null) {
                    return noPublicKey(r);
                }
                break;
            default:
                if (resultCode.equals("HTTP_" + r.httpStatus())) {
                    return Phrase.of("tilko.httpStatus", r.httpStatus());
                }
                break;
        }
        if (r.okWithoutTicket() && r.message().isEmpty()) {
            return Phrase.of("tilko.appNotLinked"); // the client's detail says the same, in English only
        }
        String code = tilkoCode(r);
        if (code == null) {
            code = r.resultCode() != null ? r.resultCode()
                    : r.httpStatus() != 0 && r.httpStatus() != 200 ? "HTTP " + r.httpStatus() : null;
        }
        return said(code, !r.message().isEmpty() ? r.message() : r.detail(), r);
    }

    /** No public key: our reason, or Tilko's refusal in its own words (which the client has scrubbed of the key). */
    private static Phrase noPublicKey(TilkoResult<?> r) {
        return switch (r.keyProblem()) {
            case REFUSED -> Phrase.of("tilko.publicKey.refused", said(tilkoCode(r), r.message(), r));
            case REFUSED_SILENTLY -> Phrase.of("tilko.publicKey.refused", said(tilkoCode(r), null, r));
            case UNREADABLE -> Phrase.of("tilko.publicKey.unreadable");
            case OTHER_KEY -> Phrase.of("tilko.publicKey.otherKey");
        };
    }

    private static String tilkoCode(TilkoResult<?> r) {
        return r.errorCode() != null ? "ErrorCode " + r.errorCode() : null;
    }

    private static Phrase said(String code, String message, TilkoResult<?> r) {
        if (code == null && (message == null || message.isEmpty())) {
            return Phrase.of("tilko.classification." + r.classification().name());
        }
        if (code == null) {
            return Phrase.of("tilko.said", message);
        }
        return message == null || message.isEmpty() ? Phrase.of("tilko.code", code)
                : Phrase.of("tilko.codeSaid", code, message);
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
