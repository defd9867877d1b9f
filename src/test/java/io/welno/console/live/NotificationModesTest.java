package io.welno.console.live;

import io.welno.console.testing.RecordingListener;
import static io.welno.console.live.Docs.doc;
import static io.welno.console.live.Docs.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.demo.EmbeddedRedis;
import io.welno.console.session.SessionCodec;
import io.welno.console.store.RedisConnectionSettings;
import io.welno.console.text.Phrase;
import io.welno.console.view.Wording;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * How the feed chooses between LIVE and POLLING from the server's notify-keyspace-events, the profile's consent
 * and the user's permissions, each against its own real server.
 */
class NotificationModesTest {

    private static final Duration POLL = Duration.ofMillis(200);
    private final SessionCodec codec = new SessionCodec();

    private RedisSessionFeed feed(RedisConnectionSettings settings, boolean mayEnable) {
        return new RedisSessionFeed(settings, codec, FeedOptions.defaults().withMayEnableNotifications(mayEnable)
                .withPollInterval(POLL).withTopologyRefresh(Duration.ofMillis(300)));
    }

    private static String flags(RedisClient admin) {
        return admin.configGet("notify-keyspace-events").get("notify-keyspace-events");
    }

    @Test
    void notificationsOffAndConfigAllowedAddsTheMissingFlagsAndKeepsTheOthers() {
        try (EmbeddedRedis server = EmbeddedRedis.start(List.of("notify-keyspace-events Ex"));
             RedisClient admin = RedisClient.create(server.host(), server.port())) {
            assertEquals("xE", flags(admin));
            RecordingListener listener = new RecordingListener();
            try (RedisSessionFeed feed = feed(RedisConnectionSettings.parse(server.url()), true)) {
                feed.start(listener);
                listener.awaitMode(FeedMode.LIVE);
                String now = flags(admin);
                for (char flag : "ExK$g".toCharArray()) {
                    assertTrue(now.indexOf(flag) >= 0, "flag " + flag + " in " + now);
                }
                Phrase live = feed.modeDetail();
                assertEquals("feed.live", live.key(), live.toString());
                assertEquals(Phrase.of("feed.notify.enabled", "xE", now), live.arg(1));
                assertTrue(Wording.cli().render(live).endsWith("; enabled keyspace notifications (\"xE\" → \"" + now + "\")"),
                        Wording.cli().render(live));
                listener.awaitSnapshots(1);
                admin.set(key("c1"), doc("c1", "initiated", 1));
                listener.await("c1 added by push", () -> listener.lastKind("c1") == ChangeKind.ADDED);
                admin.del(key("c1"));
                listener.await("c1 removed by push", () -> listener.lastKind("c1") == ChangeKind.REMOVED);
            }
        }
    }

    @Test
    void notificationsOffAndNotAllowedPollsAndChangesStillArriveThenGoesLiveWhenSwitchedOn() {
        try (EmbeddedRedis server = EmbeddedRedis.start(List.of("notify-keyspace-events \"\""));
             RedisClient admin = RedisClient.create(server.host(), server.port())) {
            admin.set(key("p0"), doc("p0", "initiated", 0));
            RecordingListener listener = new RecordingListener();
            try (RedisSessionFeed feed = feed(RedisConnectionSettings.parse(server.url()), false)) {
                feed.start(listener);
                listener.awaitMode(FeedMode.POLLING);
                assertEquals(FeedPhrases.polling(Phrase.of("feed.notify.off"), Duration.ofMillis(200)),
                        listener.lastMode().detail());
                assertEquals("Keyspace notifications are off and this connection may not turn them on (a profile's "
                        + "setting; watch --allow-config); polling every 200 ms",
                        listener.lastMode().text());
                listener.awaitSnapshots(1);
                assertTrue(listener.has("p0"));
                assertEquals("", flags(admin), "the server's setting is left alone");

                assertChangesArriveByPolling(admin, listener);
                assertEquals(1, listener.snapshotsCompleted(), "polls deliver diffs, not snapshots");

                // Somebody switches notifications on: the next check finds them and the feed goes live.
                admin.configSet("notify-keyspace-events", "KEA");
                listener.awaitMode(FeedMode.LIVE);
                admin.set(key("p9"), doc("p9", "initiated", 1));
                listener.await("p9 by push", () -> listener.has("p9"));
            }
        }
    }

    /**
     * Notifications switched off under a LIVE feed and on again at run time: what was written while the feed still
     * said LIVE but heard nothing, and while it changed over, arrives (added, updated, deleted: no lost and no ghost
     * row), and the mode it reports is the one it is in.
     */
    @Test
    void notificationsSwitchedOffAndOnAtRunTimeLoseNoChangeAndTheModeFollows() {
        try (EmbeddedRedis server = EmbeddedRedis.start(List.of("notify-keyspace-events KEA"));
             RedisClient admin = RedisClient.create(server.host(), server.port())) {
            admin.set(key("kept"), doc("kept", "initiated", 1));
            admin.set(key("gone"), doc("gone", "initiated", 1));
            RecordingListener listener = new RecordingListener();
            try (RedisSessionFeed feed = feed(RedisConnectionSettings.parse(server.url()), false)) {
                feed.start(listener);
                listener.awaitMode(FeedMode.LIVE);
                listener.awaitSnapshots(1);

                admin.configSet("notify-keyspace-events", "");
                admin.set(key("kept"), doc("kept", "auth_requesting", 2));
                admin.del(key("gone"));
                admin.set(key("new"), doc("new", "initiated", 1));
                listener.awaitMode(FeedMode.POLLING);
                listener.await("what was written unheard", () -> "2".equals(listener.field("kept", "n"))
                        && listener.lastKind("gone") == ChangeKind.REMOVED && listener.has("new"));
                assertEquals(FeedMode.POLLING, feed.mode());

                admin.configSet("notify-keyspace-events", "KEA");
                admin.set(key("kept"), doc("kept", "auth_request_sent", 3));
                admin.del(key("new"));
                listener.awaitMode(FeedMode.LIVE);
                listener.await("what was written while going live", () -> "3".equals(listener.field("kept", "n"))
                        && listener.lastKind("new") == ChangeKind.REMOVED);
                admin.set(key("late"), doc("late", "initiated", 1));
                listener.await("pushed again", () -> listener.has("late"));
                assertEquals(FeedMode.LIVE, feed.mode());
                assertEquals(2, feed.stats().knownSessions(), "kept and late, no ghost");
            }
        }
    }

    /**
     * Notifications switched off under a LIVE feed look like a quiet spell: the feed reads the flags once it has heard
     * nothing for a second, not at its next housekeeping (ten minutes away here), so it stops saying LIVE and what was
     * written unheard arrives by polling.
     */
    @Test
    void notificationsSwitchedOffUnderAQuietLiveFeedAreNoticedWithoutWaitingForHousekeeping() {
        try (EmbeddedRedis server = EmbeddedRedis.start(List.of("notify-keyspace-events KEA"));
             RedisClient admin = RedisClient.create(server.host(), server.port())) {
            RecordingListener listener = new RecordingListener();
            try (RedisSessionFeed feed = new RedisSessionFeed(RedisConnectionSettings.parse(server.url()), codec,
                    FeedOptions.defaults().withPollInterval(POLL).withTopologyRefresh(Duration.ofMinutes(10)))) {
                feed.start(listener);
                listener.awaitMode(FeedMode.LIVE);
                listener.awaitSnapshots(1);

                admin.configSet("notify-keyspace-events", "");
                admin.set(key("unheard"), doc("unheard", "initiated", 1));
                listener.awaitMode(FeedMode.POLLING);
                listener.await("what was written unheard", () -> listener.has("unheard"));
            }
        }
    }

    /**
     * A feed that may enable notifications puts switched-off flags back on its next check and stays LIVE; what was
     * written while they were off sent no event, so it must be read again (a resync), or the table shows the old
     * value as live until some later write or reconnect.
     */
    @Test
    void notificationsSwitchedOffAndPutBackByTheFeedLoseNoChange() {
        try (EmbeddedRedis server = EmbeddedRedis.start(List.of("notify-keyspace-events KEA"));
             RedisClient admin = RedisClient.create(server.host(), server.port())) {
            admin.set(key("kept"), doc("kept", "initiated", 1));
            RecordingListener listener = new RecordingListener();
            try (RedisSessionFeed feed = feed(RedisConnectionSettings.parse(server.url()), true)) {
                feed.start(listener);
                listener.awaitMode(FeedMode.LIVE);
                listener.awaitSnapshots(1);

                // at once, so that no check of the feed's comes between the switch and the writes
                try (AbstractTransaction tx = admin.multi()) {
                    tx.sendCommand(Protocol.Command.CONFIG, "SET", "notify-keyspace-events", "");
                    tx.set(key("kept"), doc("kept", "auth_requesting", 2));
                    tx.set(key("unheard"), doc("unheard", "initiated", 1));
                    tx.exec();
                }
                listener.await("the flags put back", () -> flags(admin).indexOf('K') >= 0);
                listener.await("what was written while they were off", () -> "2".equals(listener.field("kept", "n"))
                        && listener.has("unheard"));
                assertEquals(FeedMode.LIVE, feed.mode());
            }
        }
    }

    /**
     * A backend write that Redis runs between a poll's values and their TTLs: the first reading after it is a pair
     * that existed (the value read again with its TTL), never the older value with the newer write's fresh TTL. While
     * polling nothing else reads the key again until the next poll (docs/live.md, "Reading").
     */
    @Test
    void aPollNeverListsAValueWithTheTtlOfAWriteMadeDuringItsRead() throws Exception {
        try (EmbeddedRedis server = EmbeddedRedis.start(List.of("notify-keyspace-events \"\""));
             RedisClient admin = RedisClient.create(server.host(), server.port());
             io.welno.console.testing.PipelineGate gate = new io.welno.console.testing.PipelineGate(server.port())) {
            admin.set(key("r"), doc("r", "initiated", 1), SetParams.setParams().ex(1800));
            admin.pexpire(key("r"), 600_000); // last written twenty minutes ago
            RecordingListener listener = new RecordingListener();
            try (RedisSessionFeed feed = feed(RedisConnectionSettings.parse(
                    "redis://127.0.0.1:" + gate.port() + "/0"), false)) {
                feed.start(listener);
                listener.awaitMode(FeedMode.POLLING);
                listener.awaitSnapshots(1);
                int before = listener.batches().size();
                gate.splitBefore("PTTL", () -> admin.set(key("r"), doc("r", "auth_requesting", 3),
                        SetParams.setParams().ex(1800))); // the backend's SETEX
                admin.set(key("r"), doc("r", "initiated", 2), SetParams.setParams().keepttl());
                listener.await("a poll after the split", () -> gate.split() && listener.batches().size() > before
                        && listener.batches().subList(before, listener.batches().size()).stream()
                        .anyMatch(d -> d.batch().changes().stream().anyMatch(c -> c.id().equals("r"))));

                SessionChange first = listener.batches().subList(before, listener.batches().size()).stream()
                        .flatMap(d -> d.batch().changes().stream()).filter(c -> c.id().equals("r"))
                        .findFirst().orElseThrow();
                String value = new String(first.session().value(), java.nio.charset.StandardCharsets.UTF_8);
                long ttl = first.session().ttlMillis();
                assertTrue(value.contains("auth_requesting") ? ttl > 600_000 : ttl <= 600_000,
                        "a value with its own write's TTL (" + ttl + "): " + value);
            }
        }
    }

    @Test
    void anAclUserWithoutConfigPollsAndChangesStillArrive() {
        try (EmbeddedRedis server = EmbeddedRedis.start(List.of("notify-keyspace-events \"\""));
             RedisClient admin = RedisClient.create(server.host(), server.port())) {
            admin.sendCommand(Protocol.Command.ACL, "SETUSER", "watcher", "on", ">w4tch", "~tilko_session:*", "&*",
                    "+@all", "-config");
            RedisConnectionSettings watcher = RedisConnectionSettings.parse(
                    "redis://watcher:w4tch@127.0.0.1:" + server.port() + "/0");
            RecordingListener listener = new RecordingListener();
            try (RedisSessionFeed feed = feed(watcher, true)) {
                feed.start(listener);
                listener.awaitMode(FeedMode.POLLING);
                assertEquals(FeedPhrases.polling(Phrase.of("feed.notify.configForbidden"), Duration.ofMillis(200)),
                        feed.modeDetail());
                assertEquals("CONFIG is not permitted for this user; polling every 200 ms",
                        Wording.cli().render(feed.modeDetail()));
                listener.awaitSnapshots(1);
                assertChangesArriveByPolling(admin, listener);
            }
            assertEquals("", flags(admin));
        }
    }

    @Test
    void aRenamedConfigCommandPollsAndChangesStillArrive() {
        try (EmbeddedRedis server = EmbeddedRedis.start(List.of("rename-command CONFIG \"\""));
             RedisClient admin = RedisClient.create(server.host(), server.port())) {
            RecordingListener listener = new RecordingListener();
            try (RedisSessionFeed feed = feed(RedisConnectionSettings.parse(server.url()), true)) {
                feed.start(listener);
                listener.awaitMode(FeedMode.POLLING);
                assertEquals(FeedPhrases.polling(Phrase.of("feed.notify.configDisabled"), Duration.ofMillis(200)),
                        feed.modeDetail());
                listener.awaitSnapshots(1);
                assertChangesArriveByPolling(admin, listener);
            }
        }
    }

    @Test
    void aUserWhoMayNotSubscribeToKeyspaceChannelsPolls() {
        try (EmbeddedRedis server = EmbeddedRedis.start();
             RedisClient admin = RedisClient.create(server.host(), server.port())) {
            admin.sendCommand(Protocol.Command.ACL, "SETUSER", "nosub", "on", ">n0sub", "~tilko_session:*",
                    "resetchannels", "+@all");
            RedisConnectionSettings nosub = RedisConnectionSettings.parse(
                    "redis://nosub:n0sub@127.0.0.1:" + server.port() + "/0");
            RecordingListener listener = new RecordingListener();
            try (RedisSessionFeed feed = feed(nosub, false)) {
                feed.start(listener);
                listener.awaitMode(FeedMode.POLLING);
                Phrase why = (Phrase) feed.modeDetail().arg(0);
                assertEquals("feed.subscribeRefused", why.key(), feed.modeDetail().toString());
                assertTrue(why.arg(0).toString().startsWith("NOPERM"), why.toString());
                assertTrue(Wording.cli().render(feed.modeDetail())
                        .startsWith("This user may not subscribe to the keyspace channels"));
                listener.awaitSnapshots(1);
                assertChangesArriveByPolling(admin, listener);
            }
        }
    }

    /** SET (new, changed), DEL and expiry, found by SCAN diffs. */
    private static void assertChangesArriveByPolling(RedisClient admin, RecordingListener listener) {
        admin.set(key("q1"), doc("q1", "initiated", 1));
        listener.await("q1 added", () -> listener.lastKind("q1") == ChangeKind.ADDED);
        admin.set(key("q1"), doc("q1", "auth_requesting", 2));
        listener.await("q1 updated", () -> "2".equals(listener.field("q1", "n")));
        assertEquals(ChangeKind.UPDATED, listener.lastKind("q1"));
        admin.del(key("q1"));
        listener.await("q1 removed", () -> listener.lastKind("q1") == ChangeKind.REMOVED);
        admin.set(key("q2"), doc("q2", "initiated", 1), SetParams.setParams().px(1500));
        listener.await("q2 added", () -> listener.kinds("q2").contains(ChangeKind.ADDED));
        listener.await("q2 expired", () -> listener.lastKind("q2") == ChangeKind.EXPIRED);
        assertEquals(List.of(ChangeKind.ADDED, ChangeKind.EXPIRED), listener.kinds("q2"));
    }
}
