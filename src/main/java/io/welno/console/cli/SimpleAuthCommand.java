package io.welno.console.cli;

import io.welno.console.flow.ActionKind;
import picocli.CommandLine.Command;

@Command(name = "simple-auth", mixinStandardHelpOptions = true,
        description = {"Send Tilko's SimpleAuthRequest: initiated, error or a stale auth_requesting -> auth_request_sent (operator, developer)."})
final class SimpleAuthCommand extends FlowActionCommand {

    @Override
    ActionKind kind() {
        return ActionKind.SIMPLE_AUTH;
    }
}
