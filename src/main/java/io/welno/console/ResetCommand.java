package io.welno.console;

import io.welno.console.flow.ActionKind;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "reset", mixinStandardHelpOptions = true,
        description = {"Reset a stuck collection: fetching_* with collection_started = true and no progress for --stuck-after seconds -> auth_completed, collection_started = false (operator, developer).",
                "Exit status: 0 applied, 2 refused by a guard or the role, 3 conflict or Redis unavailable, 1 other."})
final class ResetCommand implements Callable<Integer> {

    @Mixin
    RedisOptions redis;

    @Mixin
    FlowCommandOptions flow;

    @Parameters(paramLabel = "ID", description = "Session id (without the key prefix)")
    String id;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return FlowCommandSupport.run(spec, redis, flow, ActionKind.RESET_STUCK, id, false, false);
    }
}
