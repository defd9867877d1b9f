package io.welno.console.tilko;

import io.welno.console.text.Masking;

/**
 * What a successful SimpleAuthRequest yields: the credentials for follow-up calls plus the person echo
 * from {@code ResultData} (believed to be plaintext; {@code null} when Tilko left a value out). The
 * backend fills {@code temp_auth_data.userName/birthDate/userCellphoneNumber} from these echoes when present.
 */
public record SimpleAuthTicket(TilkoCredentials credentials, String userName, String birthDate,
                               String userCellphoneNumber) {

    @Override
    public String toString() {
        return "SimpleAuthTicket[" + credentials + ", userName=" + Masking.name(userName)
                + ", birthDate=" + Masking.birthdate(birthDate)
                + ", userCellphoneNumber=" + Masking.phone(userCellphoneNumber) + "]";
    }
}
