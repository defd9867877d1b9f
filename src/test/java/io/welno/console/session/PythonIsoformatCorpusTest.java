package io.welno.console.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The console reads a document's timestamp as the backend's Python does: on every string of the corpus that Python
 * itself judged ({@code src/test/resources/fromisoformat}, written by its {@code generate.py}), the same verdict —
 * refused, naive or aware — and the same value.
 */
class PythonIsoformatCorpusTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One line of the corpus: the string and what Python made of it. */
    private record Verdict(String text, String python, LocalDateTime wall, Long offsetMicros) {

        /** What the console must read: the wall time, less the offset for an aware value. */
        LocalDateTime inUtc() {
            return offsetMicros == null ? wall : wall.minus(offsetMicros, ChronoUnit.MICROS);
        }
    }

    private static List<Verdict> corpus() throws IOException {
        List<Verdict> out = new ArrayList<>();
        try (InputStream in = PythonIsoformatCorpusTest.class.getResourceAsStream("/fromisoformat/corpus.jsonl")) {
            assertNotNull(in, "the corpus is on the test class path");
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                JsonNode node = MAPPER.readTree(line);
                out.add(new Verdict(node.get("text").textValue(), node.get("python").textValue(),
                        node.has("wall") ? LocalDateTime.parse(node.get("wall").textValue()) : null,
                        node.has("offset_us") ? node.get("offset_us").longValue() : null));
            }
        }
        return out;
    }

    private static String said(SessionTimestamp read) {
        return read == null ? "error" : (read.hasOffset() ? "aware " : "naive ") + read.local();
    }

    private static String expected(Verdict v) {
        return v.python().equals("error") ? "error" : v.python() + " " + v.inUtc();
    }

    @Test
    void everyStringReadsAsPythonReadsIt() throws IOException {
        List<Verdict> corpus = corpus();
        Map<String, Integer> kinds = new TreeMap<>();
        List<String> disagreements = new ArrayList<>();
        for (Verdict v : corpus) {
            kinds.merge(v.python(), 1, Integer::sum);
            // read in UTC, so an aware value's local time is its wall time less its offset
            String console = said(SessionTimestamp.parse(v.text(), ZoneOffset.UTC));
            if (!console.equals(expected(v))) {
                disagreements.add(MAPPER.writeValueAsString(v.text()) + ": Python " + expected(v) + ", console "
                        + console);
            }
        }
        assertEquals(List.of(), disagreements, disagreements.size() + " of " + corpus.size() + " disagree");
        assertTrue(corpus.size() > 500 && kinds.getOrDefault("naive", 0) > 100 && kinds.getOrDefault("aware", 0) > 50
                && kinds.getOrDefault("error", 0) > 300, "the corpus is whole: " + kinds);
    }

    @Test
    void anAwareValueIsShownInTheBackendsZone() throws IOException {
        ZoneId seoul = ZoneId.of("Asia/Seoul");
        for (Verdict v : corpus()) {
            if (v.python().equals("aware")) {
                SessionTimestamp read = SessionTimestamp.parse(v.text(), seoul);
                assertEquals(v.inUtc().atZone(ZoneOffset.UTC).withZoneSameInstant(seoul).toLocalDateTime(),
                        read.local(), v.text());
            }
        }
    }
}
