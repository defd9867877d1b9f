package io.welno.console.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.live.ClockOffset;
import io.welno.console.live.FeedBatch;
import io.welno.console.live.FeedListener;
import io.welno.console.live.FeedMode;
import io.welno.console.live.FeedOptions;
import io.welno.console.live.FeedTopology;
import io.welno.console.live.FileFallbackFeed;
import io.welno.console.live.RedisSessionFeed;
import io.welno.console.live.SessionChange;
import io.welno.console.live.SessionFeed;
import io.welno.console.session.BackendRules;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.Timestamps;
import io.welno.console.session.UnreadableSession;
import io.welno.console.store.RedisSessionStore;
import io.welno.console.store.StoredSession;
import io.welno.console.text.Masking;
import io.welno.console.text.Phrase;
import io.welno.console.text.SafeText;
import io.welno.console.flow.AuditTail;
import io.welno.console.flow.RedisAuditLog;
import io.welno.console.live.ChangeKind;
import io.welno.console.view.FieldDiff;
import io.welno.console.view.FollowedSessions;
import io.welno.console.view.HistoryLines;
import io.welno.console.view.HistoryVersion;
import io.welno.console.view.SessionHistory;
import io.welno.console.view.Wording;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import redis.clients.jedis.HostAndPort;

@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Print every session change as it happens (read-only) until interrupted (Ctrl-C). "
                + "Names are masked. --id follows one session; --diff prints what each version changed and who wrote it.")
final class WatchCommand implements Callable<Integer> {

    /** The name's column, in terminal cells, as {@code list} pads it. */
    private static final int NAME_CELLS = 8;

    @Mixin
    RedisOptions redis;

    @Mixin
    FilesOption.ForWatch files;

    @Option(names = "--json", description = "One JSON object per line: changes {\"kind\",\"id\",\"status\",...,\"snapshot\"} "
            + "and mode changes {\"mode\",\"code\",\"detail\"}")
    boolean json;

    @Option(names = "--allow-config", description = "Allow adding the missing K$gx flags to notify-keyspace-events (CONFIG SET); otherwise the feed polls")
    boolean allowConfig;

    @Option(names = "--poll-interval", paramLabel = "DURATION", defaultValue = "2s",
            converter = DurationConverter.PollInterval.class,
            description = "How often to poll when keyspace notifications are unavailable: 0.1 s or more, as seconds, "
                    + "500ms, 2s, 1m or ISO-8601 PT2S (default: ${DEFAULT-VALUE})")
    Duration pollInterval;

    @Option(names = "--sentinel", paramLabel = "HOST:PORT", split = ",",
            description = "Find the master through these sentinels (with --sentinel-master); --redis then supplies user, password, database and prefix")
    List<String> sentinels = new ArrayList<>();

    @Option(names = "--sentinel-master", paramLabel = "NAME", converter = Inputs.StreamKey.class,
            description = "The sentinel master name")
    String sentinelMaster;

    @Option(names = "--id", paramLabel = "ID", converter = Inputs.SessionId.class,
            description = "Watch this session only (without the key prefix), and print a 'status' line each time its"
                    + " status changes. With or without it, a session's expires_at passing is an 'expiry' line,"
                    + " once per session")
    String id;

    @Option(names = "--diff", description = "After each change, print what changed from the version seen before, field by field "
            + "(masked), and who wrote it: a console action (its id, from the message it added; operator and action from the "
            + "audit stream) or the backend. The feed reads a key once for several quick writes, so those show as one version")
    boolean diff;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        FeedTopology topology = topology();
        FeedOptions options = FeedOptions.defaults().withMayEnableNotifications(allowConfig)
                .withPollInterval(pollInterval).withLogWords(Wording.log());
        CountDownLatch stopped = new CountDownLatch(1);
        // the command's clock, which its expiry lines are judged by: Redis's clock is compared with that one
        RedisSessionFeed redisFeed = new RedisSessionFeed(redis.settings(), new SessionCodec(redis.zone), options,
                topology, Thread::new, redis.clock);
        Printer printer = new Printer(out, spec.commandLine().getErr(), redisFeed::clockOffset);
        SessionFeed feed = redisFeed;
        RedisSessionStore lookups = null;
        if (files.given()) {
            // The folder is looked at as often as the feed would poll Redis.
            lookups = redis.openStore();
            FileFallbackFeed withFiles = new FileFallbackFeed(redisFeed, lookups, files.folder(lookups, redis),
                    pollInterval, Wording.cli()::render);
            feed = withFiles;
        }
        AuditTail audit = null;
        if (diff) {
            RedisSessionStore auditReader = lookups != null ? lookups : redis.openStore();
            lookups = auditReader;
            audit = AuditTail.start(auditReader.client(), RedisAuditLog.DEFAULT_KEY, printer.history::onAudit,
                    printer::auditReading);
        }
        SessionFeed started = feed;
        // Ctrl-C runs shutdown hooks, not an interrupt: close the feed there so its connections end cleanly.
        Thread hook = new Thread(() -> {
            started.close();
            stopped.countDown();
        }, "watch-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        boolean interrupted = false;
        try {
            feed.start(printer);
            // once a second: a session whose expires_at passes is said when it passes
            while (!stopped.await(1, java.util.concurrent.TimeUnit.SECONDS)) {
                printer.passTime();
            }
        } catch (InterruptedException e) {
            // Stopped by an interrupt: the closing below still waits for the feed and the audit tail, so nothing is
            // printed after the command has returned; the flag is put back at the end.
            interrupted = true;
        } finally {
            feed.close();
            if (audit != null) {
                audit.close();
            }
            if (lookups != null) {
                lookups.close();
            }
            out.flush();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running.
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return ExitCode.DONE.code();
    }

    private FeedTopology topology() {
        if (sentinels.isEmpty() && sentinelMaster == null) {
            return FeedTopology.auto();
        }
        if (sentinels.isEmpty() || sentinelMaster == null) {
            throw new ParameterException(spec.commandLine(), "--sentinel and --sentinel-master go together");
        }
        List<HostAndPort> addresses = new ArrayList<>();
        for (String sentinel : sentinels) {
            int colon = sentinel.lastIndexOf(':');
            int port = -1;
            try {
                port = colon < 1 ? -1 : Integer.parseInt(sentinel.substring(colon + 1));
            } catch (NumberFormatException e) {
                // refused below
            }
            if (port < 1 || port > 65535) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '--sentinel': HOST:PORT with "
                        + "a port from 1 to 65535, not " + Inputs.shown(sentinel));
            }
            addresses.add(new HostAndPort(sentinel.substring(0, colon), port));
        }
        return FeedTopology.sentinel(sentinelMaster, addresses, null, null);
    }

    /**
     * Prints on its own feed thread; one line per change or mode change, flushed at once. With {@code --diff}
     * each new version's lines follow its change; with {@code --id} a status change gets a line of its own.
     */
    private final class Printer implements FeedListener {
        private final PrintWriter out;
        /** Diffs on the feed's thread, in order: a command prints, it keeps no window responsive. */
        final SessionHistory history = new SessionHistory(new SessionCodec(redis.zone), Runnable::run, redis.clock,
                SessionHistory.Bounds.DEFAULT);
        /**
         * The session of {@code --id}, or every session: an expires_at passing gets an 'expiry' line either way, once
         * per session, as the backend then deletes the session on its next read while its key may live on for half an
         * hour with nothing in the change lines to tell.
         */
        private final FollowedSessions followed = id == null ? FollowedSessions.everySession(redis.clock,
                redis.zone) : new FollowedSessions(redis.clock, redis.zone);

        private final PrintWriter err;
        private final Supplier<Optional<ClockOffset>> clockOffset;
        private final ClockNotes clockNotes = new ClockNotes();
        /** The text lines' filter of a resync's rows (the JSON lines keep them all). */
        private final ReadAgainFilter readAgain = new ReadAgainFilter();
        private boolean following;

        Printer(PrintWriter out, PrintWriter err, Supplier<Optional<ClockOffset>> clockOffset) {
            this.out = out;
            this.err = err;
            this.clockOffset = clockOffset;
            history.addListener(this::versionOf);
            if (id != null) {
                followed.follow(id);
            }
            followed.addListener(this::statusChanged);
        }

        /** Prints what time alone changed: a session's expiry passing. */
        synchronized void passTime() {
            followed.passTime();
            out.flush();
            noteClock(); // the feed reads Redis's clock again every few minutes while it follows
        }

        @Override
        public synchronized void onBatch(FeedBatch all) {
            FeedBatch batch = id == null ? all : new FeedBatch(all.changes().stream()
                    .filter(c -> c.id().equals(id)).toList(), all.fromSnapshot(), all.snapshotComplete());
            for (SessionChange change : batch.changes()) {
                LocalDateTime now = redis.now();
                if (json) {
                    out.println(SafeText.json(changeJson(change, now).toString()));
                } else {
                    ReadAgainFilter.Verdict verdict = readAgain.judge(change);
                    if (verdict != ReadAgainFilter.Verdict.UNCHANGED) {
                        out.println(changeText(change, now, verdict == ReadAgainFilter.Verdict.FOUND_CHANGED));
                    }
                }
            }
            if (diff) {
                history.onBatch(batch);
            }
            followed.onBatch(batch);
            if (batch.snapshotComplete()) {
                int unchanged = json ? 0 : readAgain.takeUnchanged();
                out.println(json ? JsonNodeFactory.instance.objectNode().put("snapshot", "complete").toString()
                        : unchanged == 0 ? "-- snapshot complete"
                        : String.format(Locale.ROOT, "-- snapshot complete: %,d %s read again unchanged, not listed",
                                unchanged, unchanged == 1 ? "session" : "sessions"));
            }
            out.flush();
        }

        /** The newest version of a session: its heading and its changed fields (English, masked, escaped). */
        private void versionOf(String sessionId) {
            List<HistoryVersion> versions = history.versions(sessionId);
            if (versions.isEmpty()) {
                return;
            }
            HistoryVersion version = versions.get(0);
            Wording words = Wording.cli();
            if (json) {
                ObjectNode line = JsonNodeFactory.instance.objectNode().put("version", sessionId)
                        .put("at", version.at().toString())
                        .put("kind", version.kind().name().toLowerCase(Locale.ROOT))
                        .put("found", version.found())
                        .put("author", version.author().type().name().toLowerCase(Locale.ROOT))
                        .put("actionId", version.author().actionId())
                        .put("by", words.render(version.author().phrase()));
                ArrayNode fields = line.putArray("fields");
                for (FieldDiff.Field field : version.fields()) {
                    fields.addObject().put("field", field.field()).put("was", field.was()).put("now", field.now());
                }
                line.put("moreFields", version.moreFields());
                out.println(SafeText.json(line.toString()));
                return;
            }
            out.println(String.format(Locale.ROOT, "%-8s %s %s", "version",
                    TerminalCells.padRight(SafeText.bounded(sessionId, 80), 42),
                    HistoryLines.heading(version, words, redis.zone, redis.now())));
            for (String field : HistoryLines.fields(version, words)) {
                out.println("    " + field);
            }
        }

        private void statusChanged(FollowedSessions.Changed changed) {
            Wording words = Wording.cli();
            if (changed.pastExpiry() != null) {
                if (json) {
                    out.println(SafeText.json(JsonNodeFactory.instance.objectNode()
                            .put("pastExpiry", changed.sessionId())
                            .put("status", changed.from() == null ? null : changed.from().wire())
                            .put("expiresAt", Timestamps.format(changed.pastExpiry())).toString()));
                } else {
                    out.println(String.format(Locale.ROOT, "%-8s %s", "expiry",
                            SafeText.bounded(words.render(changed.phrase()), SafeText.TEXT)));
                }
                return;
            }
            if (id == null) {
                return; // watching every session, the change lines say each status already
            }
            String now = changed.to() == null ? words.texts().get(changed.endedTextKey()) : words.status(changed.to());
            if (json) {
                out.println(SafeText.json(JsonNodeFactory.instance.objectNode().put("statusChanged", changed.sessionId())
                        .put("from", changed.from() == null ? null : changed.from().wire())
                        .put("to", changed.to() == null ? null : changed.to().wire())
                        .put("found", changed.found()).toString()));
            } else {
                // a move a pass found came earlier, at a time not known (an end found says so in its own words)
                String found = changed.found() && changed.to() != null ? "  " + words.texts().get("history.found") : "";
                out.println(String.format(Locale.ROOT, "%-8s %s %s → %s%s", "status",
                        TerminalCells.padRight(SafeText.bounded(changed.sessionId(), 80), 42),
                        changed.from() == null ? "-" : words.status(changed.from()), now, found));
            }
        }

        /** Where sessions stand against the fallback folder, after the rows they belong to. */
        @Override
        public void onPlaces(List<FileFallbackFeed.Place> places) {
            for (FileFallbackFeed.Place place : places) {
                if (json) {
                    ObjectNode line = JsonNodeFactory.instance.objectNode().put("place", place.copy().wire())
                            .put("id", place.id());
                    ArrayNode differs = line.putArray("differs");
                    place.copy().differing().forEach(differs::add);
                    out.println(SafeText.json(line.toString()));
                } else {
                    out.println(String.format(Locale.ROOT, "%-8s %s %s", "place",
                            TerminalCells.padRight(SafeText.bounded(place.id(), 80), 42),
                            place.copy().mark()));
                }
            }
            out.flush();
        }

        /**
         * The audit stream's reading failing or working again: said, not retried in silence, as the versions' authors
         * come from it (a console's version without its entry names only what the session's message says of it).
         */
        synchronized void auditReading(Optional<Phrase> problem) {
            String cause = problem.map(Wording.cli()::render).orElse(null);
            if (json) {
                ObjectNode line = JsonNodeFactory.instance.objectNode().put("audit", cause == null ? "reading" : "unreadable");
                problem.ifPresent(p -> line.put("code", p.key()).put("detail", cause));
                out.println(SafeText.json(line.toString()));
            } else {
                // the cause within the sentence, as the window's Audit tab embeds it (audit.readFailed)
                out.println(problem.isEmpty() ? "== AUDIT: reading the audit stream again"
                        : "== AUDIT: the audit stream cannot be read: " + Wording.cli().clause(problem.get())
                                + "; versions a console wrote meanwhile may lack their action and operator");
            }
            out.flush();
        }

        @Override
        public synchronized void onModeChanged(FeedMode mode, Phrase detail) {
            following = mode == FeedMode.LIVE || mode == FeedMode.POLLING;
            noteClock();
            // the detail quotes Redis errors: Wording escapes and bounds them like every text from outside
            String sentence = Wording.cli().render(detail);
            if (json) {
                out.println(SafeText.json(JsonNodeFactory.instance.objectNode().put("mode", mode.name())
                        .put("code", detail.key()).put("detail", sentence).toString()));
            } else {
                out.println("== " + mode + ": " + sentence);
            }
            out.flush();
        }

        /**
         * While following (the feed reads Redis's clock before it follows, and again every few minutes), says on
         * standard error when this computer's clock is far from Redis's, or agrees again ({@link ClockNotes}): every
         * expiry line is judged by it.
         */
        private void noteClock() {
            if (following) {
                clockOffset.get().map(clockNotes::next).ifPresent(note -> ClockNote.say(note, err));
            }
        }
    }

    /** @param now the backend's wall-clock time, read as the guards read it ({@link RedisOptions#now}) */
    static ObjectNode changeJson(SessionChange change, LocalDateTime now) {
        ObjectNode line = JsonNodeFactory.instance.objectNode();
        StoredSession stored = change.session();
        // deleted or expired is the feed's guess for an end a pass found: the line says only what is known
        line.put("kind", foundGone(change) ? "gone" : change.kind().name().toLowerCase(Locale.ROOT));
        line.put("id", change.id());
        if (stored == null) {
            line.putNull("status");
        } else if (stored.parsed() instanceof SessionDocument doc) {
            if (doc.status().isMissing()) {
                line.putNull("status");
            } else {
                line.put("status", doc.status().wire());
            }
            line.put("readable", true); // as list --json has it, so a script reads the same fields of both
            line.putNull("error");
            line.put("name", doc.userInfo().maskedName());
            ttl(line, stored);
            line.put("backendCanRead", BackendRules.canRead(doc, now));
            // as list --json has it, so a script reads the same field of both
            BackendRules.expiredFor(doc, now).ifPresentOrElse(
                    past -> line.put("expiredForSeconds", past.toSeconds()), () -> line.putNull("expiredForSeconds"));
            ArrayNode warnings = line.putArray("warnings");
            doc.warnings().forEach(w -> warnings.add(w.name().toLowerCase(Locale.ROOT)));
            BackendRules.ruleWarnings(doc, now).forEach(warnings::add);
        } else if (stored.parsed() instanceof UnreadableSession unreadable) {
            line.putNull("status");
            line.put("readable", false);
            line.put("error", Masking.raw(Wording.cli().render(unreadable.reason())));
            line.putNull("name"); // every field a readable one has, as list --json has them
            ttl(line, stored);
            line.put("backendCanRead", BackendRules.canRead(unreadable)); // null: not known, as in list --json
            line.putNull("expiredForSeconds");
            line.putArray("warnings");
        }
        // the change's own origin, not its batch's: a resync's batches carry pushed changes too, which are news
        line.put("snapshot", change.fromSnapshot());
        return line;
    }

    /** An end a resync's pass found (the key missing): whether it was deleted or expired, and when, is not known. */
    private static boolean foundGone(SessionChange change) {
        return change.session() == null && change.fromSnapshot();
    }

    /** The key's TTL in seconds as list --json gives it: -1 for none, null for a file, which has none. */
    private static void ttl(ObjectNode line, StoredSession stored) {
        if (stored.ttlMillis() == StoredSession.UNKNOWN_TTL) {
            line.putNull("ttl");
        } else {
            line.put("ttl", stored.ttlMillis() < 0 ? -1 : stored.ttlMillis() / 1000);
        }
    }

    /** The note of an end a resync found: when it happened is not known, and the line comes long after it. */
    static final String FOUND_GONE = "found gone on reading every session again (it went earlier)";
    /** The note of a change a resync found: it came while the console was not following, at a time not known. */
    static final String FOUND_CHANGED = "found changed on reading every session again (it changed earlier)";

    /**
     * One line per change; the id, status and name come from Redis, so they are escaped and bounded. The notes are
     * {@code list}'s for the same session ({@link SessionNotes}): a session past its expires_at says {@code !expired}
     * here too, and an unreadable value why; {@code foundChanged}, a resync found it changed ({@link ReadAgainFilter}).
     */
    private static String changeText(SessionChange change, LocalDateTime now, boolean foundChanged) {
        ObjectNode json = changeJson(change, now);
        String status = !json.path("readable").asBoolean(true) ? "UNREADABLE"
                : json.path("status").isNull() ? "-" : json.path("status").asText();
        String name = json.path("name").asText("");
        StoredSession stored = change.session();
        boolean foundGone = foundGone(change);
        String notes = stored == null ? (foundGone ? FOUND_GONE : "")
                : stored.parsed() instanceof SessionDocument doc
                ? SessionNotes.of(doc, BackendRules.ruleWarnings(doc, now))
                : stored.parsed() instanceof UnreadableSession unreadable ? SessionNotes.of(unreadable) : "";
        if (foundChanged) {
            notes = notes.isEmpty() ? FOUND_CHANGED : notes + "  " + FOUND_CHANGED;
        }
        return String.format(Locale.ROOT, "%-8s %s %s %s  %s", json.get("kind").asText(),
                TerminalCells.padRight(SafeText.bounded(change.id(), 80), 42),
                TerminalCells.padRight(SafeText.bounded(status, 40), 27),
                TerminalCells.padRight(SafeText.bounded(name, 40), NAME_CELLS), notes).stripTrailing();
    }
}
