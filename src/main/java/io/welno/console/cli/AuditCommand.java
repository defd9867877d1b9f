package io.welno.console.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.flow.AuditRecord;
import io.welno.console.flow.RedisAuditLog;
import io.welno.console.store.RedisConnections;
import io.welno.console.store.StoreErrors;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import redis.clients.jedis.RedisClient;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Show the console's audit stream, newest first (read-only).")
final class AuditCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Mixin
    RedisOptions redis;

    @Option(names = "--json", description = "One JSON object per line")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "How many entries (default: ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--session", paramLabel = "ID", description = "Only entries about this session")
    String session;

    @Option(names = "--audit-stream", paramLabel = "KEY", defaultValue = RedisAuditLog.DEFAULT_KEY,
            description = "Redis stream of the audit entries (default: ${DEFAULT-VALUE})")
    String auditStream;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<AuditRecord> records;
        try (RedisClient client = RedisConnections.openClient(redis.settings(), "welno-console-audit")) {
            // Filtering by session reads further back so --limit still means "entries shown".
            int read = session == null ? limit : Math.max(limit, 1) * 20;
            records = new RedisAuditLog(client, auditStream, RedisAuditLog.DEFAULT_MAX_LEN).read(read);
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("Cannot read the audit stream " + auditStream + " from "
                    + redis.settings().redactedUrl() + ": " + StoreErrors.describe(e));
            spec.commandLine().getErr().flush();
            return 3;
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
                out.println(node);
            } else {
                out.printf("%s  %-8s %-12s %-9s %-20s %-42s %-19s %s -> %s  %s%n",
                        TIME.format(r.time().atZone(redis.zone)), r.actionId(), r.operator(),
                        r.role() == null ? "" : r.role().wire(), r.action() + (r.override() ? "!" : ""), r.sessionId(),
                        r.event().equals(AuditRecord.ATTEMPT) ? r.result() : r.event() + ":" + r.result(),
                        r.statusBefore().isEmpty() ? "-" : r.statusBefore(),
                        r.statusAfter().isEmpty() ? "-" : r.statusAfter(), r.reason());
            }
        }
        if (!json) {
            out.printf("%d entr%s in %s%n", shown, shown == 1 ? "y" : "ies", auditStream);
        }
        out.flush();
        return 0;
    }
}
