package io.welno.console.cli;

import io.welno.console.flow.ActionKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "complete", mixinStandardHelpOptions = true,
        description = {"manual-auth-complete: copy temp_auth_data to PascalCase auth_data and set auth_completed, "
                + "in one write (developer only)."})
final class CompleteCommand extends FlowActionCommand {

    @Option(names = "--check-approval",
            description = "Ask Tilko's LoginCheck first and report whether the user really approved on the phone")
    boolean checkApproval;

    @Override
    ActionKind kind() {
        return ActionKind.MANUAL_COMPLETE;
    }

    @Override
    boolean checkApproval() {
        return checkApproval;
    }
}
