package io.welno.console.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.app.ConsoleServices;
import io.welno.console.flow.ActionKind;
import io.welno.console.flow.ActionRequest;
import io.welno.console.flow.ActionResult;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionStatus;
import io.welno.console.session.Timestamps;
import io.welno.console.store.StoredSession;
import io.welno.console.testing.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * In the demo, a request the console re-sends reaches a person who answers it: they approve on the phone and press
 * "done" in the browser, and their session moves on as the backend moves it — so the demo shows a repair end to end.
 * Before, nobody answered: the traffic that had driven the session had moved on, and it waited until it expired.
 */
class DemoPeopleAnswerTest {

    @Test
    void aPersonApprovesARequestTheConsoleResentAndTheirSessionMovesOn() throws Exception {
        try (ConsoleServices services = ConsoleServices.startDemo(Timestamps.system())) {
            BackendTrafficGenerator traffic = services.demo().traffic();
            traffic.pressDoneAlways(Duration.ofSeconds(1));
            SessionDocument chosen = resendable(services);

            ActionResult sent = services.flow().perform(services.operator(),
                    ActionRequest.of(ActionKind.SIMPLE_AUTH, chosen.id(), "customer asked again"));
            assertEquals(ActionResult.Outcome.APPLIED, sent.outcome(), sent.toString());
            String cxId = document(services, chosen.id()).tempAuthData().orElseThrow().cxId();

            Await.until("the person pressed done: the session is approved with the console's request",
                    Duration.ofSeconds(60), () -> {
                        SessionDocument now = document(services, chosen.id());
                        return now != null && now.progress().authCompleted();
                    });
            SessionDocument after = document(services, chosen.id());
            assertEquals(cxId, after.authData().orElseThrow().cxId(),
                    "approved with the request the console sent, copied as the backend's manual-auth-complete does");
            assertTrue(after.messages().stream().anyMatch(m -> String.valueOf(m.text()).contains("#" + sent.actionId())),
                    "the console's own message is still there: moved on, not written back over");
        }
    }

    /** A session the console may re-send as it stands, which the traffic's own flow is not moving on. */
    private static SessionDocument resendable(ConsoleServices services) {
        List<StoredSession> all = new ArrayList<>();
        services.store().scan(all::addAll);
        for (StoredSession stored : all) {
            if (stored.parsed() instanceof SessionDocument doc && !services.demo().traffic().drives(doc.id())
                    && (doc.status().equals(SessionStatus.INITIATED) || doc.status().equals(SessionStatus.ERROR))
                    && services.flow().whyNot(ActionKind.SIMPLE_AUTH, doc, services.operator().role()).isEmpty()) {
                return doc;
            }
        }
        throw new AssertionError("no session to re-send among " + all.size());
    }

    private static SessionDocument document(ConsoleServices services, String id) {
        return services.store().get(id).map(s -> (SessionDocument) s.parsed()).orElse(null);
    }
}
