package io.welno.console.tilko;

import io.welno.console.text.Masking;
import java.util.Objects;

/**
 * The person whose records are requested. All three values are sent AES-encrypted (docs/tilko.md).
 *
 * @param name      Korean legal name, as the user typed it
 * @param birthDate {@code yyyyMMdd}
 * @param phone     cellphone number, digits (dashes are tolerated by Tilko)
 */
public record TilkoPerson(String name, String birthDate, String phone) {

    public TilkoPerson {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(phone, "phone");
    }

    /** Masked: a person is never printed in clear, even by accident in a log line. */
    @Override
    public String toString() {
        return "TilkoPerson[" + Masking.name(name) + ", " + Masking.birthdate(birthDate) + ", "
                + Masking.phone(phone) + "]";
    }
}
