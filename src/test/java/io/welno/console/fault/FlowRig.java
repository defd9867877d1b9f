package io.welno.console.fault;

import io.welno.console.testing.Await;
import io.welno.console.testing.HookedStore;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.flow.ActionKind;
import io.welno.console.flow.ActionRequest;
import io.welno.console.flow.ActionResult;
import io.welno.console.flow.CollectionFinished;
import io.welno.console.flow.FlowListener;
import io.welno.console.flow.FlowOptions;
import io.welno.console.flow.FlowService;
import io.welno.console.flow.Operator;
import io.welno.console.flow.RedisAuditLog;
import io.welno.console.flow.Role;
import io.welno.console.session.NewSessionDocuments;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.Timestamps;
import io.welno.console.session.UserInfo;
import io.welno.console.store.RedisConnectionSettings;
import io.welno.console.store.RedisSessionStore;
import io.welno.console.tilko.TilkoClient;
import io.welno.console.tilko.TilkoConfig;
import io.welno.console.tilko.sim.SimulatorOptions;
import io.welno.console.tilko.sim.TilkoSimulator;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;

/**
 * The flow service wired by hand as the console does (store → flow, Tilko simulator, Redis audit stream), with
 * the store behind {@link HookedStore} and every collection result recorded.
 */
final class FlowRig implements AutoCloseable {

    static final Timestamps TIMESTAMPS = Timestamps.system();
    static final SessionCodec CODEC = new SessionCodec(TIMESTAMPS.zone());
    static final Operator OPERATOR = new Operator("kim", Role.OPERATOR);
    static final Operator DEVELOPER = new Operator("lee", Role.DEVELOPER);

    final TilkoSimulator sim;
    final TilkoClient tilko;
    final RedisSessionStore store;
    final HookedStore hooked;
    final ExecutorService background = Executors.newCachedThreadPool();
    final FlowService flow;
    final List<CollectionFinished> finished = new CopyOnWriteArrayList<>();

    /**
     * @param tilkoTimeout the client's timeout for every Tilko call
     * @param slowDelay    how long the simulator's SLOW mode holds an answer
     */
    FlowRig(RedisConnectionSettings redis, Duration tilkoTimeout, Duration slowDelay) throws IOException {
        this(redis, null, tilkoTimeout, slowDelay);
    }

    /** @param tilkoUrl another Tilko (e.g. a MockWebServer) instead of the simulator's address; null = the simulator */
    FlowRig(RedisConnectionSettings redis, String tilkoUrl, Duration tilkoTimeout, Duration slowDelay)
            throws IOException {
        sim = TilkoSimulator.start(SimulatorOptions.builder().port(0).manualApproval().slowDelay(slowDelay).build());
        tilko = new TilkoClient(TilkoConfig.builder().baseUrl(tilkoUrl != null ? tilkoUrl : sim.baseUrl())
                .apiKey("fault-suite-key").timeouts(tilkoTimeout).build());
        store = RedisSessionStore.open(redis, CODEC, TIMESTAMPS);
        hooked = new HookedStore(store);
        flow = new FlowService(hooked, tilko, new RedisAuditLog(store.client()), null, TIMESTAMPS, background,
                FlowOptions.defaults().withStaleAuthRequestAfter(Duration.ZERO).withStuckAfter(Duration.ZERO)
                        .withShutdownGrace(Duration.ofSeconds(1)));
        flow.addListener(new FlowListener() {
            @Override
            public void onCollectionFinished(CollectionFinished f) {
                finished.add(f);
            }
        });
    }

    /** An {@code initiated} session as the backend's create_session writes it. */
    static String newSession(Jedis admin) {
        String id = NewSessionDocuments.newSessionId("welno");
        ObjectNode doc = NewSessionDocuments.initiated(id, "welno",
                new UserInfo("김하늘", "19900101", "01012345678", "M", "4"), TIMESTAMPS);
        admin.setex("tilko_session:" + id, 1800, CODEC.write(doc));
        return id;
    }

    ActionResult perform(Operator operator, ActionKind kind, String id) {
        return flow.perform(operator, ActionRequest.of(kind, id, "fault suite"));
    }

    /** initiated → simple-auth → phone approval → manual-auth-complete: an auth_completed session Tilko knows. */
    String authCompletedSession(Jedis admin) {
        String id = newSession(admin);
        require(perform(OPERATOR, ActionKind.SIMPLE_AUTH, id));
        sim.approveAll();
        require(perform(DEVELOPER, ActionKind.MANUAL_COMPLETE, id));
        return id;
    }

    CollectionFinished awaitFinished(String id, Duration timeout) {
        Await.until("the collection of " + id + " to finish", timeout,
                () -> finished.stream().anyMatch(f -> f.sessionId().equals(id)));
        return finished.stream().filter(f -> f.sessionId().equals(id)).findFirst().orElseThrow();
    }

    static SessionDocument document(Jedis admin, String id) {
        return (SessionDocument) CODEC.parse(id, admin.get("tilko_session:" + id));
    }

    private static void require(ActionResult result) {
        if (!result.applied()) {
            throw new AssertionError("set-up action failed: " + result.outcome() + " " + result.message());
        }
    }

    @Override
    public void close() {
        flow.close();
        background.shutdownNow();
        try {
            background.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tilko.close();
        sim.close();
        store.close();
    }
}
