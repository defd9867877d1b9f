package io.welno.console.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.welno.console.session.BackendRules;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionStatus;
import io.welno.console.session.UnreadableSession;
import io.welno.console.store.FallbackSessionStore;
import io.welno.console.store.FileCopy;
import io.welno.console.store.RedisSessionStore;
import io.welno.console.store.StoredSession;
import io.welno.console.text.SafeText;
import io.welno.console.view.Wording;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Lists sessions with the window's loader (the store's {@code ParallelScan}: the SCAN overlapped with parallel reads
 * and parsing) and prints each batch as soon as it is parsed, so the whole list is never held and the first lines
 * come at once. Lines therefore come in the order Redis lists the keys, not sorted.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List every session (read-only), in the order Redis lists them. Names and phone numbers are masked.")
final class ListCommand implements Callable<Integer> {

    /** Longer ids are cut in the table; {@code --json} and {@code show} have them whole. */
    private static final int ID_WIDTH = 80;
    /**
     * The columns of text from Redis (id, status, name, updated) are padded by terminal cells ({@link #cells}), the
     * console's own (provider, TTL) by characters.
     */
    private static final String FORMAT = "%s %s %s %-9s %s %7s  %s%n";
    private static final int ID_CELLS = 42;
    private static final int STATUS_CELLS = 27;
    private static final int NAME_CELLS = 8;
    private static final int UPDATED_CELLS = 27;
    /** What --status takes besides a stored status. */
    private static final List<String> STATUS_WORDS = List.of("missing", "unreadable");

    @Mixin
    RedisOptions redis;

    @Mixin
    FilesOption.ForList files;

    @Option(names = "--status", paramLabel = "STATUS", description = "Only sessions with this stored status (e.g. auth_request_sent), 'missing' for those "
                    + "without one, or 'unreadable'; a status the console does not know is listed too, with a note "
                    + "on standard error")
    String status;

    @Option(names = "--json", description = "One JSON object per line")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        // Buffered and flushed per batch: the command line's own writer flushes every line, a system call each.
        PrintWriter out = new PrintWriter(new BufferedWriter(spec.commandLine().getOut(), 1 << 16), false);
        LocalDateTime now = redis.now();
        noteUnknownStatus();
        long[] listed = {0};
        Refusals refusals = new Refusals();
        Table table = json ? null : new Table(out, now);
        String clockNote = null;
        try (RedisSessionStore store = redis.openStore()) {
            Printer printer = json ? new JsonLines(out, store, now) : table;
            if (files.given()) {
                // Places are worked out only here: without --files the listing reads nothing but Redis.
                ((FallbackSessionStore) files.around(store, redis)).scanPlaced(batch -> {
                    for (FallbackSessionStore.Placed placed : batch) {
                        refusals.count(placed.session());
                        if (matches(placed.session())) {
                            printer.print(placed.session(), placed.copy());
                            listed[0]++;
                        }
                    }
                    out.flush();
                });
            } else {
                store.scan(batch -> {
                    for (StoredSession session : batch) {
                        refusals.count(session);
                        if (matches(session)) {
                            printer.print(session, null);
                            listed[0]++;
                        }
                    }
                    out.flush();
                });
            }
            clockNote = ClockNote.read(store.client(), redis.clock);
        } finally {
            out.flush();
        }
        if (!json) {
            table.head();
            // The backend's read rule is the truth: such a key is not a session it serves any more.
            // Locale.ROOT: the command line's words are English and its digits ASCII, whatever the OS's locale
            out.printf(Locale.ROOT, table.pastExpiry == 0 ? "%d session(s)%n"
                    : "%d session(s), %d past expires_at (!expired: the backend deletes %s on its next read)%n",
                    listed[0], table.pastExpiry, table.pastExpiry == 1 ? "it" : "them");
        }
        out.flush();
        ClockNote.say(clockNote, spec.commandLine().getErr());
        return refusals.sayIfEveryOne(spec.commandLine().getErr()) ? ExitCode.UNAVAILABLE.code() : ExitCode.DONE.code();
    }

    /**
     * Sessions whose value Redis refused to send. A few such rows beside readable ones are a user whose key patterns
     * leave some sessions out, and the listing is what that user may see (exit 0); when Redis refused every one, the
     * listing read nothing at all, and a script must not take its rows of refusals for a listing that worked.
     */
    private static final class Refusals {
        private long seen;
        private long refused;
        private UnreadableSession first;

        void count(StoredSession session) {
            seen++;
            if (session.parsed() instanceof UnreadableSession unreadable && unreadable.refusedByRedis()) {
                refused++;
                if (first == null) {
                    first = unreadable;
                }
            }
        }

        /** Says so on standard error when Redis refused every session listed; whether it did. */
        boolean sayIfEveryOne(PrintWriter err) {
            if (refused == 0 || refused < seen) {
                return false;
            }
            err.printf(Locale.ROOT, "Not one session could be read (%d listed): %s%n", refused,
                    SafeText.bounded(Wording.cli().render(first.reason()), SafeText.TEXT));
            err.flush();
            return true;
        }
    }

    /**
     * A status the console does not know is still looked for (the backend may have added one), but said so on standard
     * error first: otherwise a misspelt one lists nothing and exits 0, which a script cannot tell from "none".
     */
    private void noteUnknownStatus() {
        if (status == null || STATUS_WORDS.contains(status) || SessionStatus.of(status).isKnown()) {
            return;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("Note: --status '" + SafeText.bounded(status, SafeText.FIELD) + "' is not a status the console "
                + "knows (" + String.join(", ", knownStatuses()) + "); listing the sessions stored with it anyway.");
        err.flush();
    }

    private static List<String> knownStatuses() {
        List<String> known = new ArrayList<>(SessionStatus.KNOWN.stream().map(SessionStatus::wire).toList());
        known.addAll(STATUS_WORDS);
        return known;
    }

    private boolean matches(StoredSession session) {
        if (status == null) {
            return true;
        }
        if (session.parsed() instanceof SessionDocument doc) {
            return status.equals(doc.status().isMissing() ? "missing" : doc.status().wire());
        }
        return "unreadable".equals(status);
    }

    private interface Printer {
        /** @param copy where the session stands against the fallback folder; null without {@code --files} */
        void print(StoredSession session, FileCopy copy);
    }

    /** One object a line, made safe for a terminal ({@link SafeText#json}) without changing what it means. */
    private static final class JsonLines implements Printer {
        private final PrintWriter out;
        private final LocalDateTime now;
        private final StringWriter line = new StringWriter(1024);
        private final JsonGenerator generator;

        JsonLines(PrintWriter out, RedisSessionStore store, LocalDateTime now) throws IOException {
            this.out = out;
            this.now = now;
            this.generator = store.codec().generator(line);
            generator.setRootValueSeparator(null);
        }

        @Override
        public void print(StoredSession session, FileCopy copy) {
            try {
                SessionSummaryJson.write(generator, session, now, copy);
                generator.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.println(SafeText.json(line.toString()));
            line.getBuffer().setLength(0);
        }
    }

    /**
     * One line per session. Every value that comes from the stored document (or its key) is escaped and bounded,
     * so no control character reaches the terminal and no field can push a row onto the next line; the whole
     * value is in {@code --json}.
     */
    private static final class Table implements Printer {
        private final PrintWriter out;
        private final LocalDateTime now;
        /** Listed sessions past their expires_at. */
        long pastExpiry;

        private boolean headed;

        Table(PrintWriter out, LocalDateTime now) {
            this.out = out;
            this.now = now;
        }

        /**
         * The header, before the first row or the count: not before Redis answered, so a listing that could not begin
         * prints nothing to standard output, only its error.
         */
        void head() {
            if (!headed) {
                headed = true;
                out.printf(FORMAT, cells("ID", ID_CELLS), cells("STATUS", STATUS_CELLS), cells("NAME", NAME_CELLS),
                        "PROVIDER", cells("UPDATED", UPDATED_CELLS), "TTL", "NOTES");
            }
        }

        @Override
        public void print(StoredSession session, FileCopy copy) {
            head();
            String ttl = session.ttlMillis() < 0 ? "-" : session.ttlMillis() / 1000 + "s";
            String id = session.id().isEmpty() ? Wording.cli().texts().get("table.emptyId")
                    : SafeText.bounded(session.id(), ID_WIDTH);
            if (session.parsed() instanceof UnreadableSession unreadable) {
                out.printf(FORMAT, cells(id, ID_CELLS), cells("UNREADABLE", STATUS_CELLS), cells("", NAME_CELLS), "",
                        cells("", UPDATED_CELLS), ttl, placeMark(copy, SessionNotes.of(unreadable)));
                return;
            }
            SessionDocument doc = (SessionDocument) session.parsed();
            SessionStatus status = doc.status();
            List<String> warnings = BackendRules.ruleWarnings(doc, now);
            if (warnings.contains("expired")) {
                pastExpiry++;
            }
            String notes = SessionNotes.of(doc, warnings);
            out.printf(FORMAT, cells(id, ID_CELLS),
                    cells(status.isMissing() ? "(missing)" : SafeText.bounded(status.wire(), 40), STATUS_CELLS),
                    cells(SafeText.bounded(doc.userInfo().maskedName(), 40), NAME_CELLS),
                    doc.provider().englishName(),
                    cells(doc.updatedAt() == null ? "" : SafeText.bounded(doc.updatedAt().raw(), 40), UPDATED_CELLS),
                    ttl, placeMark(copy, notes));
        }

        /** A Hangul id or status takes two cells a syllable, an emoji sequence two in all ({@link TerminalCells}). */
        private static String cells(String text, int cells) {
            return TerminalCells.padRight(text, cells);
        }

        /**
         * The place first, where the eye finds it: {@code file_only}, {@code diverged(status progress.auth_completed)};
         * nothing for a session only in Redis or the same in both.
         */
        private static String placeMark(FileCopy copy, String notes) {
            if (copy == null || !copy.notable()) {
                return notes;
            }
            return notes.isEmpty() ? copy.mark() : copy.mark() + "," + notes;
        }
    }
}
