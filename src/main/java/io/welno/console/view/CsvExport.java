package io.welno.console.view;

import io.welno.console.text.Masking;
import io.welno.console.text.SafeText;
import io.welno.console.session.AuthProvider;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionStatus;
import io.welno.console.store.StoredSession;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The session table as CSV: the rows the table currently shows (filtered and sorted), the table's
 * columns, and personal data masked exactly as on screen unless a developer revealed that session.
 * Pure: built on the FX thread (it copies the labels it needs), written on any thread.
 *
 * <p>RFC 4180 quoting, CRLF line ends, UTF-8 with a byte-order mark so spreadsheet programs read the
 * Korean text; cells that a spreadsheet would run as a formula are prefixed with an apostrophe, and outside text is
 * escaped as the table shows it.
 * Times are ISO-8601 with the profile zone's offset, so the file means the same anywhere.
 */
public final class CsvExport {

    static final String[] COLUMN_KEYS = {"column.id", "column.name", "column.status", "csv.status.label",
        "column.progress", "column.provider", "csv.partner", "csv.created", "column.updated", "csv.expires",
        "column.ttl", "column.message"};

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final Map<String, String> labels;
    private final Locale locale;
    private final ZoneId zone;
    private final Clock clock;
    private final Wording reasons;

    /**
     * @param labels the texts of {@link #COLUMN_KEYS} and {@code status.<wire>} in the chosen language
     */
    public CsvExport(Map<String, String> labels, Locale locale, ZoneId zone, Clock clock) {
        this.labels = Map.copyOf(labels);
        this.locale = locale;
        this.zone = zone;
        this.clock = clock;
        // The bundles themselves, not the window's texts: an export is written off the FX thread.
        this.reasons = Wording.window(new BundleTexts(locale));
    }

    /** Copies every label the export needs from {@code i18n} (call on the FX thread). */
    public static CsvExport of(Texts i18n, ZoneId zone, Clock clock) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String key : COLUMN_KEYS) {
            labels.put(key, i18n.get(key));
        }
        for (SessionStatus status : SessionStatus.KNOWN) {
            labels.put("status." + status.wire(), i18n.get("status." + status.wire()));
        }
        labels.put("status.missing", i18n.get("status.missing"));
        labels.put("status.unreadable", i18n.get("status.unreadable"));
        return new CsvExport(labels, i18n.locale(), zone, clock);
    }

    /**
     * Writes {@code rows} to {@code file} (via a temporary file, so a failed export leaves no half file).
     *
     * @param revealed ids of sessions a developer revealed (audited); only their data is written unmasked
     * @return the number of rows written
     */
    public int write(List<SessionRow> rows, Set<String> revealed, Path file) throws IOException {
        writeFile(file, out -> write(rows, revealed, out));
        return rows.size();
    }

    /** What writes a file's lines. */
    interface Body {
        void write(Writer out) throws IOException;
    }

    /**
     * UTF-8 with a byte-order mark, via a temporary file beside {@code file}, so a failed export leaves no half file.
     */
    static void writeFile(Path file, Body body) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".welno-export-", ".csv");
        try {
            try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                out.write('\uFEFF');
                body.write(out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes the header and {@code rows} (no byte-order mark). */
    public void write(List<SessionRow> rows, Set<String> revealed, Writer out) throws IOException {
        String[] header = new String[COLUMN_KEYS.length];
        for (int i = 0; i < COLUMN_KEYS.length; i++) {
            header[i] = label(COLUMN_KEYS[i]);
        }
        line(out, header);
        for (SessionRow row : rows) {
            line(out, cells(row, revealed.contains(row.id())));
        }
        out.flush();
    }

    public String[] cells(SessionRow row, boolean revealed) {
        String name = row.maskedName();
        String message = row.readable() ? Masking.personalNumbers(row.lastMessage()) : "";
        // only a revealed row needs its document (rows parse it on demand; an export must not parse them all)
        SessionDocument doc = revealed ? row.document() : null;
        if (doc != null) {
            String realName = doc.userInfo().name();
            name = realName == null ? "" : realName;
            message = doc.lastMessage().map(m -> m.summary()).orElse("");
        }
        // what is left now, as the table's column counts it down, not what was left when the row was read
        long ttl = row.ttlNowMillis(clock.millis());
        return new String[] {
            row.id(),
            name,
            row.readable() ? wire(row.status()) : "",
            row.readable() ? statusLabel(row.status()) : label("status.unreadable"),
            row.readable() ? row.progressSteps() + "/6" : "",
            row.readable() ? provider(row.provider()) : "",
            row.partner(),
            time(row.createdAt()),
            time(row.updatedAt()),
            time(row.expiresAt()),
            ttl == StoredSession.UNKNOWN_TTL ? "" : ttl < 0 ? "-1" : Long.toString((ttl + 999) / 1000),
            row.readable() ? message : Masking.raw(reasons.render(row.unreadableReason())),
        };
    }

    private String label(String key) {
        return labels.getOrDefault(key, key);
    }

    private static String wire(SessionStatus status) {
        return status.wire() == null ? "" : status.wire();
    }

    private String statusLabel(SessionStatus status) {
        if (status.isMissing()) {
            return label("status.missing");
        }
        return status.isKnown() ? label("status." + status.wire()) : status.wire();
    }

    private String provider(AuthProvider provider) {
        return "ko".equals(locale.getLanguage()) ? provider.koreanName() : provider.englishName();
    }

    private String time(LocalDateTime time) {
        return time == null ? "" : ISO.format(time.atZone(zone));
    }

    static void line(Writer out, String[] cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(cells[i]));
        }
        out.write("\r\n");
    }

    /**
     * RFC 4180 quoting, plus an apostrophe before text a spreadsheet would treat as a formula, also when spaces come
     * before it. Every cell is escaped as the table shows it ({@link SafeText#escapeKeepingLines}): an export is
     * opened in a spreadsheet or printed with {@code cat}, where an escape sequence from a session would drive the
     * terminal, a carriage return overprint the line and a bidi override turn the cell around. Line breaks stay,
     * inside the quoted cell.
     */
    public static String quote(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = SafeText.escapeKeepingLines(value);
        // Looked at past leading spaces: an import that trims them (Google Sheets does, LibreOffice when asked) would
        // otherwise run " =HYPERLINK(…)" all the same. A leading tab (kept as it is, as line breaks are; a carriage
        // return is escaped) is a formula's start in its own right, whatever follows it.
        String lead = text.stripLeading();
        char first = lead.isEmpty() ? ' ' : lead.charAt(0);
        boolean number = lead.matches("[+-]?\\d+(\\.\\d+)?");
        if (text.charAt(0) == '\t' || !number && (first == '=' || first == '+' || first == '-' || first == '@')) {
            text = "'" + text;
        }
        boolean needsQuotes = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0 || text.startsWith(" ") || text.endsWith(" ");
        return needsQuotes ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
