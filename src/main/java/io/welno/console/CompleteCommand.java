package io.welno.console;

import io.welno.console.flow.ActionKind;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "complete", mixinStandardHelpOptions = true,
        description = {"manual-auth-complete: copy temp_auth_data to PascalCase auth_data and set auth_completed, "
                + "in one write (developer only).",
                "Exit status: 0 applied, 2 refused by a guard or the role, 3 conflict or Redis unavailable, 1 other."})
final class CompleteCommand implements Callable<Integer> {

    @Mixin
    RedisOptions redis;

    @Mixin
    FlowCommandOptions flow;

    @Parameters(paramLabel = "ID", description = "Session id (without the key prefix)")
    String id;

    @Option(names = "--check-approval",
            description = "Ask Tilko's LoginCheck first and report whether the user really approved on the phone")
    boolean checkApproval;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return FlowCommandSupport.run(spec, redis, flow, ActionKind.MANUAL_COMPLETE, id, checkApproval, false);
    }
}
