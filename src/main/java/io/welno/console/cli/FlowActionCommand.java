package io.welno.console.cli;

import io.welno.console.flow.ActionKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** What every flow action command has: the connection, the flow options, the session id; the work is in {@link FlowCommandSupport}. */
abstract class FlowActionCommand implements Callable<Integer> {

    @Mixin
    RedisOptions redis;

    @Mixin
    FilesOption.ForActions files;

    @Mixin
    FlowCommandOptions flow;

    @Mixin
    BulkOptions bulk;

    @Parameters(paramLabel = "ID", arity = "0..*", converter = Inputs.SessionId.class,
            description = "Session id(s) without the key prefix; several ids, --ids-from or --bucket run one batch")
    List<String> ids = new ArrayList<>();

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
        if (bulk.isBulk(ids)) {
            return BulkCommandSupport.run(spec, redis, files, flow, bulk, kind(), ids, checkApproval());
        }
        if (ids.isEmpty()) {
            throw new ParameterException(spec.commandLine(),
                    "Missing the session id: give one or more ids, --ids-from FILE or --bucket BUCKET");
        }
        return FlowCommandSupport.run(spec, redis, files, flow, kind(), ids.get(0), checkApproval(), waitForOutcome());
    }
}
