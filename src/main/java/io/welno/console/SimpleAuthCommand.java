package io.welno.console;

import io.welno.console.flow.ActionKind;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "simple-auth", mixinStandardHelpOptions = true,
        description = {"Send Tilko's SimpleAuthRequest: initiated, error or a stale auth_requesting -> auth_request_sent (operator, developer).",
                "Exit status: 0 applied, 2 refused by a guard or the role, 3 conflict or Redis unavailable, 1 other."})
final class SimpleAuthCommand implements Callable<Integer> {

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
        return FlowCommandSupport.run(spec, redis, flow, ActionKind.SIMPLE_AUTH, id, false, false);
    }
}
