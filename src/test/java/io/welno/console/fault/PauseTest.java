package io.welno.console.fault;

import io.welno.console.live.FeedPhrases;
import io.welno.console.text.Phrase;
import io.welno.console.cli.Main;
import io.welno.console.testing.RecordingListener;
import io.welno.console.testing.Await;
import static io.welno.console.fault.FlowRig.DEVELOPER;
import static io.welno.console.fault.FlowRig.OPERATOR;
import static io.welno.console.fault.FlowRig.document;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.flow.ActionKind;
import io.welno.console.flow.ActionResult;
import io.welno.console.tilko.sim.FailureMode;
import io.welno.console.tilko.TilkoEndpoint;
import io.welno.console.live.FeedMode;
import io.welno.console.live.FeedOptions;
import io.welno.console.live.RedisSessionFeed;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionStatus;
import io.welno.console.testing.Words;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.commands.ProtocolCommand;

/**
 * Redis that stops answering for longer than the client timeouts (CLIENT PAUSE, DEBUG SLEEP) without dying: every
 * part of the console says "stopped answering" in a sentence, writes nothing by halves, and works again once
 * the server does — without being restarted.
 */
@Timeout(300)
class PauseTest {

    /** Jedis has no constant for DEBUG. */
    private static final ProtocolCommand DEBUG = () -> "DEBUG".getBytes(StandardCharsets.US_ASCII);
    private static final String TIMEOUTS = "socketTimeout=300&connectTimeout=300";

    @TempDir
    Path dir;

    private static boolean pauseOver(FaultRedis redis) {
        try (Jedis probe = new Jedis("127.0.0.1", redis.port(), 200)) {
            return "PONG".equals(probe.ping());
        }
    }

    @Test
    void anActionDuringAClientPauseFailsWithATimeoutSentenceAndSucceedsAfterIt() throws Exception {
        try (FaultRedis redis = FaultRedis.start(dir);
             FlowRig rig = new FlowRig(redis.settings(TIMEOUTS), Await.EVENTUALLY, Duration.ofSeconds(1));
             Jedis admin = redis.admin()) {
            String id = FlowRig.newSession(admin);
            assertTrue(rig.perform(OPERATOR, ActionKind.SIMPLE_AUTH, id).applied());
            byte[] before = admin.get(("tilko_session:" + id).getBytes(StandardCharsets.UTF_8));

            // Long enough for the command and the action below to start and time out on a busy machine.
            admin.clientPause(10_000);
            StringWriter err = new StringWriter();
            CommandLine cli = Main.commandLine().setOut(new PrintWriter(new StringWriter()))
                    .setErr(new PrintWriter(err));
            int exit = cli.execute("list", "--redis", redis.url() + "?" + TIMEOUTS);
            assertEquals(4, exit, err.toString());
            assertTrue(err.toString().contains("Redis stopped answering within the socket timeout"), err.toString());

            ActionResult result = rig.perform(DEVELOPER, ActionKind.MANUAL_COMPLETE, id);
            assertEquals(ActionResult.Outcome.TIMEOUT, result.outcome(), Words.en(result.message()));
            assertTrue(Words.en(result.message()).contains("Redis stopped answering"), Words.en(result.message()));

            Await.until("the pause to end", Await.EVENTUALLY, () -> pauseOver(redis));
            assertArrayEquals(before, admin.get(("tilko_session:" + id).getBytes(StandardCharsets.UTF_8)),
                    "nothing was written");
            ActionResult again = rig.perform(DEVELOPER, ActionKind.MANUAL_COMPLETE, id);
            assertEquals(ActionResult.Outcome.APPLIED, again.outcome(), Words.en(again.message()));
        }
    }

    /** Tilko answered, and the write of its answer may or may not have happened: the result claims neither. */
    @Test
    void simpleAuthWhoseAnswerMayHaveBeenSavedSaysItIsUnknown() throws Exception {
        try (FaultRedis redis = FaultRedis.start(dir);
             FlowRig rig = new FlowRig(redis.settings(TIMEOUTS), Await.EVENTUALLY, Duration.ofSeconds(1));
             Jedis admin = redis.admin()) {
            String id = FlowRig.newSession(admin);
            rig.sim.setFailure(FailureMode.SLOW, TilkoEndpoint.SIMPLE_AUTH);
            CompletableFuture<ActionResult> action = CompletableFuture.supplyAsync(
                    () -> rig.perform(OPERATOR, ActionKind.SIMPLE_AUTH, id));
            Await.until("the SimpleAuthRequest to reach Tilko", Await.EVENTUALLY,
                    () -> rig.sim.requestCount(TilkoEndpoint.SIMPLE_AUTH) > 0);
            admin.sendCommand(Protocol.Command.CLIENT, "PAUSE", "10000", "WRITE"); // the answer's write will hang
            ActionResult result = action.join();

            assertEquals(ActionResult.Outcome.TIMEOUT, result.outcome(), Words.en(result.message()));
            assertTrue(Words.en(result.message()).contains("it is unknown whether it was saved"),
                    Words.en(result.message()));
            assertEquals(null, result.statusAfter(), "the status it left is not known");
        }
    }

    @Test
    void writesPausedDuringTheCompareAndSetReportAnUnknownOutcomeAndRedisHoldsOneWholeVersion() throws Exception {
        try (FaultRedis redis = FaultRedis.start(dir);
             FlowRig rig = new FlowRig(redis.settings(TIMEOUTS), Await.EVENTUALLY, Duration.ofSeconds(1));
             Jedis admin = redis.admin()) {
            String id = FlowRig.newSession(admin);
            assertTrue(rig.perform(OPERATOR, ActionKind.SIMPLE_AUTH, id).applied());
            byte[] before = admin.get(("tilko_session:" + id).getBytes(StandardCharsets.UTF_8));

            // Reads go on, writes (and every script) wait: the read of the update works, its compare-and-set hangs.
            admin.sendCommand(Protocol.Command.CLIENT, "PAUSE", "10000", "WRITE");
            ActionResult result = rig.perform(DEVELOPER, ActionKind.MANUAL_COMPLETE, id);
            assertEquals(ActionResult.Outcome.TIMEOUT, result.outcome(), Words.en(result.message()));
            assertTrue(Words.en(result.message()).contains("it is unknown whether the change was applied"),
                    Words.en(result.message()));

            Await.until("the pause to end", Await.EVENTUALLY, () -> {
                try (Jedis probe = new Jedis("127.0.0.1", redis.port(), 200)) {
                    return "OK".equals(probe.set("probe", "x"));
                }
            });
            byte[] after = admin.get(("tilko_session:" + id).getBytes(StandardCharsets.UTF_8));
            if (!Arrays.equals(before, after)) {
                SessionDocument doc = document(admin, id);
                assertEquals(SessionStatus.AUTH_COMPLETED, doc.status(), "if it was written, then all of it");
                assertTrue(doc.authData().isPresent());
                assertTrue(doc.tree().path("progress").path("auth_completed").asBoolean());
            }
            ActionResult again = rig.perform(DEVELOPER, ActionKind.MANUAL_COMPLETE, id);
            assertEquals(ActionResult.Outcome.APPLIED, again.outcome(), Words.en(again.message()));
            assertEquals(SessionStatus.AUTH_COMPLETED, document(admin, id).status());
        }
    }

    @Test
    void aFrozenServerMakesTheFeedReconnectAndTheFeedRecoversWithoutARestart() {
        try (FaultRedis redis = FaultRedis.start(dir); Jedis admin = redis.admin()) {
            admin.setex("tilko_session:a", 1800, SnapshotKillTest.doc("a", "initiated", 0));
            boolean debugSleep = debugAllowed(admin);
            RecordingListener recorder = new RecordingListener();
            FeedOptions options = pingingOften(Duration.ofMillis(300));
            try (RedisSessionFeed feed = new RedisSessionFeed(redis.settings(TIMEOUTS), new SessionCodec(), options)) {
                feed.start(recorder);
                recorder.awaitMode(FeedMode.LIVE, Await.EVENTUALLY);
                recorder.await("the first snapshot", Await.EVENTUALLY, () -> recorder.snapshotsCompleted() >= 1);

                // Long enough for the watchdog or a read's timeout to notice on a busy machine.
                CompletableFuture<Object> freeze = freeze(redis, debugSleep, 4);
                recorder.awaitMode(FeedMode.RECONNECTING, Await.EVENTUALLY);
                Phrase why = (Phrase) recorder.lastReported(FeedMode.RECONNECTING).detail().arg(1);
                assertTrue(why.equals(FeedPhrases.noPong(300)) || why.key().equals("store.failure.timeout"),
                        why.toString());
                freeze.join();
                recorder.awaitMode(FeedMode.LIVE, Await.EVENTUALLY);
                recorder.await("a resync after the freeze", Await.EVENTUALLY, () -> recorder.snapshotsCompleted() >= 2);
                admin.setex("tilko_session:b", 1800, SnapshotKillTest.doc("b", "initiated", 0));
                recorder.await("a change after the freeze", Await.EVENTUALLY,
                        () -> recorder.session("b") != null);
            }
        }
    }

    /**
     * The status bar reads these two: a server that stopped answering shows how long its PING has waited, not its last
     * quick answer, and once the link is given up there is no round trip to show at all.
     */
    @Test
    void aServerThatStopsAnsweringShowsItsUnansweredPingAndNoLatencyOnceGivenUp() {
        try (FaultRedis redis = FaultRedis.start(dir); Jedis admin = redis.admin()) {
            admin.setex("tilko_session:a", 1800, SnapshotKillTest.doc("a", "initiated", 0));
            boolean debugSleep = debugAllowed(admin);
            RecordingListener recorder = new RecordingListener();
            FeedOptions options = pingingOften(Duration.ofMillis(6000));
            try (RedisSessionFeed feed = new RedisSessionFeed(redis.settings(), new SessionCodec(), options)) {
                feed.start(recorder);
                recorder.awaitMode(FeedMode.LIVE, Await.EVENTUALLY);
                Await.until("a PONG", Await.EVENTUALLY, () -> feed.latencyMillis() >= 0);

                // Longer than the PING timeout with room to spare, so the feed gives the link up inside it and its
                // reconnects wait (seconds on a busy machine) until the checks below are made.
                CompletableFuture<Object> freeze = freeze(redis, debugSleep, 12);
                Await.until("a PING unanswered for a second", Await.EVENTUALLY,
                        () -> feed.unansweredMillis() >= 1000);
                assertEquals(FeedMode.LIVE, recorder.lastMode().mode(), "not given up yet");
                recorder.awaitMode(FeedMode.RECONNECTING, Await.EVENTUALLY);
                assertEquals(-1, feed.latencyMillis(), "no connection, so no round trip to show");
                assertEquals(0, feed.unansweredMillis());

                freeze.join();
                recorder.awaitMode(FeedMode.LIVE, Await.EVENTUALLY);
                Await.until("a PONG after the freeze", Await.EVENTUALLY,
                        () -> feed.latencyMillis() >= 0 && feed.unansweredMillis() < 1000);
            }
        }
    }

    /** A PING every 100 ms given up after {@code timeout}, and reconnects tried at once. */
    private static FeedOptions pingingOften(Duration timeout) {
        return FeedOptions.defaults().withPing(Duration.ofMillis(100), timeout)
                .withReconnect(Duration.ofMillis(100), Duration.ofMillis(300));
    }

    /** DEBUG SLEEP freezes the whole server (CLIENT PAUSE where DEBUG is disabled, as on Redis 7). */
    private static CompletableFuture<Object> freeze(FaultRedis redis, boolean debugSleep, int seconds) {
        return CompletableFuture.supplyAsync(() -> {
            // The reply comes when the sleep ends, later still on a busy machine: wait well past it.
            try (Jedis sleeper = redis.admin((seconds + 30) * 1000)) {
                return debugSleep ? sleeper.sendCommand(DEBUG, "SLEEP", String.valueOf(seconds))
                        : sleeper.clientPause(seconds * 1000L);
            }
        });
    }

    private static boolean debugAllowed(Jedis admin) {
        try {
            admin.sendCommand(DEBUG, "SLEEP", "0");
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
