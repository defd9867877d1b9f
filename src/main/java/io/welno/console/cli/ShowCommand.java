package io.welno.console.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.session.BackendRules;
import io.welno.console.session.DocumentMasker;
import io.welno.console.session.DocumentWarning;
import io.welno.console.session.Progress;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionMessage;
import io.welno.console.session.UnreadableSession;
import io.welno.console.store.RedisSessionStore;
import io.welno.console.store.StoreErrors;
import io.welno.console.store.StoredSession;
import io.welno.console.view.Wording;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show one session (read-only). Personal data and tokens are masked unless --reveal is given.")
final class ShowCommand implements Callable<Integer> {

    @Mixin
    RedisOptions redis;

    @Parameters(paramLabel = "ID", description = "Session id (without the key prefix)")
    String id;

    @Option(names = "--json", description = "Print the stored document as JSON")
    boolean json;

    @Option(names = "--reveal", description = "Do not mask names, phone numbers, birthdates and tokens")
    boolean reveal;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<StoredSession> found;
        RedisSessionStore store;
        try {
            store = redis.openStore();
        } catch (RuntimeException e) {
            err.println("Cannot connect to " + redis.settings().redactedUrl() + ": " + StoreErrors.describe(e));
            return 2;
        }
        try (store) {
            found = store.get(id);
            if (found.isEmpty()) {
                err.println("No session " + id + " under " + redis.settings().key(id) + " (expired, deleted or never created).");
                return 1;
            }
            StoredSession session = found.get();
            if (session.parsed() instanceof UnreadableSession unreadable) {
                err.println("Session " + id + " is unreadable: " + unreadable.reason());
                if (json) {
                    out.println(unreadable.preview());
                }
                out.flush();
                return 3;
            }
            SessionDocument doc = (SessionDocument) session.parsed();
            ObjectNode shown = reveal ? doc.tree() : DocumentMasker.mask(doc);
            if (json) {
                out.println(store.codec().write(shown));
            } else {
                printSummary(out, session, doc);
            }
            out.flush();
            return 0;
        } catch (RuntimeException e) {
            err.println("Cannot read session " + id + ": " + StoreErrors.describe(e));
            return 2;
        }
    }

    private void printSummary(PrintWriter out, StoredSession session, SessionDocument doc) {
        out.printf("Session   %s%n", doc.id());
        out.printf("Status    %s%n", doc.status());
        out.printf("Partner   %s%n", doc.partnerId() == null ? "(unknown: the id has no partner prefix)"
                : doc.partnerId() + (doc.partnerId().equals(doc.storedPartnerId()) ? ""
                : " (stored partner_id: " + doc.storedPartnerId() + ")"));
        out.printf("Name      %s%n", reveal ? doc.userInfo().name() : doc.userInfo().maskedName());
        out.printf("Phone     %s%n", reveal ? doc.userInfo().phoneNo() : doc.userInfo().maskedPhone());
        out.printf("Provider  %s%n", doc.provider().englishName());
        out.printf("Created   %s%n", doc.createdAt() == null ? "-" : doc.createdAt().raw());
        out.printf("Updated   %s%n", doc.updatedAt() == null ? "-" : doc.updatedAt().raw());
        out.printf("Expires   %s%n", doc.expiresAt() == null ? "(missing)" : doc.expiresAt().raw());
        out.printf("TTL       %s%n", session.ttlMillis() < 0 ? "none" : session.ttlMillis() / 1000 + " s");
        Progress p = doc.progress();
        out.printf("Progress  auth_completed=%s health=%s prescriptions=%s completed=%s%n",
                p.authCompleted(), p.healthDataFetched(), p.prescriptionDataFetched(), p.completed());
        out.printf("Tilko     temp_auth_data=%s auth_data=%s collection_started=%s%n",
                doc.tempAuthData().isPresent() ? "yes" : "no",
                doc.authData().map(a -> a.casing().name().toLowerCase()).orElse("no"), doc.collectionStarted());
        for (DocumentWarning warning : doc.warnings()) {
            out.printf("WARNING   %s%n", warning.explanation());
        }
        java.time.LocalDateTime now = java.time.LocalDateTime.now(redis.zone);
        BackendRules.readProblem(doc, now).filter(why -> why.key().equals("backend.expired")).ifPresent(why ->
                out.printf("EXPIRED   %s%n", Wording.cli().render(why)));
        BackendRules.ownershipProblem(doc).ifPresent(why -> out.printf("WARNING   %s%n", Wording.cli().render(why)));
        out.println("Messages");
        for (SessionMessage message : doc.messages()) {
            String text = reveal ? message.summary() : DocumentMasker.maskText(message.summary(), doc.userInfo());
            out.printf("  %s [%s] %s%n", message.timestamp(), message.typeWire(), text);
        }
    }
}
