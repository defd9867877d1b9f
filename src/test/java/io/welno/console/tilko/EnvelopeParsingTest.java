package io.welno.console.tilko;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lenient reading of envelopes and payloads: missing fields, numbers in strings, odd payload keys. */
class EnvelopeParsingTest {

    private static JsonNode resource(String name) throws IOException {
        try (InputStream in = EnvelopeParsingTest.class.getResourceAsStream("/tilko/" + name)) {
            return TilkoJson.mapper().readTree(in);
        }
    }

    private static JsonNode json(String s) throws IOException {
        return TilkoJson.mapper().readTree(s);
    }

    @Test
    void checkupsParseWithMissingFieldsAndNumbersAsValues() throws IOException {
        JsonNode envelope = resource("checkups-ok.json");
        assertEquals(TilkoClassification.SUCCESS, TilkoClassifier.classifyCheckups(envelope));
        List<Checkup> checkups = Checkup.listFrom(envelope);

        assertEquals(2, checkups.size());
        Checkup first = checkups.get(0);
        assertEquals(2021, first.yearNumber().orElseThrow(), "'2021년' loses its suffix");
        assertEquals(2019, checkups.get(1).yearNumber().orElseThrow(), "a bare year works too");
        assertEquals("170.5", first.item("신장").orElseThrow().value(), "a JSON number is read as text");
        assertEquals("128/82", first.item("혈압(최고/최저)").orElseThrow().value());
        assertEquals("", first.item("혈압(최고/최저)").orElseThrow().unit(), "missing Unit");
        assertEquals(2, first.item("체질량지수").orElseThrow().references().size());
        assertEquals("영상검사", first.inspections().get(1).gubun());
        assertTrue(first.inspections().get(1).illnesses().isEmpty(), "null Illnesses is an empty list");
        assertTrue(checkups.get(1).inspections().isEmpty());
        assertEquals("", checkups.get(1).location());
    }

    @Test
    void prescriptionsParseBothDateFormatsAndKeepDrugInfoAsSent() throws IOException {
        List<Prescription> list = Prescription.listFrom(resource("prescriptions-ok.json"));
        assertEquals(2, list.size());
        Prescription p = list.get(0);
        assertEquals(LocalDate.of(2023, 6, 20), p.treatmentStartDate().orElseThrow(), "yyyyMMdd");
        assertEquals(LocalDate.of(2023, 5, 1), list.get(1).treatmentStartDate().orElseThrow(), "yyyy-MM-dd");
        assertEquals("3", p.medicationCount(), "number as text");
        assertEquals("가상약국", p.institution());
        Prescription.Drug drug = p.drugs().get(0);
        assertEquals("가상정10밀리그램", drug.name());
        assertEquals("", drug.prescriptionCount(), "null becomes empty");
        assertTrue(drug.drugInfo().isArray(), "RetrieveMdsupDtlInfo may be an array");
        assertTrue(list.get(1).drugs().isEmpty());
    }

    @Test
    void listPayloadIsFoundUnderResultListResultOrResultData() throws IOException {
        assertEquals(1, Checkup.listFrom(json("{\"Status\":\"OK\",\"Result\":[{\"Year\":\"2020년\"}]}")).size());
        assertEquals(1, Checkup.listFrom(json("{\"Status\":\"OK\",\"ResultData\":[{\"Year\":\"2020년\"}]}")).size());
        assertTrue(Checkup.listFrom(json("{\"Status\":\"OK\"}")).isEmpty(), "no list at all");
        assertTrue(Checkup.listFrom(json("{\"Status\":\"OK\",\"ResultList\":null}")).isEmpty());
        assertTrue(Checkup.listFrom(json("{\"ResultList\":[1,\"x\",null]}")).isEmpty(), "non-objects skipped");
    }

    @Test
    void simpleAuthCxIdIsFoundUnderResultDataOrResult() throws IOException {
        assertEquals(TilkoClassification.SUCCESS,
                TilkoClassifier.classifySimpleAuth(json("{\"Status\":\"OK\",\"Result\":{\"CxId\":\"cx\"}}")));
        assertEquals(TilkoClassification.SUCCESS,
                TilkoClassifier.classifySimpleAuth(json("{\"Status\":\"OK\",\"CxId\":\"cx\"}")));
    }

    @Test
    void numbersMayHideInStrings() throws IOException {
        JsonNode n = json("{\"a\":4115,\"b\":\"4115\",\"c\":\" 4115 \",\"d\":\"4115.0\",\"e\":\"abc\",\"f\":null}");
        for (String f : new String[] {"a", "b", "c", "d"}) {
            assertEquals(4115L, TilkoJson.number(n, f).orElseThrow(), f);
        }
        assertTrue(TilkoJson.number(n, "e").isEmpty());
        assertTrue(TilkoJson.number(n, "f").isEmpty());
        assertTrue(TilkoJson.number(n, "missing").isEmpty());
    }

    @Test
    void textReadsScalarsAndContainersAndNothingForNull() throws IOException {
        JsonNode n = json("{\"s\":\"x\",\"i\":1,\"b\":true,\"o\":{\"k\":1},\"z\":null}");
        assertEquals("x", TilkoJson.text(n, "s"));
        assertEquals("1", TilkoJson.text(n, "i"));
        assertEquals("true", TilkoJson.text(n, "b"));
        assertEquals("{\"k\":1}", TilkoJson.text(n, "o"));
        assertNull(TilkoJson.text(n, "z"));
        assertNull(TilkoJson.text(null, "s"));
        assertFalse(TilkoJson.bool(n, "s"));
        assertTrue(TilkoJson.bool(n, "b"));
    }

    @Test
    void decimalsSurviveVerbatim() throws IOException {
        JsonNode n = json("{\"PointBalance\":8900.10}");
        assertEquals("{\"PointBalance\":8900.10}", n.toString(), "no float rounding of stored envelopes");
    }
}
