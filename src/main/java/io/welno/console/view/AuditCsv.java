package io.welno.console.view;

import io.welno.console.flow.AuditRecord;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The audit tab's entries as CSV, in the same form as the session export ({@link CsvExport}: RFC 4180, UTF-8 with a
 * byte-order mark, formula-like cells defused, outside text escaped): one line per entry as shown, newest first, its role, action, event,
 * result and message in the chosen language (a code this console does not know as stored). Reasons are the
 * operators' own words and are written as read (a reason holds no personal number: the flow refuses one that does,
 * and reading the audit masks those of older entries).
 */
public final class AuditCsv {

    static final String[] COLUMN_KEYS = {"audit.column.time", "audit.column.operator", "audit.column.role",
        "audit.column.action", "audit.column.session", "audit.column.event", "audit.column.result",
        "audit.column.reason", "audit.column.message", "audit.column.batch", "audit.column.actionId"};

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final Texts texts;
    private final ZoneId zone;
    private final Wording words;

    /** {@code texts} must be usable off the FX thread (the bundles, not the window's bindings). */
    public AuditCsv(Texts texts, ZoneId zone) {
        this.texts = texts;
        this.zone = zone;
        this.words = Wording.window(texts);
    }

    public int write(List<AuditRecord> entries, Path file) throws IOException {
        CsvExport.writeFile(file, out -> write(entries, out));
        return entries.size();
    }

    public void write(List<AuditRecord> entries, Writer out) throws IOException {
        String[] header = new String[COLUMN_KEYS.length];
        for (int i = 0; i < header.length; i++) {
            header[i] = texts.get(COLUMN_KEYS[i]);
        }
        CsvExport.line(out, header);
        for (AuditRecord entry : entries) {
            CsvExport.line(out, cells(entry));
        }
        out.flush();
    }

    String[] cells(AuditRecord e) {
        return new String[] {
            ISO.format(e.time().atZone(zone)),
            e.operator(),
            e.role() == null ? "" : words.role(e.role()),
            nz(AuditWords.action(texts, e.action())),
            e.sessionId(),
            nz(AuditWords.event(texts, e.event())),
            nz(AuditWords.result(texts, e.result())),
            e.reason(),
            words.render(AuditWords.message(e.message())),
            e.batchId(),
            e.actionId(),
        };
    }

    private static String nz(String text) {
        return text == null ? "" : text;
    }
}
