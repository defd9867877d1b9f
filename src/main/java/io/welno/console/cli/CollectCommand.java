package io.welno.console.cli;

import io.welno.console.flow.ActionKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "collect", mixinStandardHelpOptions = true,
        description = {"Claim the session (fetching_health_data, collection_started = true) and fetch health checkups, "
                + "then prescriptions (operator, developer). The collection runs inside this process, so the command "
                + "stays until it ends; Ctrl+C stops it and puts the session back to auth_completed. "
                + "With --wait the collection's end decides the exit status (0 completed; 1 not approved, "
                + "info_required, error or interrupted; 3 taken over or vanished; 4 Redis lost)."})
final class CollectCommand extends FlowActionCommand {

    @Option(names = "--wait", description = "Print each step and exit with the collection's outcome, not the claim's")
    boolean waitForOutcome;

    @Override
    ActionKind kind() {
        return ActionKind.COLLECT;
    }

    @Override
    boolean waitForOutcome() {
        return waitForOutcome;
    }
}
