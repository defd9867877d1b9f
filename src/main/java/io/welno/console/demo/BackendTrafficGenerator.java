package io.welno.console.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.session.NewSessionDocuments;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.SessionEditor;
import io.welno.console.session.Timestamps;
import io.welno.console.session.UserInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Produces the traffic the Python backend would: new sessions arriving, each walking the live flow with
 * the backend's blind GET → SETEX writes, status polls that rewrite the document, errors, stuck
 * collections, the occasional DELETE, and now and then the backend's stale-snapshot write-back. Its people also
 * answer authentication requests sent for them by someone else (the console's re-send): most approve and press "done"
 * in the browser, which moves their session on; the others approve on the phone only and leave the rest to the
 * operator.
 */
public final class BackendTrafficGenerator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackendTrafficGenerator.class);
    /** The least TTL a seeded session is written with. */
    static final long MIN_SEEDED_TTL_SECONDS = 60;
    /** How many people press "done" in the browser after approving a request sent for them by someone else. */
    static final double DONE_RATE = 0.7;
    /** When they press it: after the phone's approval (the simulator's delay), within half a minute. */
    static final Duration DONE_AFTER_MIN = Duration.ofSeconds(8);
    static final Duration DONE_AFTER_MAX = Duration.ofSeconds(30);

    private final UnifiedJedis redis;
    private final String prefix;
    private final SessionCodec codec;
    private final Timestamps timestamps;
    private final ScheduledExecutorService scheduler;
    private final BackendStyleWriter writer;
    private final BackendFlowSteps steps = new BackendFlowSteps(0.08, 0.15);
    private final Random random;
    private final ConcurrentHashMap<String, Boolean> active = new ConcurrentHashMap<>();
    /** Whose phone each session belongs to, while the backend's last write keeps it in Redis. */
    private final KnownPeople people = new KnownPeople();
    /** Seeded sessions whose flow was under way, for live traffic to go on with. */
    private final List<UnderWay> underWay = new ArrayList<>();
    private volatile double doneRate = DONE_RATE;
    private volatile Duration doneAfterMin = DONE_AFTER_MIN;
    private volatile Duration doneAfterMax = DONE_AFTER_MAX;
    private final AtomicLong writes = new AtomicLong();
    private volatile boolean closed;

    public BackendTrafficGenerator(UnifiedJedis redis, String prefix, SessionCodec codec, Timestamps timestamps,
                                   ScheduledExecutorService scheduler, long seed) {
        this.redis = redis;
        this.prefix = prefix;
        this.codec = codec;
        this.timestamps = timestamps;
        this.scheduler = scheduler;
        this.writer = new BackendStyleWriter(redis, prefix, codec);
        this.random = new Random(seed);
    }

    /**
     * Writes {@code count} sessions at once, spread over every stage of the flow and over the half hour a key lives,
     * as a console connecting to a busy backend would find them: each with the TTL its last write left it (the
     * backend's {@code SETEX} of 30 minutes, counted from that write), so a session whose last write is older than
     * that is not there, as on the backend's Redis, and another is drawn in its place — as is one with less than
     * {@link #MIN_SEEDED_TTL_SECONDS} left, so that every seeded session is still there when the console first reads
     * them all, even on a busy machine.
     */
    public void seed(int count) {
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (int written = 0; written < count; ) {
                // Most sessions a console finds are older and finished; a few are still under way.
                boolean recent = random.nextDouble() < 0.25;
                Duration age = Duration.ofSeconds(recent ? random.nextInt(180) : 180 + random.nextInt(1_800));
                int stepsToRun = recent ? 1 + random.nextInt(10) : Integer.MAX_VALUE;
                SeededSession seeded = runOffline(age, stepsToRun);
                long ttl = BackendStyleWriter.BACKEND_TTL_SECONDS - seeded.sinceLastWrite().toSeconds();
                if (ttl < MIN_SEEDED_TTL_SECONDS) {
                    continue;
                }
                pipeline.set(prefix + seeded.id(), codec.write(seeded.document()), SetParams.setParams().ex(ttl));
                people.wrote(seeded.id(), seeded.phoneDigits(), seeded.sinceLastWrite());
                if (seeded.next() != null) {
                    underWay.add(new UnderWay(seeded.id(), seeded.next(), seeded.dueIn()));
                }
                if (++written % 500 == 0) {
                    pipeline.sync();
                }
            }
            pipeline.sync();
        }
        writes.addAndGet(count);
        LOG.info("Seeded {} demo sessions", count);
    }

    /**
     * @param next  the step its flow takes next, null when the flow ended (completed, failed, abandoned, died)
     * @param dueIn how long after live traffic starts that step is due
     */
    private record SeededSession(String id, ObjectNode document, String phoneDigits, Duration sinceLastWrite,
                                 BackendFlowSteps.Step next, Duration dueIn) {
    }

    /** A seeded flow to go on with: its session and next step, not the document (written already, read again). */
    private record UnderWay(String id, BackendFlowSteps.Step next, Duration dueIn) {
    }

    /**
     * Runs the flow's steps in virtual time that started {@code age} ago, without any I/O. A flow still under way
     * says which step comes next and when: live traffic goes on with it, as the browser behind it would.
     */
    private SeededSession runOffline(Duration age, int stepsToRun) {
        Timestamps then = BackendFlowSteps.backdated(timestamps, age);
        String id = NewSessionDocuments.newSessionId("welno");
        UserInfo person = DemoPeople.next(random);
        ObjectNode doc = NewSessionDocuments.initiated(id, "welno", person, then);
        BackendFlowSteps.Step step = steps.start();
        Duration elapsed = Duration.ZERO;
        Duration sinceLastWrite = age;
        for (int i = 0; i < stepsToRun; i++) {
            SessionEditor edit = new SessionEditor(doc, BackendFlowSteps.backdated(timestamps, age.minus(elapsed)));
            BackendFlowSteps.Next next = step.apply(edit, random);
            if (edit.changed()) {
                sinceLastWrite = age.minus(elapsed);
            }
            if (next == null) {
                return new SeededSession(id, doc, person.phoneNo(), sinceLastWrite, null, Duration.ZERO);
            }
            elapsed = elapsed.plus(next.delay());
            step = next.step();
            if (elapsed.compareTo(age) >= 0) {
                return new SeededSession(id, doc, person.phoneNo(), sinceLastWrite, step, elapsed.minus(age));
            }
        }
        // cut short: its browser was slow, and goes on some time in the first seconds of live traffic (spread, so
        // that the console's first read does not meet them all at once)
        return new SeededSession(id, doc, person.phoneNo(), sinceLastWrite, step,
                Duration.ofMillis(1_000 + random.nextInt(14_000)));
    }

    /**
     * Starts live traffic: about {@code newSessionsPerMinute} new sessions a minute, plus their flows, and the flows
     * of the seeded sessions that were still under way. Left where seeding put them, those stood still, and a few
     * minutes later hundreds of them counted as stuck: a Stuck bucket no real backend shows.
     */
    public void start(int newSessionsPerMinute) {
        for (UnderWay seeded : underWay) {
            active.put(seeded.id(), Boolean.TRUE);
            schedule(seeded.id(), seeded.next(), seeded.dueIn());
        }
        underWay.clear();
        long periodMillis = Math.max(50, 60_000L / Math.max(1, newSessionsPerMinute));
        scheduler.scheduleAtFixedRate(guard(this::startOne), 200, periodMillis, TimeUnit.MILLISECONDS);
        scheduler.scheduleAtFixedRate(guard(this::staleWriteBack), 15, 20, TimeUnit.SECONDS);
        scheduler.scheduleAtFixedRate(guard(this::cleanupOne), 30, 45, TimeUnit.SECONDS);
    }

    public long writes() {
        return writes.get();
    }

    private void startOne() {
        UserInfo person;
        synchronized (random) {
            person = DemoPeople.next(random);
        }
        String id = NewSessionDocuments.newSessionId("welno");
        writer.write(id, NewSessionDocuments.initiated(id, "welno", person, timestamps));
        writes.incrementAndGet();
        people.wrote(id, person.phoneNo(), Duration.ZERO);
        active.put(id, Boolean.TRUE);
        schedule(id, steps.start(), Duration.ZERO);
    }

    private void schedule(String id, BackendFlowSteps.Step step, Duration delay) {
        if (closed) {
            return;
        }
        scheduler.schedule(guard(() -> runStep(id, step)), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runStep(String id, BackendFlowSteps.Step step) {
        BackendFlowSteps.Next[] next = new BackendFlowSteps.Next[1];
        ObjectNode written = writer.update(id, doc -> {
            SessionEditor edit = new SessionEditor(doc, timestamps);
            synchronized (random) {
                next[0] = step.apply(edit, random);
            }
            return doc;
        });
        writes.incrementAndGet();
        if (written != null) {
            people.wroteAgain(id);
        }
        if (written == null || next[0] == null) {
            active.remove(id);
            return;
        }
        schedule(id, next[0].step(), next[0].delay());
    }

    /**
     * The backend's collection task holds a snapshot across the Tilko call and writes it back
     * (docs/backend-protocol.md, "Lost updates"): whatever changed meanwhile, including a console action, is lost.
     */
    private void staleWriteBack() {
        List<String> ids = new ArrayList<>(active.keySet());
        if (ids.isEmpty()) {
            return;
        }
        String id = ids.get(random.nextInt(ids.size()));
        ObjectNode snapshot = writer.read(id);
        if (snapshot == null) {
            return;
        }
        scheduler.schedule(guard(() -> {
            new SessionEditor(snapshot, timestamps).touch();
            writer.write(id, snapshot);
            writes.incrementAndGet();
            people.wroteAgain(id);
        }), 3, TimeUnit.SECONDS);
    }

    /**
     * A SimpleAuthRequest was sent for the person with this phone, by someone other than this traffic (its own flow
     * never calls Tilko): the person approves it on the phone (the simulator's approval delay), and most then press
     * "done" in the browser still open on their session — the backend's manual-auth-complete, and the collection
     * after it. Those who do not leave their session waiting for the operator, who can collect it (the phone did
     * approve) or complete it by hand.
     */
    public void authRequested(String cxId, String phoneDigits) {
        if (closed) {
            return;
        }
        boolean presses;
        long after;
        synchronized (random) {
            presses = random.nextDouble() < doneRate;
            long spread = doneAfterMax.toMillis() - doneAfterMin.toMillis();
            after = doneAfterMin.toMillis() + (spread <= 0 ? 0 : (long) (random.nextDouble() * spread));
        }
        if (presses) {
            scheduler.schedule(guard(() -> pressDone(cxId, phoneDigits)), after, TimeUnit.MILLISECONDS);
        }
    }

    /** Only the session that still waits for this very request moves on: a newer request, or none, is left alone. */
    private void pressDone(String cxId, String phoneDigits) {
        for (String id : people.sessionsOf(phoneDigits)) {
            ObjectNode current = writer.read(id);
            if (current != null && BackendFlowSteps.waitsFor(current, cxId)) {
                active.put(id, Boolean.TRUE);
                runStep(id, steps.doneInBrowser());
                LOG.debug("Demo: a person pressed done on session {}", id);
                return;
            }
        }
    }

    /** Whether this traffic's own flow is moving the session on right now. */
    boolean drives(String id) {
        return active.containsKey(id);
    }

    /** For tests: every person presses "done", this soon after the request. */
    void pressDoneAlways(Duration after) {
        doneRate = 1.0;
        doneAfterMin = after;
        doneAfterMax = after;
    }

    /** Someone runs the backend's cleanup-user endpoint, which DELs sessions outright. */
    private void cleanupOne() {
        people.prune();
        List<String> ids = new ArrayList<>(active.keySet());
        if (!ids.isEmpty()) {
            String id = ids.get(random.nextInt(ids.size()));
            writer.delete(id);
            active.remove(id);
            people.forget(id);
            writes.incrementAndGet();
        }
    }

    private Runnable guard(Runnable work) {
        return () -> {
            if (closed) {
                return;
            }
            try {
                work.run();
            } catch (RuntimeException e) {
                // The demo must keep running even if one write fails (e.g. while Redis restarts).
                LOG.debug("Demo traffic step failed: {}", e.toString());
            }
        };
    }

    @Override
    public void close() {
        closed = true;
    }
}
