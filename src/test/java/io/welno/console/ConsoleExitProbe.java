package io.welno.console;

import io.welno.console.app.ConsoleServices;
import io.welno.console.app.ConnectionProfile;
import io.welno.console.flow.ActionKind;
import io.welno.console.flow.ActionRequest;
import io.welno.console.flow.ActionResult;
import io.welno.console.flow.FlowOptions;
import io.welno.console.flow.FlowService;
import java.time.Duration;

/**
 * A console process for {@link ConsoleExitTest}: connects as the GUI does, takes a session through simple-auth and
 * manual-auth-complete, starts its collection, says "COLLECTING" and waits (two minutes at most) to be ended.
 * Arguments: Redis URL, Tilko URL, session id, and optionally the claim lease in seconds; the Tilko key comes from
 * TILKO_API_KEY, as for the GUI.
 */
public final class ConsoleExitProbe {

    private ConsoleExitProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        FlowOptions options = args.length > 3
                ? FlowOptions.defaults().withClaimLease(Duration.ofSeconds(Long.parseLong(args[3])))
                : FlowOptions.defaults();
        ConsoleServices services = ConsoleServices.connect(new ConnectionProfile("exit-probe", args[0], "developer",
                "Asia/Seoul", "development", false, args[1]), null, options);
        FlowService flow = services.flow();
        String id = args[2];
        for (ActionKind kind : new ActionKind[] {ActionKind.SIMPLE_AUTH, ActionKind.MANUAL_COMPLETE, ActionKind.COLLECT}) {
            ActionResult result = flow.perform(services.operator(), ActionRequest.of(kind, id, "exit test"));
            if (!result.applied()) {
                System.out.println("FAILED " + kind + ": " + result.message());
                System.exit(3);
            }
        }
        System.out.println("COLLECTING");
        System.out.flush();
        Thread.sleep(120_000); // never outlives a test that lost track of it by long
        System.exit(4);
    }
}
