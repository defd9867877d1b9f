package io.welno.console.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.flow.PersonalDataReveal;
import io.welno.console.flow.ActionResult;
import io.welno.console.flow.RedisAuditLog;
import io.welno.console.store.StoreFailure;
import io.welno.console.session.BackendRules;
import io.welno.console.session.DocumentMasker;
import io.welno.console.session.DocumentWarning;
import io.welno.console.session.Progress;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionMessage;
import io.welno.console.session.UnreadableSession;
import io.welno.console.store.FallbackSessionStore;
import io.welno.console.store.FileCopy;
import io.welno.console.store.RedisSessionStore;
import io.welno.console.store.SessionStore;
import io.welno.console.store.StoredSession;
import io.welno.console.text.Masking;
import io.welno.console.text.Phrase;
import io.welno.console.text.SafeText;
import io.welno.console.view.FileDifference;
import io.welno.console.view.Wording;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Show one session (read-only). Names, phone numbers, birthdates and tokens are masked, also in a "
                + "value that is not a readable document; --reveal shows them (developer role only, recorded in the "
                + "audit stream like the window's reveal).",
                "Text from the session is printed with control characters escaped (\\n, \\u001b) and long values cut "
                        + "with …; --json prints every value whole."})
final class ShowCommand implements Callable<Integer> {

    /** A message or an unreadable value's preview is cut here in the summary; --json has it whole. */
    private static final int PREVIEW = 500;

    @Mixin
    RedisOptions redis;

    @Mixin
    OperatorOptions who;

    @Mixin
    FilesOption.ForShow files;

    @Parameters(paramLabel = "ID", converter = Inputs.SessionId.class, description = "Session id (without the key prefix)")
    String id;

    @Option(names = "--json", description = "Print the stored document as JSON (masked unless --reveal)")
    boolean json;

    @Option(names = "--reveal", description = "Do not mask names, phone numbers, birthdates and tokens (developer "
            + "role only; recorded in the audit stream)")
    boolean reveal;

    @Option(names = "--audit-stream", paramLabel = "KEY", defaultValue = RedisAuditLog.DEFAULT_KEY,
            converter = Inputs.StreamKey.class, description = "Redis stream where --reveal is recorded (default: ${DEFAULT-VALUE})")
    String auditStream;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (reveal) {
            PersonalDataReveal.refusal(who.role).ifPresent(refused -> {
                throw new ParameterException(spec.commandLine(), "--reveal: " + Wording.cli().render(refused));
            });
        }
        RedisSessionStore store = redis.openStore();
        try (SessionStore sessions = files.around(store, redis)) {
            Optional<StoredSession> found = sessions.get(id);
            if (found.isEmpty()) {
                err.println("No session " + SafeText.excerpt(id, SafeText.FIELD) + " under "
                        + SafeText.excerpt(redis.settings().key(id), SafeText.FIELD)
                        + (files.given() ? " nor in " + SafeText.excerpt(String.valueOf(files.directory),
                        SafeText.FIELD) : "") + " (expired, deleted or never created).");
                err.flush();
                return ExitCode.FAILED.code();
            }
            if (reveal) {
                // recorded before anything is printed, through the same path as the window's reveal; an entry that
                // cannot be written stops the command, since a reveal nobody can audit is what the audit rules out
                Optional<PersonalDataReveal.Denied> denied = PersonalDataReveal.reveal(new RedisAuditLog(
                        store.client(), auditStream, RedisAuditLog.DEFAULT_MAX_LEN, Wording.cli()::render),
                        who.operator(), id, redis.clock.instant(), Phrase.of("audit.reveal.cli"));
                if (denied.isPresent()) {
                    err.println("--reveal refused: " + Wording.cli().render(denied.get().why()));
                    err.flush();
                    StoreFailure failure = denied.get().auditFailure();
                    return (failure == null ? ExitCode.REFUSED : ExitCode.of(ActionResult.Outcome.of(failure)))
                            .code();
                }
            }
            StoredSession session = found.get();
            boolean summary = !json && session.parsed() instanceof SessionDocument;
            if (sessions instanceof FallbackSessionStore fallback && !summary) {
                printPlace(err, fallback, session, store.codec()); // on stderr: --json stays the document itself
            }
            if (session.parsed() instanceof UnreadableSession unreadable) {
                printUnreadable(out, err, unreadable, session.rawBytes());
                return ExitCode.FAILED.code();
            }
            SessionDocument doc = (SessionDocument) session.parsed();
            if (json) {
                // Revealed: the bytes Redis holds, as they are; masked: the masked tree in the backend's own layout.
                out.println(SafeText.json(reveal ? new String(session.value(), StandardCharsets.UTF_8)
                        : Masking.personalNumbers(store.codec().write(DocumentMasker.mask(doc)))));
            } else {
                printSummary(out, session, doc);
                if (sessions instanceof FallbackSessionStore fallback) {
                    printPlace(out, fallback, session, store.codec());
                }
                out.flush();
                // its EXPIRED line is this computer's clock's judgement
                ClockNote.say(ClockNote.read(store.client(), redis.clock), err);
            }
            out.flush();
            return ExitCode.DONE.code();
        }
    }

    /**
     * A value that is not a readable document is shown as masked text (names, phones, birth dates and tokens
     * in it are found by their fields and shapes), never raw: {@code --json} wraps it in an object so the output
     * stays JSON.
     */
    private void printUnreadable(PrintWriter out, PrintWriter err, UnreadableSession unreadable, int bytes) {
        String reason = Masking.raw(Wording.cli().render(unreadable.reason()));
        String preview = reveal ? unreadable.preview() : Masking.raw(unreadable.preview());
        // The reason is a sentence of its own ("Truncated JSON: …."), as the window's detail has it after "The stored
        // value is not a readable session.": after a colon it read as a capitalised clause.
        err.println("Session " + SafeText.excerpt(id, SafeText.FIELD) + " is unreadable. "
                + SafeText.bounded(reason, SafeText.TEXT));
        err.flush();
        if (json) {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("id", id);
            node.put("readable", false);
            node.put("error", reason);
            node.put("backendCanRead", BackendRules.canRead(unreadable)); // null: not known, as in list --json
            node.put("bytes", bytes);
            node.put("preview", preview);
            out.println(SafeText.json(node.toString()));
        } else {
            // An empty value, or a key of another type, has no text to show: say so rather than print a blank.
            out.printf("Preview   %s%n", preview.isEmpty() ? "(none)" : SafeText.bounded(preview, PREVIEW));
        }
        out.flush();
    }

    private void printSummary(PrintWriter out, StoredSession session, SessionDocument doc) {
        out.printf("Session   %s%n", field(doc.id()));
        out.printf("Status    %s%n", field(String.valueOf(doc.status())));
        out.printf("Partner   %s%n", doc.partnerId() == null ? "(unknown: the id has no partner prefix)"
                : field(doc.partnerId()) + (!doc.storedPartnerIdIsText() ? " (stored partner_id: not a string)"
                : doc.partnerId().equals(doc.storedPartnerId()) ? ""
                : " (stored partner_id: " + field(doc.storedPartnerId()) + ")"));
        out.printf("Name      %s%n", field(reveal ? doc.userInfo().name() : doc.userInfo().maskedName()));
        out.printf("Phone     %s%n", field(reveal ? doc.userInfo().phoneNo() : doc.userInfo().maskedPhone()));
        out.printf("Provider  %s%n", doc.provider().englishName());
        out.printf("Created   %s%n", doc.createdAt() == null ? "-" : field(doc.createdAt().raw()));
        out.printf("Updated   %s%n", doc.updatedAt() == null ? "-" : field(doc.updatedAt().raw()));
        out.printf("Expires   %s%n", doc.expiresAtText() == null ? "(missing)" : field(doc.expiresAtText())
                + (doc.backendExpiry().isEmpty() ? " (not a time the backend can compare)" : ""));
        out.printf("TTL       %s%n", session.ttlMillis() == StoredSession.UNKNOWN_TTL ? "none (a file)"
                : session.ttlMillis() < 0 ? "none" : session.ttlMillis() / 1000 + " s");
        Progress p = doc.progress();
        out.printf("Progress  auth_completed=%s health=%s prescriptions=%s completed=%s%n",
                p.authCompleted(), p.healthDataFetched(), p.prescriptionDataFetched(), p.completed());
        out.printf("Tilko     temp_auth_data=%s auth_data=%s collection_started=%s%n",
                doc.tempAuthData().isPresent() ? "yes" : "no",
                doc.authData().map(a -> a.casing().name().toLowerCase(Locale.ROOT)).orElse("no"),
                doc.collectionStarted());
        for (DocumentWarning warning : doc.warnings()) {
            out.printf("WARNING   %s%n", warning.explanation());
        }
        java.time.LocalDateTime now = redis.now();
        // the expiry whatever else the document breaks: list's !expired and the guards' refusal say it of it too
        BackendRules.expired(doc, now).ifPresent(why -> out.printf("EXPIRED   %s%n", Wording.cli().render(why)));
        BackendRules.ownershipProblem(doc).ifPresent(why -> out.printf("WARNING   %s%n", Wording.cli().render(why)));
        out.println("Messages");
        for (SessionMessage message : doc.messages()) {
            String text = reveal ? message.summary()
                    : Masking.personalNumbers(DocumentMasker.maskText(message.summary(), doc.userInfo()));
            out.printf("  %s [%s] %s%n", field(message.timestamp()), field(message.typeWire()),
                    SafeText.bounded(text, PREVIEW));
        }
    }

    /**
     * Where the session stands against the fallback folder and, for a diverged one, each differing field with both
     * values masked (also with {@code --reveal}: it reveals the document, the difference stays a summary).
     */
    private void printPlace(PrintWriter to, FallbackSessionStore fallback, StoredSession shown, SessionCodec codec) {
        FileCopy copy = fallback.fileCopy(shown);
        to.printf("Place     %s%n", switch (copy.where()) {
            case REDIS_ONLY -> "Redis only (no file in the folder)";
            case FILE_ONLY -> "FILE ONLY: not in Redis; the backend reads this file only while Redis fails";
            case BOTH_EQUAL -> "Redis and the file, the same";
            case DIVERGED -> "DIVERGED: the file differs from Redis (shown: Redis's copy, which the backend reads "
                    + "while Redis answers)";
        });
        if (copy.where() != FileCopy.Where.DIVERGED) {
            to.flush();
            return;
        }
        Optional<StoredSession> file = fallback.fileGet(id);
        if (!(shown.parsed() instanceof SessionDocument inRedis) || file.isEmpty()
                || !(file.get().parsed() instanceof SessionDocument inFile)) {
            to.println("          one copy is unreadable, so they cannot be compared field by field");
        } else {
            for (FileDifference.Field f : FileDifference.of(inRedis, inFile, codec)) {
                to.printf("  differs %s: Redis %s, file %s%n", field(f.field()), absentOr(f.inRedis()),
                        absentOr(f.inFile()));
            }
        }
        to.flush();
    }

    private static String absentOr(String value) {
        return value == null ? "(absent)" : SafeText.bounded(value, SafeText.FIELD);
    }

    private static String field(String value) {
        return value == null ? "" : SafeText.bounded(value, SafeText.FIELD);
    }
}
