package io.welno.console.cli;

import io.welno.console.flow.ActionKind;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** What every flow action command has: the connection, the flow options, the session id; the work is in {@link FlowCommandSupport}. */
abstract class FlowActionCommand implements Callable<Integer> {

    @Mixin
    RedisOptions redis;

    @Mixin
    FlowCommandOptions flow;

    @Parameters(paramLabel = "ID", converter = Inputs.SessionId.class, description = "Session id (without the key prefix)")
    String id;

    @Spec
    CommandSpec spec;

    abstract ActionKind kind();

    /** complete --check-approval */
    boolean checkApproval() {
        return false;
    }

    /** collect --wait */
    boolean waitForOutcome() {
        return false;
    }

    @Override
    public final Integer call() {
        return FlowCommandSupport.run(spec, redis, flow, kind(), id, checkApproval(), waitForOutcome());
    }
}
