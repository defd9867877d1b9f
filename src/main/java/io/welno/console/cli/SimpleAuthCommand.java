package io.welno.console.cli;

import io.welno.console.flow.ActionKind;
import picocli.CommandLine.Command;

@Command(name = "simple-auth", mixinStandardHelpOptions = true,
        description = {"Send Tilko's SimpleAuthRequest: initiated, error or a stale auth_requesting -> auth_request_sent (operator, developer).",
                "Exit status: 0 applied, 2 refused by a guard or the role, 3 conflict or Redis unavailable, 1 other."})
final class SimpleAuthCommand extends FlowActionCommand {

    @Override
    ActionKind kind() {
        return ActionKind.SIMPLE_AUTH;
    }
}
