package io.welno.console.tilko;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * One visit or dispensing event from {@code RetrieveTreatmentInjectionInformationPerson}
 * {@code ResultList[]} (docs/tilko.md). Field names follow Tilko's romanized Korean, translated.
 *
 * @param institution    ByungEuiwonYakGukMyung: hospital or pharmacy name
 * @param treatmentStart JinRyoGaesiIl: "yyyy-MM-dd" (sometimes "yyyyMMdd"); see {@link #treatmentStartDate()}
 * @param careType       JinRyoHyungTae: 외래, 처방조제, …
 */
public record Prescription(String idx, String page, String institution, String address, String treatmentStart,
                           String careType, String visitDays, String prescriptionCount, String medicationCount,
                           List<Drug> drugs) {

    /**
     * One drug line ({@code RetrieveTreatmentInjectionInformationPersonDetailList[]}).
     *
     * @param drugInfo RetrieveMdsupDtlInfo as sent (object, sometimes an array), or null
     */
    public record Drug(String idx, String prescribedOn, String careType, String prescriptionCount, String name,
                       String efficacy, String days, String drugCode, String nameAddr, JsonNode drugInfo) {
    }

    /** The treatment start as a date, accepting both formats seen in the field. */
    public Optional<LocalDate> treatmentStartDate() {
        String s = treatmentStart.strip();
        for (DateTimeFormatter f : List.of(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.BASIC_ISO_DATE)) {
            try {
                return Optional.of(LocalDate.parse(s, f));
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        return Optional.empty();
    }

    /** Parses {@code ResultList} of a prescription envelope; unknown fields are ignored. */
    public static List<Prescription> listFrom(JsonNode envelope) {
        return Checkup.map(Payloads.resultList(envelope), Prescription::from);
    }

    static Prescription from(JsonNode n) {
        return new Prescription(TilkoJson.textOrEmpty(n, "Idx"), TilkoJson.textOrEmpty(n, "Page"),
                TilkoJson.textOrEmpty(n, "ByungEuiwonYakGukMyung"), TilkoJson.textOrEmpty(n, "Address"),
                TilkoJson.textOrEmpty(n, "JinRyoGaesiIl"), TilkoJson.textOrEmpty(n, "JinRyoHyungTae"),
                TilkoJson.textOrEmpty(n, "BangMoonIpWonIlsoo"), TilkoJson.textOrEmpty(n, "CheoBangHoiSoo"),
                TilkoJson.textOrEmpty(n, "TuYakYoYangHoiSoo"),
                Checkup.map(n.get("RetrieveTreatmentInjectionInformationPersonDetailList"), d -> new Drug(
                        TilkoJson.textOrEmpty(d, "Idx"), TilkoJson.textOrEmpty(d, "JinRyoChoBangIlja"),
                        TilkoJson.textOrEmpty(d, "JinRyoHyungTae"), TilkoJson.textOrEmpty(d, "ChoBangHoetSoo"),
                        TilkoJson.textOrEmpty(d, "ChoBangYakPumMyung"),
                        TilkoJson.textOrEmpty(d, "ChoBangYakPumHyoneung"), TilkoJson.textOrEmpty(d, "TuyakIlSoo"),
                        TilkoJson.textOrEmpty(d, "DrugCode"), TilkoJson.textOrEmpty(d, "NameAddr"),
                        d.hasNonNull("RetrieveMdsupDtlInfo") ? d.get("RetrieveMdsupDtlInfo") : null)));
    }
}
