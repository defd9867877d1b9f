package io.welno.console.live;

import io.welno.console.session.SessionCodec;
import io.welno.console.store.RedisConnectionSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * The live feed over Redis (C5): a snapshot (overlapping SCAN and pipelined reads, parsed off the caller's thread),
 * then keyspace notifications ({@code PSUBSCRIBE __keyspace@db__:prefix*} on every primary) coalesced into at most
 * one batch per window, a full resync after every (re)subscribe, reconnects with jittered back-off, and a polling
 * fallback (SCAN diff) where notifications are off and may not be enabled or CONFIG is not allowed.
 *
 * <p>Threads: a control thread (connect, reconnect, watchdog, topology), one subscriber thread per primary, a
 * dispatcher thread (the only one that calls the {@link FeedListener}), and small scan/fetch pools while a pass
 * runs. All of them come from the given {@link ThreadFactory} and end in {@link #close()}.
 *
 * <pre>{@code
 * SessionFeed feed = new RedisSessionFeed(settings, new SessionCodec(zone),
 *         FeedOptions.defaults().withMayEnableNotifications(profile.mayConfigure()));
 * feed.start(listener);   // returns at once; batches arrive on the dispatcher thread
 * ...
 * feed.close();
 * }</pre>
 */
public final class RedisSessionFeed implements SessionFeed {

    private static final Logger LOG = LoggerFactory.getLogger(RedisSessionFeed.class);
    private static final int RATE_WINDOW_SECONDS = 5;

    private final RedisConnectionSettings settings;
    private final SessionCodec codec;
    private final FeedOptions options;
    private final FeedTopology topology;
    private final ThreadFactory baseThreads;
    private final Clock clock;
    private final RecentlyEnded recentlyEnded;
    private final ChangeCoalescer coalescer;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong generations = new AtomicLong();
    private final AtomicLong runIds = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicBoolean started = new AtomicBoolean();
    private final Object modeLock = new Object();

    private volatile FeedMode mode = FeedMode.OFFLINE;
    private volatile String modeDetail = "Not started";
    private volatile Link link;
    private volatile ScanRun activeRun;
    private volatile long latencyMillis = -1;
    private volatile double eventsPerSecond;
    private volatile boolean closed;

    private FeedListener listener;
    private ScheduledThreadPoolExecutor control;
    private ThreadPoolExecutor scanPool;
    private ThreadPoolExecutor fetchPool;
    private ThreadPoolExecutor parsePool;
    private BatchDispatcher dispatcher;
    private SnapshotLoader loader;

    // Confined to the control thread.
    private int failures;
    private boolean everConnected;
    private ScheduledFuture<?> pollFuture;
    private ScheduledFuture<?> reconnectFuture;
    private final ArrayDeque<long[]> rateSamples = new ArrayDeque<>();
    /** Every live thread the feed made, so close() can wait until they have really ended. */
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

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
     * @param clock   time of recently-ended entries and TTL deadlines
     */
    public RedisSessionFeed(RedisConnectionSettings settings, SessionCodec codec, FeedOptions options,
                            FeedTopology topology, ThreadFactory threads, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.options = Objects.requireNonNull(options, "options");
        this.topology = Objects.requireNonNull(topology, "topology");
        this.baseThreads = Objects.requireNonNull(threads, "threads");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.recentlyEnded = new RecentlyEnded(options.recentlyEndedCapacity());
        this.coalescer = new ChangeCoalescer(options.maxPendingKeys());
    }

    @Override
    public void start(FeedListener feedListener) {
        Objects.requireNonNull(feedListener, "listener");
        if (closed) {
            throw new IllegalStateException("The feed is closed");
        }
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("The feed was already started");
        }
        listener = feedListener;
        FeedState state = new FeedState(recentlyEnded, clock);
        dispatcher = new BatchDispatcher(listener, coalescer, state, sequence, new DispatcherHost(), options,
                named("welno-feed-dispatcher"));
        control = new ScheduledThreadPoolExecutor(1, named("welno-feed-control"));
        control.setRemoveOnCancelPolicy(true);
        scanPool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                named("welno-feed-scan"));
        fetchPool = new ThreadPoolExecutor(options.fetchThreads(), options.fetchThreads(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), named("welno-feed-fetch"));
        fetchPool.allowCoreThreadTimeOut(true);
        parsePool = new ThreadPoolExecutor(options.fetchThreads(), options.fetchThreads(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), named("welno-feed-parse"));
        parsePool.allowCoreThreadTimeOut(true);
        loader = new SnapshotLoader(scanPool, fetchPool, parsePool, options, sequence, dispatcher::accept);
        dispatcher.start();
        setMode(FeedMode.CONNECTING, "Connecting to " + settings.redactedUrl());
        control.execute(this::connect);
        long ping = options.pingInterval().toMillis();
        control.scheduleWithFixedDelay(guarded(this::watchdog), ping, ping, TimeUnit.MILLISECONDS);
        long refresh = options.topologyRefresh().toMillis();
        control.scheduleWithFixedDelay(guarded(this::housekeeping), refresh, refresh, TimeUnit.MILLISECONDS);
        control.scheduleWithFixedDelay(guarded(this::sampleRate), 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public FeedMode mode() {
        return mode;
    }

    /** The sentence that came with the current mode (what the status bar shows). */
    @Override
    public String modeDetail() {
        return modeDetail;
    }

    /** Sessions removed or expired lately, newest first (at most {@link FeedOptions#recentlyEndedCapacity()}). */
    @Override
    public List<EndedSession> recentlyEnded() {
        return recentlyEnded.snapshot();
    }

    @Override
    public void resync() {
        ScheduledThreadPoolExecutor executor = control;
        if (executor == null || closed) {
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
        return eventsPerSecond;
    }

    @Override
    public long latencyMillis() {
        return latencyMillis;
    }

    public FeedStats stats() {
        BatchDispatcher d = dispatcher;
        Link current = link;
        return new FeedStats(coalescer.size(), d == null ? 0 : d.knownSessions(), d == null ? 0 : d.tombstones(),
                d == null ? 0 : d.queuedChunks(), coalescer.received(), coalescer.coalesced(), coalescer.dropped(),
                d == null ? 0 : d.batchesDelivered(), reconnects.get(),
                current == null ? 0 : current.readers.size());
    }

    @Override
    public void close() {
        synchronized (modeLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (!started.get()) {
            mode = FeedMode.OFFLINE;
            modeDetail = "Stopped";
            return;
        }
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
            LOG.debug("Stopping the feed: {}", e.toString());
            Link current = link;
            if (current != null) {
                tearDown(current);
            }
        }
        control.shutdownNow();
        scanPool.shutdownNow();
        fetchPool.shutdownNow();
        parsePool.shutdownNow();
        awaitQuietly(control);
        awaitQuietly(scanPool);
        awaitQuietly(fetchPool);
        awaitQuietly(parsePool);
        setMode(FeedMode.OFFLINE, "Stopped");
        dispatcher.stop(2000);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        for (Thread thread : threads) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (thread != Thread.currentThread() && left > 0) {
                try {
                    thread.join(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------ connection

    /** One connection generation: the servers, their readers and subscribers. */
    static final class Link {
        private final long generation;
        private volatile FeedTopology.Resolved topology;
        private final List<NodeReader> readers;
        private final RedisConnectionSettings settings;
        private final List<KeyspaceSubscriber> subscribers = new ArrayList<>();
        private final Set<Integer> subscribed = new HashSet<>();
        private volatile boolean push;
        private volatile boolean live;
        /** Why the feed polls; null in push mode. */
        private NotificationConfig.Outcome pollReason;
        private boolean subscribeRefused;
        private String notificationDetail;

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
        if (closed || link != null) {
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
                latencyMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            }
            List<NotificationConfig.Check> checks = new ArrayList<>();
            for (NodeReader reader : readers) {
                NotificationConfig.Check check = NotificationConfig.check(reader.client(),
                        options.mayEnableNotifications(), reader.toString());
                if (check.outcome() == NotificationConfig.Outcome.ENABLED) {
                    LOG.info("{}: {}", reader, check.detail());
                }
                checks.add(check);
            }
            Link next = new Link(generations.incrementAndGet(), resolved, readers, settings);
            NotificationConfig.Check worst = checks.stream().filter(c -> !c.outcome().live()).findFirst()
                    .orElse(checks.get(0));
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
                    setMode(FeedMode.CONNECTING, "Subscribing to keyspace notifications on " + resolved.description());
                }
                for (NodeReader reader : readers) {
                    KeyspaceSubscriber subscriber = new KeyspaceSubscriber(reader.index(), reader.settings(),
                            named("welno-feed-subscriber"), new SubscriberEvents(next.generation));
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

    private void enterPolling(Link current, String why) {
        current.push = false;
        setMode(FeedMode.POLLING, capitalize(why) + "; polling every " + human(options.pollInterval()));
        startRun(ScanRun.Kind.SNAPSHOT);
    }

    private void subscribed(long generation, int node) {
        Link current = link;
        if (closed || current == null || current.generation != generation || !current.push) {
            return;
        }
        current.subscribed.add(node);
        if (current.subscribed.size() == current.readers.size() && !current.live) {
            current.live = true;
            setMode(FeedMode.LIVE, "Live from " + current.topology.description() + "; "
                    + current.notificationDetail);
            // Events are at-most-once: whatever happened before this subscription is only found by a resync.
            startRun(ScanRun.Kind.SNAPSHOT);
        }
    }

    private void subscriptionFailed(long generation, int node, Throwable cause) {
        Link current = link;
        if (closed || current == null || current.generation != generation || !current.push) {
            return;
        }
        if (cause instanceof JedisDataException && !(cause instanceof JedisConnectionException)) {
            // NOPERM on the keyspace channels (ACL users get "resetchannels" by default since Redis 7).
            LOG.warn("Subscribing on {} was refused: {}", current.reader(node), FeedErrors.describe(cause));
            stopSubscribers(current);
            current.subscribeRefused = true;
            current.live = false;
            enterPolling(current, "this user may not subscribe to the keyspace channels ("
                    + FeedErrors.describe(cause) + ")");
            return;
        }
        connectionLost(generation, cause);
    }

    private void connectionLost(long generation, Throwable cause) {
        Link current = link;
        if (closed || current == null || current.generation != generation) {
            return;
        }
        LOG.warn("Lost the connection to {}: {}", settings.redactedUrl(), FeedErrors.describe(cause));
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
        if (closed) {
            return;
        }
        failures++;
        long delay = backoffMillis(failures);
        String why = FeedErrors.describe(cause);
        String retry = "; retrying in " + human(Duration.ofMillis(delay));
        if (everConnected) {
            setMode(FeedMode.RECONNECTING, (failures == 1 ? "Lost the connection to " : "Still cannot reach ")
                    + settings.redactedUrl() + " (" + why + ")" + retry);
        } else {
            setMode(FeedMode.OFFLINE, "Cannot reach " + settings.redactedUrl() + " (" + why + ")" + retry);
        }
        try {
            reconnectFuture = control.schedule(guarded(this::connect), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Closing.
        }
    }

    /** Exponential back-off from reconnectMin to reconnectMax with ±20 % jitter, so many consoles do not stampede. */
    long backoffMillis(int attempt) {
        long min = options.reconnectMin().toMillis();
        long max = options.reconnectMax().toMillis();
        long base = min << Math.min(20, Math.max(0, attempt - 1));
        long capped = Math.min(max, base < 0 ? max : base);
        double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
        return Math.max(1, Math.min(max, Math.round(capped * jitter)));
    }

    // ------------------------------------------------------------------------------------------ passes

    private void startRun(ScanRun.Kind kind) {
        Link current = link;
        if (closed || current == null) {
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
        LOG.debug("Starting {} on {}", run, current.topology.description());
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
        if (current != null && !current.push && current.generation == run.generation() && !closed) {
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
            return;
        }
        try {
            long t0 = System.nanoTime();
            current.readers.get(0).client().ping();
            latencyMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        } catch (RuntimeException e) {
            connectionLost(current.generation, e);
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
                    reestablish(current, "the servers changed (" + now.description() + ")");
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
            if (current.subscribeRefused) {
                return;
            }
            boolean allLive = true;
            String detail = null;
            for (NodeReader reader : current.readers) {
                NotificationConfig.Check check = NotificationConfig.check(reader.client(),
                        options.mayEnableNotifications(), reader.toString());
                if (!check.outcome().live()) {
                    allLive = false;
                    detail = check.detail();
                }
            }
            if (current.push && !allLive) {
                reestablish(current, "keyspace notifications are no longer available: " + detail);
            } else if (!current.push && allLive) {
                reestablish(current, "keyspace notifications are available now");
            }
        } catch (JedisConnectionException e) {
            if (current.push) {
                connectionLost(current.generation, e);
            }
        } catch (RuntimeException e) {
            LOG.debug("Topology check failed: {}", e.toString());
        }
    }

    private void sampleRate() {
        long now = System.nanoTime();
        rateSamples.addLast(new long[] {now, coalescer.received()});
        while (rateSamples.size() > RATE_WINDOW_SECONDS + 1) {
            rateSamples.removeFirst();
        }
        long[] oldest = rateSamples.peekFirst();
        double seconds = (now - oldest[0]) / 1e9;
        eventsPerSecond = seconds <= 0 ? 0 : (coalescer.received() - oldest[1]) / seconds;
    }

    // ------------------------------------------------------------------------------------------ plumbing

    private void setMode(FeedMode next, String detail) {
        synchronized (modeLock) {
            if (next == mode && detail.equals(modeDetail)) {
                return;
            }
            if (closed && next != FeedMode.OFFLINE) {
                return;
            }
            mode = next;
            modeDetail = detail;
        }
        LOG.info("Feed {}: {}", next, detail);
        BatchDispatcher d = dispatcher;
        FeedListener l = listener;
        if (d != null && l != null) {
            d.post(() -> l.onModeChanged(next, detail));
        }
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

    private ThreadFactory named(String name) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = baseThreads.newThread(runnable);
            thread.setName(name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            threads.removeIf(t -> t.getState() == Thread.State.TERMINATED);
            threads.add(thread);
            return thread;
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

    private static void awaitQuietly(ThreadPoolExecutor executor) {
        try {
            executor.awaitTermination(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String human(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + " s";
        }
        return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static String capitalize(String sentence) {
        return sentence.isEmpty() ? sentence : Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
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
            latencyMillis = rttMillis;
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
