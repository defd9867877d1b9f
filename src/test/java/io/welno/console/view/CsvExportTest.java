package io.welno.console.view;

import io.welno.console.testing.TestRows;
import io.welno.console.view.CsvExport;
import io.welno.console.view.SessionRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.session.SessionStatus;
import io.welno.console.session.Timestamps;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV writer on its own: columns, masking, reveal, quoting, encoding. */
class CsvExportTest {

    private static final LocalDateTime T = LocalDateTime.parse("2026-11-20T14:03:22.123456");

    private static CsvExport export(Locale locale) {
        return export(locale, Clock.systemUTC());
    }

    private static CsvExport export(Locale locale, Clock clock) {
        Map<String, String> labels = new HashMap<>();
        for (String key : CsvExport.COLUMN_KEYS) {
            labels.put(key, "ko".equals(locale.getLanguage()) ? "열:" + key : key);
        }
        labels.put("status." + SessionStatus.AUTH_REQUEST_SENT.wire(),
                "ko".equals(locale.getLanguage()) ? "승인 대기" : "Waiting for approval");
        labels.put("status.unreadable", "Unreadable");
        return new CsvExport(labels, locale, Timestamps.DEFAULT_ZONE, clock);
    }

    private static SessionRow waiting() {
        return TestRows.session("welno_csv1", "auth_request_sent", T).user("박서준", "01034567890", "19770305")
                .requested(T.plusSeconds(5)).message(T.plusSeconds(6), "info", "박서준님, 010-3456-7890으로 보냈습니다, \"확인\"").row();
    }

    private static List<String> lines(String csv) {
        return List.of(csv.split("\r\n", -1));
    }

    @Test
    void writesTheTableColumnsMaskedWithIsoTimesInTheProfileZone() throws Exception {
        StringWriter out = new StringWriter();
        export(Locale.ENGLISH).write(List.of(waiting()), Set.of(), out);
        List<String> lines = lines(out.toString());
        assertEquals(3, lines.size(), out.toString());
        assertEquals(String.join(",", CsvExport.COLUMN_KEYS), lines.get(0));
        String row = lines.get(1);
        assertTrue(row.startsWith("welno_csv1,박*준,auth_request_sent,Waiting for approval,2/6,PASS,welno,"
                + "2026-11-20T14:03:22.123456+09:00,"), row);
        assertTrue(row.endsWith(",1800,\"박*준님, 010-****-7890으로 보냈습니다, \"\"확인\"\"\""), row);
        assertEquals("", lines.get(2), "CRLF after the last line");
        for (String secret : new String[] {"박서준", "01034567890", "010-3456-7890", "19770305", "tok.secret",
            "CX-SECRET"}) {
            assertFalse(out.toString().contains(secret), secret);
        }
    }

    @Test
    void onlyARevealedSessionIsWrittenUnmasked() throws Exception {
        SessionRow other = TestRows.session("welno_csv2", "initiated", T).user("최지우", "01045678901", "19950718").row();
        StringWriter out = new StringWriter();
        export(Locale.ENGLISH).write(List.of(waiting(), other), Set.of("welno_csv1"), out);
        String csv = out.toString();
        assertTrue(csv.contains("welno_csv1,박서준,"), csv);
        assertTrue(csv.contains("welno_csv2,최*우,"), csv);
        assertFalse(csv.contains("최지우"), csv);
    }

    @Test
    void unreadableValuesAreListedWithTheirReasonAndNothingPersonal() throws Exception {
        SessionRow bad = TestRows.unreadable("welno_bad", "{\"user_info\": {\"name\": \"윤재현\", \"phone_no\": \"0107890");
        StringWriter out = new StringWriter();
        export(Locale.ENGLISH).write(List.of(bad), Set.of(), out);
        String row = lines(out.toString()).get(1);
        assertTrue(row.startsWith("welno_bad,,,Unreadable,"), row);
        assertFalse(row.contains("윤재현"), row);
    }

    @Test
    void koreanLabelsAndAFileWithAByteOrderMarkWrittenInOneGo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out.csv");
        int written = export(Locale.KOREAN).write(List.of(waiting()), Set.of(), file);
        assertEquals(1, written);
        byte[] bytes = Files.readAllBytes(file);
        assertEquals((byte) 0xEF, bytes[0]);
        assertEquals((byte) 0xBB, bytes[1]);
        assertEquals((byte) 0xBF, bytes[2]);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        assertTrue(text.startsWith("열:column.id,"), text);
        assertTrue(text.contains(",승인 대기,2/6,통신사PASS,"), text);
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
    }

    /**
     * An export is read in a spreadsheet or with {@code cat}: a session's id, status, partner or message holding an
     * escape sequence would drive the terminal that shows the file, a carriage return would overprint its line there,
     * and a bidi override would turn the cell around in either. They are escaped as the table shows them; line breaks
     * stay inside their quoted cell.
     */
    @Test
    void outsideTextIsEscapedAsTheTableShowsIt() throws Exception {
        String evil = "\u001b[2J\u001b]0;owned\u0007\r\u202eexe.txt\u200b\ufe0f\u009b31m";
        SessionRow row = TestRows.session("welno_csv" + evil, "auth_request_sent", T).status("odd" + evil)
                .message(T.plusSeconds(6), "info", "two\nlines" + evil).row();
        StringWriter out = new StringWriter();
        export(Locale.ENGLISH).write(List.of(row), Set.of(), out);
        String csv = out.toString().replace("\r\n", "\n");
        for (String line : csv.split("\n", -1)) {
            assertEquals(-1, io.welno.console.text.SafeText.firstUnsafe(line), line);
        }
        String escaped = io.welno.console.text.SafeText.escape(evil);
        assertTrue(csv.contains("welno_csv" + escaped + ","), csv);
        assertTrue(csv.contains(",odd" + escaped + ","), csv);
        assertTrue(csv.contains("\"two\nlines" + escaped + "\""), csv);

        StringWriter audit = new StringWriter();
        new AuditCsv(new BundleTexts(Locale.ENGLISH), Timestamps.DEFAULT_ZONE).write(List.of(new io.welno.console.flow
                .AuditRecord(java.time.Instant.now(), "a1" + evil, "attempt", "mallory" + evil,
                io.welno.console.flow.Role.OPERATOR, "reset-stuck", "welno_1" + evil, "why" + evil, false, "", "",
                "REFUSED", io.welno.console.text.Phrase.of("text.verbatim", "m" + evil), "b" + evil)), audit);
        for (String line : audit.toString().replace("\r\n", "\n").split("\n", -1)) {
            assertEquals(-1, io.welno.console.text.SafeText.firstUnsafe(line), line);
        }
        assertTrue(audit.toString().contains("mallory" + escaped), audit.toString());
    }

    @Test
    void quotingFollowsRfc4180AndDefusesFormulas() {
        assertEquals("plain", CsvExport.quote("plain"));
        assertEquals("\"a,b\"", CsvExport.quote("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvExport.quote("say \"hi\""));
        assertEquals("\"two\nlines\"", CsvExport.quote("two\nlines"));
        assertEquals("'=HYPERLINK(1)", CsvExport.quote("=HYPERLINK(1)"));
        assertEquals("'@SUM(A1)", CsvExport.quote("@SUM(A1)"));
        assertEquals("-1", CsvExport.quote("-1"));
        assertEquals("' =HYPERLINK(1)", CsvExport.quote(" =HYPERLINK(1)"), "an import that trims spaces");
        assertEquals("'\u3000+1+2", CsvExport.quote("\u3000+1+2"), "an ideographic space, as a Korean IME types it");
        assertEquals("\" -1\"", CsvExport.quote(" -1"));
        assertEquals("'\tplain", CsvExport.quote("\tplain"), "a leading tab, whatever follows it");
        assertEquals("'\t-1", CsvExport.quote("\t-1"));
        assertEquals('\\', CsvExport.quote("\r=1").charAt(0), "a carriage return is escaped, never a cell's start");
        assertEquals("\"  \"", CsvExport.quote("  "));
        assertEquals("", CsvExport.quote(null));
    }

    /** The TTL column is what is left at the export, as the table counts it down, not what was left at the read. */
    @Test
    void theTtlIsWhatIsLeftWhenExported() throws Exception {
        StringWriter out = new StringWriter();
        export(Locale.ENGLISH, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(20))).write(List.of(waiting()),
                Set.of(), out);
        String[] cells = lines(out.toString()).get(1).split(",");
        long ttl = Long.parseLong(cells[10]);
        assertTrue(ttl > 590 && ttl <= 600, "1,800 s at the read, 20 minutes before: " + ttl);
    }
}
