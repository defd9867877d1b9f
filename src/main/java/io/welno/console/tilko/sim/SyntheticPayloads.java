package io.welno.console.tilko.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Complete, successful Tilko answers for synthetic people, shaped exactly as the simulator sends them,
 * for code that needs realistic {@code health_data}/{@code prescription_data} without an HTTP round trip
 * (the demo's backend-like traffic).
 */
public final class SyntheticPayloads {

    private SyntheticPayloads() {
    }

    public static ObjectNode checkupEnvelope(String name, String birthDate, LocalDate today) {
        return SimEnvelope.ok("ResultList", SyntheticRecords.checkups(name, birthDate, today))
                .build(UUID.randomUUID().toString(), "8900.00");
    }

    /** The backend asks for today-420 d … today-60 d. */
    public static ObjectNode prescriptionEnvelope(String name, String birthDate, LocalDate today) {
        return SimEnvelope.ok("ResultList",
                        SyntheticRecords.prescriptions(name, birthDate, today.minusDays(420), today.minusDays(60)))
                .build(UUID.randomUUID().toString(), "8800.00");
    }
}
