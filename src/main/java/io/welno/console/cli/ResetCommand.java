package io.welno.console.cli;

import io.welno.console.flow.ActionKind;
import picocli.CommandLine.Command;

@Command(name = "reset", mixinStandardHelpOptions = true,
        description = {"Reset a stuck collection: fetching_* with collection_started = true and no progress for --stuck-after seconds -> auth_completed, collection_started = false (operator, developer)."})
final class ResetCommand extends FlowActionCommand {

    @Override
    ActionKind kind() {
        return ActionKind.RESET_STUCK;
    }
}
