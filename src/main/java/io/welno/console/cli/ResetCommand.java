package io.welno.console.cli;

import io.welno.console.flow.ActionKind;
import picocli.CommandLine.Command;

@Command(name = "reset", mixinStandardHelpOptions = true,
        description = {"Reset a stuck collection: fetching_* with collection_started = true and no progress for --stuck-after seconds -> auth_completed, collection_started = false (operator, developer).",
                "Exit status: 0 applied, 2 refused by a guard or the role, 3 conflict or Redis unavailable, 1 other."})
final class ResetCommand extends FlowActionCommand {

    @Override
    ActionKind kind() {
        return ActionKind.RESET_STUCK;
    }
}
