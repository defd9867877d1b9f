package io.welno.console.live;

import io.welno.console.session.SessionCodec;
import io.welno.console.store.RedisConnectionSettings;
import io.welno.console.store.StoreFailure;
import io.welno.console.text.LogWords;
import io.welno.console.text.Phrase;
import io.welno.console.text.SafeText;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * The live feed over Redis (docs/live.md, "How it works"): a snapshot (overlapping SCAN and pipelined reads, parsed
 * off the caller's thread), then keyspace notifications ({@code PSUBSCRIBE __keyspace@db__:prefix*} on every primary)
 * coalesced into at most one batch per window, a full resync after every (re)subscribe, reconnects with jittered
 * back-off, and a polling fallback (SCAN diff) where notifications are off and may not be enabled or CONFIG is not
 * allowed.
 *
 * <p>Threads ({@link FeedThreads}): a control thread (connect, reconnect, watchdog, topology), one subscriber thread
 * per primary, a dispatcher thread that builds the batches, one thread per subscribed {@link FeedListener}
 * ({@link FeedBus}), and small scan/fetch/parse pools while a pass runs. All of them come from the given
 * {@link ThreadFactory} and end in {@link #close()}. What the feed says about itself is kept by {@link FeedStatus}.
 *
 * <p>The connection's life (connect, the notification check, subscribe, poll, reconnect with back-off, tear down) and
 * the passes it starts share the one control thread and the current {@link Link}, which is why they stay together
 * here rather than in classes that would have to hand the link back and forth.
 *
 * <pre>{@code
 * SessionFeed feed = new RedisSessionFeed(settings, new SessionCodec(zone),
 *         FeedOptions.defaults().withMayEnableNotifications(profile.mayConfigure()));
 * feed.subscribe(revertWatch);   // any number of listeners, each on a thread of its own
 * feed.start(view);              // subscribes the view and starts; returns at once
 * ...
 * feed.close();
 * }</pre>
 */
public final class RedisSessionFeed implements SessionFeed {

    private static final Logger LOG = LoggerFactory.getLogger(RedisSessionFeed.class);
    /** How long a LIVE feed hears nothing before it reads the notification flags again (docs/live.md, "Notifications: CONFIG and POLLING"). */
    static final Duration QUIET_CHECK = Duration.ofSeconds(1);
    /**
     * Redis's clock is read again every this many housekeepings while connected (5 minutes at the default
     * {@code topologyRefresh}): clocks drift, or are set right, in minutes.
     */
    static final int CLOCK_REREAD_EVERY = 60;

    private final RedisConnectionSettings settings;
    private final SessionCodec codec;
    private final FeedOptions options;
    private final FeedTopology topology;
    private final FeedThreads threads;
    private final Clock clock;
    private final ChangeCoalescer coalescer;
    private final FeedBus listeners;
    /** The feed's log lines word its phrases with these (in English, from the edge that built the feed). */
    private final LogWords words;
    private final FeedStatus status;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong generations = new AtomicLong();
    private final AtomicLong runIds = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicBoolean started = new AtomicBoolean();

    private volatile Link link;
    private volatile ScanRun activeRun;

    private ScheduledThreadPoolExecutor control;
    private ThreadPoolExecutor scanPool;
    private ThreadPoolExecutor fetchPool;
    private ThreadPoolExecutor parsePool;
    private BatchDispatcher dispatcher;
    private SnapshotLoader loader;

    /** Set on whichever thread read the clock (the control thread at connect, a reader thread after). */
    private volatile boolean clockRefusalLogged;

    // Confined to the control thread.
    private int housekeepingsSinceClock;
    private int failures;
    private boolean everConnected;
    private ScheduledFuture<?> pollFuture;
    private ScheduledFuture<?> reconnectFuture;

    /** A feed on the server of the settings (or the whole cluster, when it is a cluster node). */
    public RedisSessionFeed(RedisConnectionSettings settings, SessionCodec codec, FeedOptions options) {
        this(settings, codec, options, FeedTopology.auto());
    }

    public RedisSessionFeed(RedisConnectionSettings settings, SessionCodec codec, FeedOptions options,
                            FeedTopology topology) {
        this(settings, codec, options, topology, Thread::new, Clock.systemUTC());
    }

    /**
     * @param threads makes every thread the feed uses (named and marked daemon by the feed)
     * @param clock   this computer's clock, compared with Redis's (docs/live.md, "Clocks"); TTLs are counted down by the
     *                monotonic clock
     */
    public RedisSessionFeed(RedisConnectionSettings settings, SessionCodec codec, FeedOptions options,
                            FeedTopology topology, ThreadFactory threads, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.options = Objects.requireNonNull(options, "options");
        this.words = options.logWords();
        this.status = new FeedStatus(words);
        this.topology = Objects.requireNonNull(topology, "topology");
        this.threads = new FeedThreads(Objects.requireNonNull(threads, "threads"));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.coalescer = new ChangeCoalescer(options.maxPendingKeys());
        this.listeners = new FeedBus(this.threads.named("welno-feed-listener"));
    }

    @Override
    public Subscription subscribe(FeedListener listener) {
        return listeners.subscribe(listener);
    }

    @Override
    public void start() {
        if (status.closed()) {
            throw new IllegalStateException("The feed is closed");
        }
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("The feed was already started");
        }
        dispatcher = new BatchDispatcher(listeners, coalescer, new FeedState(System::nanoTime, clock::millis), sequence, new DispatcherHost(),
                options, threads.named("welno-feed-dispatcher"));
        control = threads.control();
        scanPool = threads.scans();
        fetchPool = threads.pool("welno-feed-fetch", options.fetchThreads());
        parsePool = threads.pool("welno-feed-parse", options.fetchThreads());
        loader = new SnapshotLoader(scanPool, fetchPool, parsePool, options, sequence, dispatcher::accept);
        dispatcher.start();
        setMode(FeedMode.CONNECTING, FeedPhrases.connecting(settings.redactedUrl()));
        control.execute(this::connect);
        long ping = options.pingInterval().toMillis();
        control.scheduleWithFixedDelay(guarded(this::watchdog), ping, ping, TimeUnit.MILLISECONDS);
        long refresh = options.topologyRefresh().toMillis();
        control.scheduleWithFixedDelay(guarded(this::housekeeping), refresh, refresh, TimeUnit.MILLISECONDS);
        control.scheduleWithFixedDelay(guarded(() -> status.sampleRate(coalescer.received())), 1, 1,
                TimeUnit.SECONDS);
        long quiet = QUIET_CHECK.toMillis();
        control.scheduleWithFixedDelay(guarded(this::checkFlagsWhenQuiet), quiet, quiet, TimeUnit.MILLISECONDS);
    }

    @Override
    public FeedMode mode() {
        return status.mode();
    }

    @Override
    public Phrase modeDetail() {
        return status.detail();
    }

    @Override
    public void resync() {
        ScheduledThreadPoolExecutor executor = control;
        if (executor == null || status.closed()) {
            return;
        }
        submit(() -> {
            Link current = link;
            if (current != null && (current.live || !current.push)) {
                startRun(ScanRun.Kind.SNAPSHOT);
            }
        });
    }

    @Override
    public double eventsPerSecond() {
        return status.eventsPerSecond();
    }

    @Override
    public long latencyMillis() {
        // without a connection the last round trip says nothing about the server now
        return link == null ? -1 : status.latencyMillis();
    }

    @Override
    public Optional<ClockOffset> clockOffset() {
        return Optional.ofNullable(status.clockOffset());
    }

    @Override
    public long unansweredMillis() {
        Link current = link;
        if (current == null) {
            return 0;
        }
        long now = System.nanoTime();
        long sent = current.pollPingSentNanos;
        long longest = sent == 0 ? 0 : Math.max(0, now - sent);
        for (KeyspaceSubscriber subscriber : current.subscribers) {
            longest = Math.max(longest, subscriber.unansweredNanos(now));
        }
        return TimeUnit.NANOSECONDS.toMillis(longest);
    }

    public FeedStats stats() {
        BatchDispatcher d = dispatcher;
        Link current = link;
        return new FeedStats(coalescer.size(), d == null ? 0 : d.knownSessions(), d == null ? 0 : d.tombstones(),
                d == null ? 0 : d.queuedChunks(), coalescer.received(), coalescer.coalesced(), coalescer.dropped(),
                d == null ? 0 : d.batchesDelivered(), d == null ? 0 : d.keysReadAhead(), reconnects.get(),
                current == null ? 0 : current.readers.size());
    }

    @Override
    public void close() {
        if (!status.close()) {
            return;
        }
        // A command stopped by an interrupt closes its feed on that thread: the waits below must still wait, or
        // "Stopped" would reach the listeners after close returned (and threads outlive it). The flag is put back.
        boolean interrupted = Thread.interrupted();
        try {
            interrupted |= closeStarted();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** @return whether the closing thread was interrupted while it waited for the teardown */
    private boolean closeStarted() {
        if (!started.get()) {
            setMode(FeedMode.OFFLINE, FeedPhrases.stopped());
            listeners.close(2000);
            return false;
        }
        boolean interrupted = false;
        try {
            Future<?> teardown = control.submit(() -> {
                cancel(reconnectFuture);
                Link current = link;
                if (current != null) {
                    tearDown(current);
                }
            });
            teardown.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            interrupted = e instanceof InterruptedException;
            LOG.debug("Stopping the feed: {}", e.toString());
            Link current = link;
            if (current != null) {
                tearDown(current);
            }
        }
        FeedThreads.shutDown(control, scanPool, fetchPool, parsePool);
        setMode(FeedMode.OFFLINE, FeedPhrases.stopped());
        dispatcher.stop(2000);
        listeners.close(2000); // the listeners are told what was posted, "Stopped" last
        threads.join(3000);
        return interrupted;
    }

    // ------------------------------------------------------------------------------------------ connection

    /** One connection generation: the servers, their readers and subscribers. */
    static final class Link {
        private final long generation;
        private volatile FeedTopology.Resolved topology;
        private final List<NodeReader> readers;
        private final RedisConnectionSettings settings;
        /** Changed on the control thread only; read by the status bar too ({@link #unansweredMillis}). */
        private final List<KeyspaceSubscriber> subscribers = new CopyOnWriteArrayList<>();
        /** When the polling watchdog's PING was sent, while it waits for the answer; 0 otherwise. */
        private volatile long pollPingSentNanos;
        private final Set<Integer> subscribed = new HashSet<>();
        private volatile boolean push;
        private volatile boolean live;
        /** Why the feed polls; null in push mode. */
        private NotificationConfig.Outcome pollReason;
        private boolean subscribeRefused;
        private Phrase notificationDetail;
        /** When the flags were last read under this link (control thread). */
        private long flagsCheckedNanos = System.nanoTime();
        /** The events received when the quiet check last looked (control thread). */
        private long eventsAtLastLook = -1;
        /** A quiet check's read is in flight (control thread). */
        private boolean quietCheckRunning;

        Link(long generation, FeedTopology.Resolved topology, List<NodeReader> readers,
             RedisConnectionSettings settings) {
            this.generation = generation;
            this.topology = topology;
            this.readers = List.copyOf(readers);
            this.settings = settings;
        }

        long generation() {
            return generation;
        }

        NodeReader reader(int index) {
            return readers.get(index);
        }

        String idOf(String key) {
            return settings.idOf(key);
        }
    }

    private void connect() {
        reconnectFuture = null;
        if (status.closed() || link != null) {
            return;
        }
        List<NodeReader> readers = new ArrayList<>();
        try {
            FeedTopology.Resolved resolved = topology.resolve(settings);
            for (int i = 0; i < resolved.primaries().size(); i++) {
                var address = resolved.primaries().get(i);
                readers.add(new NodeReader(i, address, Nodes.settingsFor(settings, address, resolved.cluster()), codec,
                        resolved.cluster()));
            }
            for (NodeReader reader : readers) {
                long t0 = System.nanoTime();
                reader.client().ping();
                status.latency(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            }
            housekeepingsSinceClock = 0;
            readClock(readers.get(0));
            NotificationConfig.Check worst = checkNotifications(readers);
            Link next = new Link(generations.incrementAndGet(), resolved, readers, settings);
            next.notificationDetail = worst.detail();
            boolean first = !everConnected;
            if (!first) {
                reconnects.incrementAndGet();
            }
            everConnected = true;
            failures = 0;
            link = next;
            if (worst.outcome().live()) {
                next.push = true;
                if (first) {
                    setMode(FeedMode.CONNECTING, FeedPhrases.subscribing(resolved.description()));
                }
                for (NodeReader reader : readers) {
                    KeyspaceSubscriber subscriber = new KeyspaceSubscriber(reader.index(), reader.settings(),
                            threads.named("welno-feed-subscriber"), new SubscriberEvents(next.generation), words);
                    next.subscribers.add(subscriber);
                    subscriber.start();
                }
            } else {
                next.pollReason = worst.outcome();
                enterPolling(next, worst.detail());
            }
        } catch (RuntimeException e) {
            readers.forEach(RedisSessionFeed::closeQuietly);
            scheduleReconnect(e);
        }
    }

    private void enterPolling(Link current, Phrase why) {
        current.push = false;
        setMode(FeedMode.POLLING, FeedPhrases.polling(why, options.pollInterval()));
        startRun(ScanRun.Kind.SNAPSHOT);
    }

    private void subscribed(long generation, int node) {
        Link current = link;
        if (status.closed() || current == null || current.generation != generation || !current.push) {
            return;
        }
        current.subscribed.add(node);
        if (current.subscribed.size() == current.readers.size() && !current.live) {
            current.live = true;
            setMode(FeedMode.LIVE, FeedPhrases.live(current.topology.description(), current.notificationDetail));
            // Events are at-most-once: whatever happened before this subscription is only found by a resync.
            startRun(ScanRun.Kind.SNAPSHOT);
        }
    }

    private void subscriptionFailed(long generation, int node, Throwable cause) {
        Link current = link;
        if (status.closed() || current == null || current.generation != generation || !current.push) {
            return;
        }
        if (cause instanceof JedisDataException && !(cause instanceof JedisConnectionException)) {
            // NOPERM on the keyspace channels (ACL users get "resetchannels" by default since Redis 7).
            Phrase refused = FeedPhrases.subscribeRefused(String.valueOf(cause.getMessage()).lines().findFirst()
                    .orElse(""));
            LOG.warn("Subscribing on {} was refused: {}", current.reader(node), words.render(refused));
            stopSubscribers(current);
            current.subscribeRefused = true;
            current.live = false;
            enterPolling(current, refused);
            return;
        }
        connectionLost(generation, cause);
    }

    private void connectionLost(long generation, Throwable cause) {
        Link current = link;
        if (status.closed() || current == null || current.generation != generation) {
            return;
        }
        LOG.warn("Lost the connection to {}: {}", settings.redactedUrl(), words.render(FeedErrors.describe(cause)));
        tearDown(current);
        scheduleReconnect(cause);
    }

    /** Drops the connection and connects again at once (topology or notification flags changed). */
    private void reestablish(Link current, String reason) {
        LOG.info("Reconnecting to {}: {}", settings.redactedUrl(), reason);
        tearDown(current);
        failures = 0;
        connect();
    }

    private void tearDown(Link current) {
        if (link == current) {
            link = null;
        }
        ScanRun run = activeRun;
        if (run != null) {
            run.cancel();
            activeRun = null;
        }
        cancel(pollFuture);
        pollFuture = null;
        coalescer.clear();
        stopSubscribers(current);
        current.readers.forEach(RedisSessionFeed::closeQuietly);
    }

    private static void stopSubscribers(Link current) {
        for (KeyspaceSubscriber subscriber : current.subscribers) {
            subscriber.stop();
        }
        current.subscribers.clear();
    }

    private void scheduleReconnect(Throwable cause) {
        if (status.closed()) {
            return;
        }
        if (StoreFailure.of(cause).cause() == StoreFailure.Cause.AUTH_FAILED) {
            // A wrong password stays wrong: retrying only fills the server's log (and can lock the user out).
            LOG.warn("Redis at {} refused the user name or password; not retrying", settings.redactedUrl());
            setMode(FeedMode.OFFLINE, FeedPhrases.refusedPassword(settings.redactedUrl()));
            return;
        }
        failures++;
        Duration delay = Duration.ofMillis(backoffMillis(failures));
        Phrase why = FeedErrors.describe(cause);
        String address = settings.redactedUrl();
        if (everConnected) {
            setMode(FeedMode.RECONNECTING, failures == 1 ? FeedPhrases.lost(address, why, delay)
                    : FeedPhrases.stillUnreachable(address, why, delay));
        } else {
            setMode(FeedMode.OFFLINE, FeedPhrases.unreachable(address, why, delay));
        }
        try {
            reconnectFuture = control.schedule(guarded(this::connect), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Closing.
        }
    }

    /** Exponential back-off from reconnectMin to reconnectMax with ±20 % jitter, so many consoles do not stampede. */
    long backoffMillis(int attempt) {
        return Backoff.of(options).millis(attempt);
    }

    // ------------------------------------------------------------------------------------------ passes

    private void startRun(ScanRun.Kind kind) {
        Link current = link;
        if (status.closed() || current == null) {
            return;
        }
        ScanRun old = activeRun;
        if (old != null) {
            old.cancel();
        }
        cancel(pollFuture);
        pollFuture = null;
        // A feed leaves push mode only through a new connection, whose first pass is then a snapshot that polls.
        ScanRun run = new ScanRun(runIds.incrementAndGet(), kind, sequence.incrementAndGet(), current.generation,
                !current.push);
        activeRun = run;
        LOG.debug("Starting {} on {}", run, words.render(current.topology.description()));
        loader.start(run, current.readers);
    }

    private void passEnded(ScanRun run, Throwable failure) {
        if (run != activeRun) {
            return;
        }
        activeRun = null;
        if (failure != null) {
            connectionLost(run.generation(), failure);
            return;
        }
        Link current = link;
        if (current != null && !current.push && current.generation == run.generation() && !status.closed()) {
            pollFuture = control.schedule(guarded(() -> startRun(ScanRun.Kind.POLL)),
                    options.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    // ------------------------------------------------------------------------------------------ periodic

    private void watchdog() {
        Link current = link;
        if (current == null) {
            return;
        }
        if (current.push) {
            long timeout = options.pingTimeout().toNanos();
            current.subscribers.forEach(subscriber -> subscriber.ping(timeout));
            // The PONG is due within the timeout: looked for then, not at the next tick a whole interval later, so a
            // server that stopped answering is given up pingTimeout after the PING, as the log and docs/live.md say.
            control.schedule(guarded(() -> giveUpUnanswered(current, timeout)),
                    options.pingTimeout().toMillis() + 1, TimeUnit.MILLISECONDS);
            return;
        }
        long t0 = System.nanoTime();
        current.pollPingSentNanos = t0;
        try {
            current.readers.get(0).client().ping();
            status.latency(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        } catch (RuntimeException e) {
            connectionLost(current.generation, e);
        } finally {
            current.pollPingSentNanos = 0;
        }
    }

    private void giveUpUnanswered(Link current, long timeoutNanos) {
        if (link == current) {
            current.subscribers.forEach(subscriber -> subscriber.giveUpIfUnanswered(timeoutNanos));
        }
    }

    /**
     * Reads Redis's clock against the feed's (docs/live.md, "Clocks"), on the first primary: the servers of one
     * deployment keep one time, and a cluster's nodes differing is not the console's to judge. A user without TIME
     * (an ACL that allows only what the console needs to read) leaves the offset unknown, said once in the log; a
     * lost link is the watchdog's to notice.
     */
    private void readClock(NodeReader reader) {
        try {
            status.clockOffset(ClockOffset.read(reader.client(), clock));
        } catch (JedisDataException e) {
            if (!clockRefusalLogged) {
                clockRefusalLogged = true;
                LOG.info("{} did not answer TIME ({}): this computer's clock is not compared with the server's", reader,
                        SafeText.bounded(String.valueOf(e.getMessage()), SafeText.FIELD));
            }
        } catch (IllegalArgumentException e) {
            LOG.debug("{} answered TIME with something else: {}", reader, e.toString());
        }
    }

    /**
     * {@link #readClock} while connected, on a reader thread: a server that freezes during the read must not hold up
     * the watchdog, which runs on this thread and is what notices the freeze.
     */
    private void rereadClock(NodeReader reader) {
        housekeepingsSinceClock = 0;
        try {
            fetchPool.execute(() -> {
                try {
                    readClock(reader);
                } catch (RuntimeException e) {
                    LOG.debug("Reading Redis's clock failed: {}", e.toString()); // a lost link is the watchdog's
                }
            });
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    /** Follows cluster/sentinel topology changes and notices notification flags switched off (or on). */
    private void housekeeping() {
        Link current = link;
        if (current == null) {
            return;
        }
        try {
            if (current.topology.cluster() || !(topology instanceof ClusterAwareTopology)) {
                FeedTopology.Resolved now = topology.resolve(settings);
                if (!now.primaries().equals(current.topology.primaries())) {
                    reestablish(current, "the servers changed (" + words.render(now.description()) + ")");
                    return;
                }
                if (!now.fingerprint().equals(current.topology.fingerprint())) {
                    // Slots moved between the same primaries: keys may have moved with them.
                    current.topology = now;
                    if (current.live || !current.push) {
                        startRun(ScanRun.Kind.SNAPSHOT);
                    }
                }
            }
            if (++housekeepingsSinceClock >= CLOCK_REREAD_EVERY) {
                rereadClock(current.readers.get(0));
            }
            if (current.subscribeRefused) {
                return;
            }
            checkFlags(current);
        } catch (JedisConnectionException e) {
            if (current.push) {
                connectionLost(current.generation, e);
            }
        } catch (RuntimeException e) {
            LOG.debug("Topology check failed: {}", e.toString());
        }
    }

    /**
     * A LIVE feed that heard no event for a second checks the notification flags then, not at the next housekeeping:
     * flags switched off under it look just like a quiet spell, and the window said LIVE for up to a
     * {@code topologyRefresh} (5 s) while nothing could arrive. One CONFIG GET per primary a second while quiet, none
     * while events arrive. It is read on a reader thread, one check at a time, and acted on here: a server that
     * freezes during the read must not hold up the watchdog, which runs on this thread and is what notices the freeze.
     */
    private void checkFlagsWhenQuiet() {
        Link current = link;
        if (current == null) {
            return;
        }
        long received = coalescer.received();
        boolean quiet = received == current.eventsAtLastLook;
        current.eventsAtLastLook = received;
        if (!quiet || !current.push || !current.live || current.subscribeRefused || current.quietCheckRunning
                || System.nanoTime() - current.flagsCheckedNanos < QUIET_CHECK.toNanos()) {
            return;
        }
        current.quietCheckRunning = true;
        current.flagsCheckedNanos = System.nanoTime();
        try {
            fetchPool.execute(() -> {
                NotificationConfig.Check found = null;
                try {
                    found = checkNotifications(current.readers);
                } catch (RuntimeException e) {
                    LOG.debug("Notification check failed: {}", e.toString()); // a lost link is the watchdog's
                }
                NotificationConfig.Check worst = found;
                submit(() -> {
                    current.quietCheckRunning = false;
                    if (worst != null && link == current) {
                        actOnFlags(current, worst);
                    }
                });
            });
        } catch (RejectedExecutionException e) {
            current.quietCheckRunning = false; // closing
        }
    }

    private void checkFlags(Link current) {
        NotificationConfig.Check worst = checkNotifications(current.readers);
        current.flagsCheckedNanos = System.nanoTime();
        actOnFlags(current, worst);
    }

    /** Leaves a push link whose flags are gone for polling (or a polling one whose flags came on for push). */
    private void actOnFlags(Link current, NotificationConfig.Check worst) {
        boolean allLive = worst.outcome().live();
        if (current.push && !allLive) {
            reestablish(current, "keyspace notifications are no longer available: " + words.render(worst.detail()));
        } else if (!current.push && allLive) {
            reestablish(current, "keyspace notifications are available now");
        } else if (current.live && worst.outcome() == NotificationConfig.Outcome.ENABLED) {
            // Someone switched them off and the feed put them back: what was written meanwhile sent no event.
            LOG.info("Keyspace notifications were off under the live feed and are on again; reading every session");
            startRun(ScanRun.Kind.SNAPSHOT);
        }
    }

    /**
     * The notification flags of every primary (added where missing, when the profile allows): the first server
     * without them decides, since one server without events would leave its sessions unseen.
     */
    private NotificationConfig.Check checkNotifications(List<NodeReader> readers) {
        NotificationConfig.Check worst = null;
        for (NodeReader reader : readers) {
            NotificationConfig.Check check = NotificationConfig.check(reader.client(),
                    options.mayEnableNotifications(), reader.toString());
            if (check.outcome() == NotificationConfig.Outcome.ENABLED) {
                LOG.info("{}: {}", reader, words.render(check.detail()));
            }
            // a server without events outweighs one whose flags were just put back, which outweighs one that had them
            if (worst == null || (worst.outcome().live() && !check.outcome().live())
                    || (worst.outcome() == NotificationConfig.Outcome.ALREADY_ON
                    && check.outcome() == NotificationConfig.Outcome.ENABLED)) {
                worst = check;
            }
        }
        return worst;
    }

    // ------------------------------------------------------------------------------------------ plumbing

    /** The mode changes: told to the listeners through the dispatcher, in order with the batches. */
    private void setMode(FeedMode next, Phrase why) {
        BatchDispatcher d = dispatcher;
        status.set(next, why, d == null ? Runnable::run : d::post, listeners);
    }

    private void submit(Runnable task) {
        try {
            control.execute(guarded(task));
        } catch (RejectedExecutionException e) {
            // Closing.
        }
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (Throwable e) {
                LOG.error("Feed task failed", e);
            }
        };
    }

    private static void cancel(ScheduledFuture<?> future) {
        if (future != null) {
            future.cancel(false);
        }
    }

    private static void closeQuietly(NodeReader reader) {
        try {
            reader.close();
        } catch (RuntimeException e) {
            LOG.debug("Closing {}: {}", reader, e.toString());
        }
    }

    private final class SubscriberEvents implements KeyspaceSubscriber.Events {
        private final long generation;

        SubscriberEvents(long generation) {
            this.generation = generation;
        }

        @Override
        public void onEvent(int node, String key, String event) {
            coalescer.offer(key, node, generation, event);
            dispatcher.wake();
        }

        @Override
        public void onSubscribed(int node) {
            submit(() -> subscribed(generation, node));
        }

        @Override
        public void onPong(int node, long rttMillis) {
            status.latency(rttMillis);
        }

        @Override
        public void onFailure(int node, Throwable cause) {
            submit(() -> subscriptionFailed(generation, node, cause));
        }
    }

    private final class DispatcherHost implements BatchDispatcher.Host {
        @Override
        public Link link() {
            return link;
        }

        @Override
        public ScanRun activeRun() {
            return activeRun;
        }

        @Override
        public void readFailed(long generation, Throwable cause) {
            submit(() -> connectionLost(generation, cause));
        }

        @Override
        public void passEnded(ScanRun run, Throwable failure) {
            submit(() -> RedisSessionFeed.this.passEnded(run, failure));
        }

        @Override
        public void redirected() {
            submit(RedisSessionFeed.this::housekeeping);
        }

        @Override
        public java.util.concurrent.Executor parsers() {
            return parsePool;
        }

        @Override
        public void backlogOverflowed() {
            submit(() -> {
                Link current = link;
                LOG.warn("The change backlog exceeded {} keys; resynchronising instead", options.maxPendingKeys());
                if (current != null && (current.live || !current.push)) {
                    startRun(ScanRun.Kind.SNAPSHOT);
                }
            });
        }
    }
}
