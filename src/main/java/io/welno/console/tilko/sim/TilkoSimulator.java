package io.welno.console.tilko.sim;

import com.sun.net.httpserver.HttpServer;
import io.welno.console.tilko.TilkoEndpoint;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local Tilko: the same wire protocol (docs/tilko.md) on a loopback port, with real crypto checks,
 * phone approval after a delay or on demand, and switchable failure modes. Used by tests, by the flow
 * package and by the demo mode; {@code tilko-sim} runs it from the command line.
 *
 * <pre>{@code
 * try (TilkoSimulator sim = TilkoSimulator.start(SimulatorOptions.builder().manualApproval().build())) {
 *     TilkoClient client = new TilkoClient(TilkoConfig.builder().baseUrl(sim.baseUrl()).apiKey("demo").build());
 *     var auth = client.simpleAuth(person, "4");
 *     sim.approve(auth.payload().orElseThrow().credentials().cxId());
 *     sim.setFailure(FailureMode.TEMPORARY_FAILURE, TilkoEndpoint.PRESCRIPTIONS);
 * }
 * }</pre>
 *
 * <p>Thread-safe. Session state is computed from the clock on each request, so there is no timer thread.
 */
public final class TilkoSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TilkoSimulator.class);
    private static final long START_POINTS_CENTS = 1_000_000; // 10000.00 points
    private static final long CALL_COST_CENTS = 1_000;        // 10.00 points per successful call

    private final SimulatorOptions options;
    private final HttpServer server;
    private final ExecutorService executor;
    private final KeyRing keyRing;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, SessionRecord> sessions = new ConcurrentHashMap<>();
    private final List<FailureRule> rules = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicLong> points = new ConcurrentHashMap<>();
    private final Map<TilkoEndpoint, AtomicInteger> requestCounts = new EnumMap<>(TilkoEndpoint.class);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile Duration approvalDelay;
    private final List<Consumer<AuthRequested>> authListeners = new CopyOnWriteArrayList<>();

    private TilkoSimulator(SimulatorOptions options) throws IOException {
        this.options = Objects.requireNonNull(options, "options");
        this.keyRing = new KeyRing(options.rsaKeyBits());
        this.approvalDelay = options.approvalDelay();
        for (TilkoEndpoint e : TilkoEndpoint.values()) {
            requestCounts.put(e, new AtomicInteger());
        }
        AtomicInteger threadNo = new AtomicInteger();
        // A thread per exchange so a SLOW answer does not hold up the others; daemon so a forgotten
        // simulator never keeps the JVM alive.
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "tilko-sim-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 64);
        server.createContext("/", new SimHttpHandler(this));
        server.setExecutor(executor);
        server.start();
        log.info("Tilko simulator listening on {}", baseUrl());
    }

    /** Starts a simulator with these options; close it when done. */
    public static TilkoSimulator start(SimulatorOptions options) throws IOException {
        return new TilkoSimulator(options);
    }

    /** Starts a simulator with the defaults (loopback, free port, any API key, approval after 5 s). */
    public static TilkoSimulator start() throws IOException {
        return start(SimulatorOptions.defaults());
    }

    /** {@code http://127.0.0.1:PORT}, to use as the client's base URL. */
    public String baseUrl() {
        return "http://" + hostForUrl() + ":" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public SimulatorOptions options() {
        return options;
    }

    // ---------------------------------------------------------------- approval and sessions

    /** Changes the automatic approval delay (affects pending sessions too); null = manual approval only. */
    public void setApprovalDelay(Duration delay) {
        if (delay != null && delay.isNegative()) {
            throw new IllegalArgumentException("approval delay must not be negative");
        }
        this.approvalDelay = delay;
    }

    /** The current automatic approval delay; empty = manual approval only. */
    public Optional<Duration> approvalDelay() {
        return Optional.ofNullable(approvalDelay);
    }

    /**
     * Tells {@code listener} of every SimpleAuthRequest accepted from now on, before the answer is sent, on the
     * simulator's request thread: it must not block.
     */
    public void onAuthRequested(Consumer<AuthRequested> listener) {
        authListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Simulates the user approving on the phone. False if the session is unknown or already expired. */
    public boolean approve(String cxId) {
        SessionRecord s = sessions.get(cxId);
        if (s == null || stateOf(s) == SessionState.EXPIRED) {
            return false;
        }
        s.approve();
        return true;
    }

    /** Approves every pending session; returns how many. */
    public int approveAll() {
        int n = 0;
        for (SessionRecord s : sessions.values()) {
            if (stateOf(s) == SessionState.PENDING) {
                s.approve();
                n++;
            }
        }
        return n;
    }

    /** Approves the pending sessions of one person (exact name, or phone number with dashes ignored). */
    public int approvePerson(String nameOrPhone) {
        int n = 0;
        for (SessionRecord s : sessions.values()) {
            if (s.isPerson(nameOrPhone) && stateOf(s) == SessionState.PENDING) {
                s.approve();
                n++;
            }
        }
        return n;
    }

    /** Ends a session early; follow-up calls then fail as expired. */
    public boolean expire(String cxId) {
        SessionRecord s = sessions.get(cxId);
        if (s == null) {
            return false;
        }
        s.expire();
        return true;
    }

    /** Snapshots of all sessions, oldest first. */
    public List<SimSession> sessions() {
        List<SimSession> out = new ArrayList<>();
        for (SessionRecord s : sessions.values()) {
            out.add(s.view(stateOf(s)));
        }
        out.sort(Comparator.comparing(SimSession::createdAt).thenComparing(SimSession::cxId));
        return out;
    }

    public Optional<SimSession> session(String cxId) {
        SessionRecord s = sessions.get(cxId);
        return s == null ? Optional.empty() : Optional.of(s.view(stateOf(s)));
    }

    // ---------------------------------------------------------------- failure switches

    /**
     * Switches a failure on for everyone, replacing the previous global switches (person-specific ones
     * stay). {@link FailureMode#NONE} switches global failures off.
     *
     * @param endpoints where it applies; none = the mode's {@link FailureMode#defaultEndpoints()}
     */
    public FailureRule setFailure(FailureMode mode, TilkoEndpoint... endpoints) {
        rules.removeIf(r -> r.person() == null);
        return mode == FailureMode.NONE ? null : addFailure(FailureRule.of(mode).on(endpoints));
    }

    /**
     * Switches a failure on for one person (exact name or phone number), replacing that person's previous
     * switches. Person switches win over global ones; {@link FailureMode#NONE} exempts the person.
     */
    public FailureRule setFailureFor(String nameOrPhone, FailureMode mode, TilkoEndpoint... endpoints) {
        String key = nameOrPhone.strip();
        rules.removeIf(r -> key.equals(r.person()));
        return addFailure(FailureRule.of(mode).on(endpoints).forPerson(key));
    }

    /** Adds a rule (e.g. one limited with {@link FailureRule#times}); newer rules win over older ones. */
    public FailureRule addFailure(FailureRule rule) {
        rules.add(0, Objects.requireNonNull(rule, "rule"));
        log.info("Tilko simulator: failure switched on: {}", rule);
        return rule;
    }

    public void removeFailure(FailureRule rule) {
        rules.remove(rule);
    }

    /** Switches every failure off. */
    public void clearFailures() {
        rules.clear();
    }

    /** The active rules, in the order they are tried. */
    public List<FailureRule> failures() {
        List<FailureRule> out = new ArrayList<>();
        rules.stream().filter(r -> r.person() != null && !r.isSpent()).forEach(out::add);
        rules.stream().filter(r -> r.person() == null && !r.isSpent()).forEach(out::add);
        return out;
    }

    /**
     * Forgets every session, failure rule, request count and point balance and restores the configured
     * approval delay; the key pairs stay, so clients' cached public keys remain valid. Lets a test class
     * share one simulator (key generation is the slow part of starting one).
     */
    public void reset() {
        sessions.clear();
        rules.clear();
        points.clear();
        requestCounts.values().forEach(c -> c.set(0));
        maxInFlight.set(inFlight.get());
        approvalDelay = options.approvalDelay();
    }

    // ---------------------------------------------------------------- observation

    /**
     * The most data calls (anything but GetPublicKey) this simulator was answering at the same time since it started
     * or was reset: what a client's limit on concurrent Tilko calls is checked against.
     */
    public int maxConcurrentCalls() {
        return maxInFlight.get();
    }

    /** How many requests reached this endpoint (routing matched), for tests. */
    public int requestCount(TilkoEndpoint endpoint) {
        return requestCounts.get(endpoint).get();
    }

    @Override
    public void close() {
        // HttpServer.stop joins its dispatcher thread, which really closes the listening socket; on an
        // interrupted thread that join returns at once and the port can still accept connections afterwards.
        boolean interrupted = Thread.interrupted();
        try {
            server.stop(0);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        executor.shutdownNow();
        log.info("Tilko simulator on port {} stopped", port());
    }

    @Override
    public String toString() {
        return "TilkoSimulator[" + baseUrl() + "]";
    }

    // ---------------------------------------------------------------- used by the handlers

    KeyRing keyRing() {
        return keyRing;
    }

    void countRequest(TilkoEndpoint endpoint) {
        requestCounts.get(endpoint).incrementAndGet();
    }

    void callStarted() {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
    }

    void callEnded() {
        inFlight.decrementAndGet();
    }

    /** The mode for this request: person rules first, then global ones, newest first; spends a limited rule. */
    FailureMode takeFailure(TilkoEndpoint endpoint, String name, String phone) {
        for (boolean personal : new boolean[] {true, false}) {
            for (FailureRule r : rules) {
                if ((r.person() != null) == personal && r.covers(endpoint, name, phone) && r.consume()) {
                    return r.mode();
                }
            }
        }
        return FailureMode.NONE;
    }

    SessionRecord createSession(String apiKey, String authType, String name, String birthDate, String phoneDigits) {
        // Opaque values in the shapes seen in the field; ReqTxId == TxId as in the backend's own sample.
        String txId = HexFormat.of().formatHex(randomBytes(16));
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(48));
        SessionRecord s = new SessionRecord(UUID.randomUUID().toString(), txId, token, txId, authType, apiKey,
                name, birthDate, phoneDigits, options.clock().instant());
        sessions.put(s.cxId, s);
        AuthRequested requested = new AuthRequested(s.cxId, phoneDigits);
        for (Consumer<AuthRequested> listener : authListeners) {
            try {
                listener.accept(requested);
            } catch (RuntimeException e) {
                // a listener's trouble is not the caller's: its request was accepted all the same
                log.warn("simulator: an auth-request listener failed: {}", e.toString());
            }
        }
        return s;
    }

    SessionRecord findSession(String cxId) {
        return sessions.get(cxId);
    }

    SessionState stateOf(SessionRecord s) {
        Instant now = options.clock().instant();
        return s.state(now, approvalDelay, options.sessionTtl());
    }

    /** Deducts the per-call cost for a successful answer and returns the balance as Tilko formats it. */
    String charge(String apiKey, boolean success) {
        AtomicLong balance = points.computeIfAbsent(apiKey, k -> new AtomicLong(START_POINTS_CENTS));
        long cents = success ? balance.addAndGet(-CALL_COST_CENTS) : balance.get();
        return String.format(java.util.Locale.ROOT, "%d.%02d", cents / 100, Math.abs(cents % 100));
    }

    void sleepSlow() {
        try {
            Thread.sleep(options.slowDelay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private String hostForUrl() {
        String h = server.getAddress().getAddress().getHostAddress();
        return h.contains(":") ? "[" + h + "]" : h;
    }
}
