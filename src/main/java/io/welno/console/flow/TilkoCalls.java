package io.welno.console.flow;

import com.fasterxml.jackson.databind.JsonNode;
import io.welno.console.session.AuthCredentials;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.UserInfo;
import io.welno.console.tilko.TilkoCredentials;
import io.welno.console.tilko.TilkoPerson;
import io.welno.console.tilko.TilkoResult;

/**
 * What the actions hand to Tilko and what they read from its answers; never personal data. How an answer is said
 * to an operator is the answer's own ({@link TilkoResult#phrase()}): only the client knows what it made up.
 */
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

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
