package io.welno.console.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.flow.AuditRecord;
import io.welno.console.flow.RedisAuditLog;
import io.welno.console.store.RedisConnectionSettings;
import io.welno.console.store.RedisConnections;
import io.welno.console.text.SafeText;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import redis.clients.jedis.RedisClient;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Show the console's audit stream, newest first (read-only), each entry's time in --zone.",
                "Reasons, ids and names are printed with control characters escaped (\\n, \\u001b) and long values "
                        + "cut with …; --json prints every field uncut, as read (personal numbers in a reason "
                        + "masked)."})
final class AuditCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** Reasons are cut here in the table; --json has them whole. */
    private static final int REASON_WIDTH = 160;

    /** No --prefix: the audit stream is a key of its own, not under the sessions' prefix. */
    @Mixin
    StreamOptions redis;

    @Option(names = "--json", description = "One JSON object per line")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", converter = Inputs.AuditLimit.class,
            description = "How many entries, 1 to " + Inputs.AuditLimit.MAX + " (default: ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--session", paramLabel = "ID", description = "Only entries about this session")
    String session;

    @Option(names = "--audit-stream", paramLabel = "KEY", defaultValue = RedisAuditLog.DEFAULT_KEY,
            converter = Inputs.StreamKey.class,
            description = "Redis stream of the audit entries (default: ${DEFAULT-VALUE})")
    String auditStream;

    @Spec
    CommandSpec spec;

    /**
     * A {@code ?prefix=} in the {@code --redis} given here would be ignored, as {@code --prefix} would: refused as that
     * option is, before anything is read. The one of {@code WELNO_REDIS_URL} is left alone: the other commands share
     * that URL, and need its prefix.
     */
    private void refusePrefixInUrl() {
        OptionSpec given = spec.commandLine().getParseResult().matchedOption("--redis");
        if (given == null || given.stringValues().isEmpty()) {
            return;
        }
        String url = given.stringValues().get(given.stringValues().size() - 1);
        if (RedisConnectionSettings.written(url).parameters().containsKey("prefix")) {
            throw new ParameterException(spec.commandLine(), "audit takes no prefix: it reads only its own stream "
                    + "(--audit-stream), not the sessions' keys, so drop ?prefix= from --redis.");
        }
    }

    @Override
    public Integer call() {
        refusePrefixInUrl();
        PrintWriter out = spec.commandLine().getOut();
        List<AuditRecord> records;
        try (RedisClient client = RedisConnections.openClient(redis.settings(), "welno-console-audit")) {
            // Filtering by session reads further back so --limit still means "entries shown".
            int read = session == null ? limit : (int) Math.min((long) limit * 20, RedisAuditLog.DEFAULT_MAX_LEN);
            records = new RedisAuditLog(client, auditStream, RedisAuditLog.DEFAULT_MAX_LEN).read(read);
        }
        ObjectMapper mapper = new ObjectMapper();
        int shown = 0;
        for (AuditRecord r : records) {
            if (shown >= limit || (session != null && !session.equals(r.sessionId()))) {
                continue;
            }
            shown++;
            if (json) {
                ObjectNode node = mapper.createObjectNode();
                node.put("id", r.streamId());
                for (Map.Entry<String, String> f : r.toFields().entrySet()) {
                    node.put(f.getKey(), f.getValue());
                }
                out.println(SafeText.json(node.toString()));
            } else {
                // Every field was typed by someone or copied from a session: escaped, so a reason cannot forge a
                // row or drive the terminal, and cut, so one entry stays one line.
                // padded by terminal cells, as list's columns are: an operator or id in Hangul takes two a syllable
                out.printf("%s  %-8s %s %-9s %s %s %s %s -> %s  %s%n",
                        TIME.format(r.time().atZone(redis.zone)), field(r.actionId(), 36),
                        TerminalCells.padRight(field(r.operator(), 40), 12),
                        r.role() == null ? "" : r.role().wire(),
                        TerminalCells.padRight(field(r.action() + (r.override() ? "!" : ""), 40), 20),
                        TerminalCells.padRight(field(r.sessionId(), 80), 42),
                        TerminalCells.padRight(field(r.event().equals(AuditRecord.ATTEMPT) ? r.result()
                                : r.event() + ":" + r.result(), 60), 19),
                        r.statusBefore().isEmpty() ? "-" : field(r.statusBefore(), 40),
                        r.statusAfter().isEmpty() ? "-" : field(r.statusAfter(), 40), field(r.reason(), REASON_WIDTH));
            }
        }
        if (!json) {
            out.printf(Locale.ROOT, "%d entr%s in %s%n", shown, shown == 1 ? "y" : "ies",
                    SafeText.bounded(auditStream, 80));
        }
        out.flush();
        return ExitCode.DONE.code();
    }

    private static String field(String value, int width) {
        return SafeText.bounded(value, width);
    }
}
