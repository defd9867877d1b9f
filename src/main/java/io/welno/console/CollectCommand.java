package io.welno.console;

import io.welno.console.flow.ActionKind;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "collect", mixinStandardHelpOptions = true,
        description = {"Claim the session (fetching_health_data, collection_started = true) and fetch health checkups, "
                + "then prescriptions (operator, developer). The collection runs inside this process, so the command "
                + "stays until it ends; Ctrl+C stops it and puts the session back to auth_completed.",
                "Exit status: 0 applied, 2 refused by a guard or the role, 3 conflict or Redis unavailable, 1 other; "
                        + "with --wait the collection's outcome decides (0 completed, 1 not approved / info_required / "
                        + "error, 3 overwritten or Redis lost)."})
final class CollectCommand implements Callable<Integer> {

    @Mixin
    RedisOptions redis;

    @Mixin
    FlowCommandOptions flow;

    @Parameters(paramLabel = "ID", description = "Session id (without the key prefix)")
    String id;

    @Option(names = "--wait", description = "Print each step and exit with the collection's outcome, not the claim's")
    boolean waitForOutcome;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return FlowCommandSupport.run(spec, redis, flow, ActionKind.COLLECT, id, false, waitForOutcome);
    }
}
