package io.welno.console.cli;

import io.welno.console.flow.ActionRequest;
import io.welno.console.flow.FlowOptions;
import io.welno.console.flow.Operator;
import io.welno.console.flow.RedisAuditLog;
import io.welno.console.session.StuckPolicy;
import io.welno.console.tilko.TilkoClient;
import io.welno.console.tilko.TilkoConfig;
import io.welno.console.view.Wording;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options every flow action command shares (the connection options are in {@link RedisOptions}). */
final class FlowCommandOptions {

    @Option(names = "--reason", paramLabel = "TEXT",
            description = "Why you do this (required; one line of at most " + ActionRequest.MAX_REASON_LENGTH
                    + " characters, without control, bidi or invisible characters and without a personal number (a "
                    + "mobile or resident registration number, a YYYYMMDD birth date); written unmasked into the "
                    + "session's message and the shared audit stream)")
    String reason;

    @Mixin
    OperatorOptions who;

    @Option(names = "--override-guards",
            description = "Developer only: skip the guards that may be overridden; recorded in the message and the audit")
    boolean overrideGuards;

    @Option(names = "--tilko-url", paramLabel = "URL", converter = Inputs.TilkoUrl.class,
            defaultValue = "${env:TILKO_API_HOST:-" + TilkoConfig.DEFAULT_BASE_URL + "}",
            description = "Tilko API base URL (default: env TILKO_API_HOST, else ${DEFAULT-VALUE})")
    String tilkoUrl;

    @Option(names = "--tilko-key", paramLabel = "KEY",
            description = "Tilko API key (default: env TILKO_API_KEY; prefer the environment, a command line is "
                    + "visible to other users of the machine)")
    String tilkoKey;

    @Option(names = "--audit-stream", paramLabel = "KEY", defaultValue = RedisAuditLog.DEFAULT_KEY,
            converter = Inputs.StreamKey.class,
            description = "Redis stream for the audit entries (default: ${DEFAULT-VALUE})")
    String auditStream;

    @Option(names = "--hold", paramLabel = "TIME", defaultValue = "10", converter = DurationConverter.class,
            description = "After the change is applied, keep watching the session this long for anything written "
                    + "over the change, such as the backend's older copy (seconds, or 30s / 5m / 1h, or ISO-8601 PT30S; 0 = only read it back once). The exit status is 0 "
                    + "only if the change is still there at the end (default: ${DEFAULT-VALUE} s; the backend can revert "
                    + "for up to 6 minutes, which the window watches)")
    Duration hold;

    @Option(names = "--reapply",
            description = "If the change is written over during the hold (the backend writing back an older copy, "
                    + "say), apply it again through the same compare-and-set when the action's guards still hold (at "
                    + "most 3 times, each audited; never over a value that is no readable session)")
    boolean reapply;

    @Option(names = "--stuck-after", paramLabel = "SECONDS", defaultValue = "600", converter = Inputs.PositiveSeconds.class,
            description = "reset, and --bucket stuck: a collection counts as stuck after this many seconds without "
                    + "progress (default: ${DEFAULT-VALUE})")
    long stuckAfterSeconds;

    Operator operator() {
        return who.operator();
    }

    /** The window's Stuck rule with {@code --stuck-after} for collections: what reset-stuck accepts. */
    StuckPolicy stuckPolicy() {
        return StuckPolicy.defaults().withCollectionsStuckAfter(Duration.ofSeconds(stuckAfterSeconds));
    }

    FlowOptions flowOptions() {
        return FlowOptions.defaults().withStuckAfter(Duration.ofSeconds(stuckAfterSeconds))
                .withLogWords(Wording.log());
    }

    /** A Tilko client, or null when no API key is configured (the action is then refused with a sentence). */
    TilkoClient tilkoClient() {
        String key = tilkoKey != null && !tilkoKey.isBlank() ? tilkoKey : System.getenv(TilkoConfig.API_KEY_ENV);
        if (key == null || key.isBlank()) {
            return null;
        }
        return new TilkoClient(TilkoConfig.builder().baseUrl(tilkoUrl).apiKey(key.strip()).build());
    }
}
