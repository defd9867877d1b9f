package io.welno.console.cli;

import io.welno.console.flow.Operator;
import io.welno.console.flow.Role;
import picocli.CommandLine.Option;

/** Who runs a command that acts or reveals: the name for the audit (and an action's session message), and the role. */
final class OperatorOptions {

    @Option(names = "--operator", paramLabel = "NAME", defaultValue = "${sys:user.name}",
            converter = Inputs.OperatorName.class,
            description = "Your name in the audit stream and, for an action, in the message it adds to the session; "
                    + "one line of at most " + Inputs.OperatorName.MAX
                    + " characters (default: the OS user, ${DEFAULT-VALUE})")
    String name;

    @Option(names = "--role", paramLabel = "ROLE", defaultValue = "${env:WELNO_ROLE:-operator}",
            converter = Inputs.RoleName.class,
            description = "viewer, operator or developer (default: env WELNO_ROLE, else operator)")
    Role role;

    Operator operator() {
        return new Operator(name, role);
    }
}
