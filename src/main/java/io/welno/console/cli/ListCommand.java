package io.welno.console.cli;

import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionStatus;
import io.welno.console.session.UnreadableSession;
import io.welno.console.store.RedisSessionStore;
import io.welno.console.store.StoredSession;
import io.welno.console.text.Masking;
import io.welno.console.text.SafeText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List every session (read-only). Names and phone numbers are masked.")
final class ListCommand implements Callable<Integer> {

    /** Longer ids are cut in the table; {@code --json} and {@code show} have them whole. */
    private static final int ID_WIDTH = 80;

    @Mixin
    RedisOptions redis;

    @Option(names = "--status", paramLabel = "STATUS", description = "Only sessions with this status (e.g. auth_request_sent, or 'unreadable')")
    String status;

    @Option(names = "--json", description = "One JSON object per line")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<StoredSession> sessions = new ArrayList<>();
        try (RedisSessionStore store = redis.openStore()) {
            store.scan(batch -> batch.stream().filter(this::matches).forEach(sessions::add));
        }
        sessions.sort(Comparator.comparing(StoredSession::id));
        if (json) {
            java.time.LocalDateTime now = java.time.LocalDateTime.now(redis.zone);
            sessions.forEach(s -> out.println(SafeText.json(SessionSummaryJson.of(s, now).toString())));
        } else {
            printTable(out, sessions, java.time.LocalDateTime.now(redis.zone));
        }
        out.flush();
        return ExitCode.DONE.code();
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

    /**
     * One line per session. Every value that comes from the stored document (or its key) is escaped and bounded,
     * so no control character reaches the terminal and no field can push a row onto the next line; the whole
     * value is in {@code --json}.
     */
    private static void printTable(PrintWriter out, List<StoredSession> sessions, java.time.LocalDateTime now) {
        String format = "%-42s %-27s %-8s %-9s %-27s %7s  %s%n";
        out.printf(format, "ID", "STATUS", "NAME", "PROVIDER", "UPDATED", "TTL", "NOTES");
        for (StoredSession session : sessions) {
            String ttl = session.ttlMillis() < 0 ? "-" : session.ttlMillis() / 1000 + "s";
            String id = SafeText.bounded(session.id(), ID_WIDTH);
            if (session.parsed() instanceof UnreadableSession unreadable) {
                out.printf(format, id, "UNREADABLE", "", "", "", ttl,
                        SafeText.bounded(Masking.raw(unreadable.reason()), SafeText.TEXT));
                continue;
            }
            SessionDocument doc = (SessionDocument) session.parsed();
            SessionStatus status = doc.status();
            String notes = java.util.stream.Stream.concat(
                    doc.warnings().stream().map(w -> (w.breaksBackend() ? "!" : "") + w.name().toLowerCase()),
                    io.welno.console.session.BackendRules.ruleWarnings(doc, now).stream()
                            .map(w -> (w.equals("expired") ? "!" : "") + w))
                    .collect(Collectors.joining(","));
            out.printf(format, id, status.isMissing() ? "(missing)" : SafeText.bounded(status.wire(), 40),
                    SafeText.bounded(doc.userInfo().maskedName(), 40), doc.provider().englishName(),
                    doc.updatedAt() == null ? "" : SafeText.bounded(doc.updatedAt().raw(), 40), ttl, notes);
        }
        out.printf("%d session(s)%n", sessions.size());
    }
}
