package io.welno.console.app;

import io.welno.console.demo.DemoEnvironment;
import io.welno.console.flow.AuditLog;
import io.welno.console.flow.AuditRecord;
import io.welno.console.flow.AuditTail;
import io.welno.console.text.PhrasedException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import io.welno.console.flow.FlowOptions;
import io.welno.console.flow.FlowService;
import io.welno.console.flow.Operator;
import io.welno.console.flow.RedisAuditLog;
import io.welno.console.flow.RevertWatch;
import io.welno.console.flow.Role;
import io.welno.console.live.FeedBatch;
import io.welno.console.live.FeedListener;
import io.welno.console.live.FeedMode;
import io.welno.console.text.LogWords;
import io.welno.console.text.Phrase;
import io.welno.console.tilko.TilkoClient;
import io.welno.console.tilko.TilkoConfig;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import io.welno.console.live.FeedOptions;
import io.welno.console.live.FeedTopology;
import io.welno.console.live.FileFallbackFeed;
import io.welno.console.live.RedisSessionFeed;
import io.welno.console.live.SessionFeed;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.Timestamps;
import io.welno.console.store.RedisConnectionSettings;
import io.welno.console.store.FallbackSessionStore;
import io.welno.console.store.FileSessionStore;
import io.welno.console.store.RedisSessionStore;
import io.welno.console.store.RetryPolicy;
import io.welno.console.store.SessionStore;
import io.welno.console.flow.FlowListener;
import io.welno.console.flow.SessionWritten;
import io.welno.console.view.FollowedSessions;
import io.welno.console.view.SessionHistory;
import io.welno.console.view.Wording;
import java.nio.file.Path;
import java.util.Optional;
import java.time.Clock;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything behind the window for one connection, wired by hand: the store, the live feed, and (in the
 * demo) the embedded Redis, simulator and traffic. Closing it stops all of them. Blocking: build it off
 * the FX thread.
 */
public final class ConsoleServices implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleServices.class);

    /** Sessions the demo starts with; enough to show the table at work. */
    public static final int DEMO_SEED_SESSIONS = 1_500;
    public static final int DEMO_SESSIONS_PER_MINUTE = 90;
    /** The demo's role when it starts: an operator, what most users of the console are ({@link #switchRole}). */
    public static final Role DEMO_ROLE = Role.OPERATOR;
    /** How often the fallback folder is looked at: the backend writes there only while Redis fails. */
    private static final Duration FILE_POLL = Duration.ofSeconds(2);
    /** The services' log lines are English, like every log line, whatever options the window hands in. */
    private static final LogWords LOG_WORDS = Wording.log();

    private final String title;
    private final String environment;
    private final RedisConnectionSettings settings;
    private final Timestamps timestamps;
    private final SessionCodec codec;
    private final RedisSessionStore store;
    /** Where actions read and write: Redis, or Redis with the backend's fallback folder beside it. */
    private final SessionStore sessions;
    private final SessionFeed feed;
    private final FileFallbackFeed fileFeed;
    private final DemoEnvironment demo;
    private volatile Operator operator;
    private final TilkoClient tilko;
    private final RevertWatch revertWatch;
    private final ExecutorService flowThreads;
    private final FlowService flow;
    private final Thread releaseOnExit;
    private final AuditTail auditTail;
    /** The shared audit stream, read by the audit tab (reading is allowed to every role, viewers included). */
    private final RedisAuditLog auditStream;
    private final List<Consumer<AuditRecord>> auditListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Optional<Phrase>>> auditReadingListeners = new CopyOnWriteArrayList<>();
    /** Why the tail cannot read the audit stream now, if it cannot: told to a listener that comes later, too. */
    private Optional<Phrase> auditReading = Optional.empty();
    private final ExecutorService historyThread;
    private final SessionHistory history;
    private final FollowedSessions followed;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ConsoleServices(String title, String environment, RedisConnectionSettings settings, Timestamps timestamps,
                            FeedOptions feedOptions, DemoEnvironment demo, Operator operator, TilkoConfig tilkoConfig,
                            FlowOptions flowOptions, Path filesDirectory) {
        this.title = title;
        this.environment = environment;
        this.settings = settings;
        this.timestamps = timestamps;
        this.codec = new SessionCodec(timestamps.zone());
        this.demo = demo;
        this.operator = operator;
        this.store = RedisSessionStore.open(settings, codec, timestamps);
        // the window's clock, which its rows and the actions are judged by: Redis's clock is compared with that one
        SessionFeed redisFeed = new RedisSessionFeed(settings, codec, feedOptions.withLogWords(LOG_WORDS),
                FeedTopology.auto(), Thread::new, timestamps.clock());
        if (filesDirectory == null) {
            this.sessions = store;
            this.fileFeed = null;
            this.feed = redisFeed;
        } else {
            FileSessionStore files = new FileSessionStore(filesDirectory, codec, timestamps, RetryPolicy.DEFAULT);
            this.sessions = new FallbackSessionStore(store, files);
            this.fileFeed = new FileFallbackFeed(redisFeed, store, files, FILE_POLL, LOG_WORDS);
            this.feed = fileFeed;
        }
        this.tilko = tilkoConfig == null ? null : new TilkoClient(tilkoConfig);
        // The live feed tells the watch about every change; the poll is the fallback when the feed polls slowly, and
        // what sees a file-only session's file being rewritten between two looks at the folder.
        this.revertWatch = new RevertWatch(sessions, Duration.ofSeconds(2), LOG_WORDS);
        this.flowThreads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "flow");
            thread.setDaemon(true);
            return thread;
        });
        // A viewer's console must not write even an audit entry (docs/architecture.md, reliability).
        this.flow = new FlowService(sessions, tilko,
                operator.role().mayWrite() ? new RedisAuditLog(store.client(), LOG_WORDS) : null,
                revertWatch, timestamps, flowThreads, flowOptions.withLogWords(LOG_WORDS));
        // The JVM can end without close(): SIGTERM, a logout, the OS shutting down. A collection running then would
        // leave collection_started = true behind (docs/flow.md, "Actions": cleared on every exit path), so its claim
        // is given back from a shutdown hook, as the collect command does on Ctrl+C.
        this.releaseOnExit = new Thread(flow::close, "release-collections");
        Runtime.getRuntime().addShutdownHook(releaseOnExit);
        this.historyThread = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "history");
            thread.setDaemon(true);
            return thread;
        });
        this.history = new SessionHistory(codec, historyThread, timestamps.clock(), SessionHistory.Bounds.DEFAULT);
        this.followed = new FollowedSessions(timestamps.clock(), timestamps.zone());
        flow.addListener(new FlowListener() {
            @Override
            public void onSessionWritten(SessionWritten written) {
                history.onWritten(written);
            }
        });
        // Every console's actions, as they happen: the revert of a colleague's change is shown here too, and the
        // history names who wrote a version.
        this.auditStream = new RedisAuditLog(store.client(), LOG_WORDS);
        this.auditTail = AuditTail.start(store.client(), RedisAuditLog.DEFAULT_KEY, this::heardAudit,
                this::auditReadingChanged);
        // Each follows the feed on its own thread, subscribed before the window so none misses the snapshot.
        feed.subscribe(FeedListener.ofSessions(revertWatch::onKeyChanged, revertWatch::onKeyRemoved));
        feed.subscribe(FeedListener.ofSessions(flow.otherConsoles()::onKeyChanged, flow.otherConsoles()::onKeyRemoved));
        feed.subscribe(history::onBatch);
        feed.subscribe(followed::onBatch);
        feed.subscribe(new ModeLog());
    }

    /** The feed's modes in the log, in English like every log line. */
    private static final class ModeLog implements FeedListener {
        @Override
        public void onBatch(FeedBatch batch) {
        }

        @Override
        public void onModeChanged(FeedMode mode, Phrase detail) {
            LOG.info("Feed {}: {}", mode, Wording.cli().clause(detail));
        }
    }

    /** The embedded default: a real Redis, the Tilko simulator and backend-like traffic. */
    public static ConsoleServices startDemo(Timestamps timestamps) {
        DemoEnvironment demo = DemoEnvironment.start(DEMO_SEED_SESSIONS, DEMO_SESSIONS_PER_MINUTE, timestamps);
        try {
            return new ConsoleServices("DEMO", "demo", demo.redisSettings(), timestamps,
                    FeedOptions.defaults().withMayEnableNotifications(true), demo, Operator.osUser(DEMO_ROLE),
                    demo.tilkoConfig(), FlowOptions.defaults(), null);
        } catch (RuntimeException e) {
            demo.close();
            throw e;
        }
    }

    public static ConsoleServices connect(ConnectionProfile profile, String password) {
        return connect(profile, password, FlowOptions.defaults());
    }

    public static ConsoleServices connect(ConnectionProfile profile, String password, FlowOptions flowOptions) {
        return connect(profile, password, System.getenv(TilkoConfig.API_KEY_ENV), flowOptions);
    }

    /**
     * @param tilkoKey the Tilko API key (typed in the connection dialog and kept in memory, or the environment's),
     *                 or null: then the actions that call Tilko are refused, saying how to set it
     */
    public static ConsoleServices connect(ConnectionProfile profile, String password, String tilkoKey,
                                          FlowOptions flowOptions) {
        return connect(profile, password, tilkoKey, flowOptions, Clock.systemUTC());
    }

    /**
     * As {@link #connect(ConnectionProfile, String, String, FlowOptions)}, the flow judging and writing times by
     * {@code clock}: the window's own, so that what its rows say (expired, stuck) and what the actions accept are
     * judged by one clock, which a test moves.
     */
    public static ConsoleServices connect(ConnectionProfile profile, String password, String tilkoKey,
                                          FlowOptions flowOptions, Clock clock) {
        // A folder unmounted since the profile was saved: said now, not found out as sessions that never show.
        profile.filesProblem().ifPresent(problem -> {
            throw new PhrasedException(Phrase.of("connect.problem.files", problem));
        });
        RedisConnectionSettings settings = RedisConnectionSettings.parse(profile.url());
        if (password != null && !password.isEmpty()) {
            settings = settings.withPassword(password);
        }
        ZoneId zone = profile.zoneId();
        Role role = profile.resolvedRole();
        TilkoConfig tilko = profile.tilkoUrl() == null || profile.tilkoUrl().isBlank() || tilkoKey == null
                || tilkoKey.isBlank()
                ? null : TilkoConfig.builder().baseUrl(profile.tilkoUrl()).apiKey(tilkoKey).build();
        return new ConsoleServices(profile.name(), profile.environment(), settings,
                new Timestamps(clock, zone),
                // CONFIG SET is a write: a viewer's console never sends one, whatever the profile allows.
                FeedOptions.defaults().withMayEnableNotifications(profile.mayEnableNotifications() && role.mayWrite()),
                null, Operator.osUser(role), tilko, flowOptions, profile.files().orElse(null));
    }

    /** Starts the feed with {@code listener} (the window) beside the revert watches, the history, the followed sessions and the mode log. */
    public void startFeed(FeedListener listener) {
        feed.start(listener);
    }

    private void heardAudit(AuditRecord entry) {
        flow.otherConsoles().onAudit(entry);
        history.onAudit(entry);
        for (Consumer<AuditRecord> listener : auditListeners) {
            listener.accept(entry);
        }
    }

    private synchronized void auditReadingChanged(Optional<Phrase> problem) {
        auditReading = problem;
        for (Consumer<Optional<Phrase>> listener : auditReadingListeners) {
            listener.accept(problem);
        }
    }

    /**
     * Hears why the audit stream cannot be followed ({@link AuditTail}), and when it can again (empty), on the tail's
     * thread; told at once when it cannot be read now.
     */
    public synchronized void onAuditReading(Consumer<Optional<Phrase>> listener) {
        auditReadingListeners.add(listener);
        if (auditReading.isPresent()) {
            listener.accept(auditReading);
        }
    }

    /** The audit stream every console on this server appends to; for reading (the flow writes it). */
    public AuditLog auditStream() {
        return auditStream;
    }

    /** Hears each new audit entry, from any console, as it is appended (on the tail's thread). */
    public void onAudit(Consumer<AuditRecord> listener) {
        auditListeners.add(listener);
    }

    /** Every session's observed versions (docs/live.md, "Observed history"). */
    public SessionHistory history() {
        return history;
    }

    /** The followed sessions and their status changes. */
    public FollowedSessions followed() {
        return followed;
    }

    public Operator operator() {
        return operator;
    }

    /**
     * The demo's user tries the roles out (it starts as an operator, what most users of the console are). A real
     * connection's role is its profile's and cannot change while connected.
     */
    public void switchRole(Role role) {
        if (!isDemo()) {
            throw new IllegalStateException("Only the demo's role can be switched; a profile sets a connection's role");
        }
        operator = new Operator(operator.name(), role);
    }

    public FlowService flow() {
        return flow;
    }

    public String title() {
        return title;
    }

    public String environment() {
        return environment;
    }

    public boolean isDemo() {
        return demo != null;
    }

    public RedisConnectionSettings settings() {
        return settings;
    }

    public Timestamps timestamps() {
        return timestamps;
    }

    public SessionCodec codec() {
        return codec;
    }

    public RedisSessionStore store() {
        return store;
    }

    /** Where actions read and write: {@link #store()}, or with the profile's fallback folder beside it. */
    public SessionStore sessions() {
        return sessions;
    }

    /** The feed's view of the fallback folder (places, file-only sessions), or empty when the profile names none. */
    public Optional<FileFallbackFeed> fileFeed() {
        return Optional.ofNullable(fileFeed);
    }

    public SessionFeed feed() {
        return feed;
    }

    public DemoEnvironment demo() {
        return demo;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(releaseOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting and the hook is running or has run: the rest is closed here all the same
        }
        try {
            feed.close();
        } catch (RuntimeException e) {
            LOG.warn("Closing the feed failed: {}", e.getMessage());
        }
        auditTail.close();
        // Collections clear collection_started on shutdown, so the flow must stop before the store.
        flow.close();
        flowThreads.shutdownNow();
        revertWatch.close();
        historyThread.shutdownNow();
        if (tilko != null) {
            tilko.close();
        }
        store.close();
        if (demo != null) {
            demo.close();
        }
    }
}
