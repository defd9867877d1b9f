package io.welno.console.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.store.RedisConnectionSettings;
import io.welno.console.store.RedisSessionStore;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.testing.Words;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Protocol;

/**
 * A bulk preview over sessions some of which are outside the user's ACL key patterns: each session is read on its
 * own, so only the refused ones are refused, for the permission (docs/live.md, "Reading"), and the others are
 * previewed as for any user.
 */
class KeyPatternPreviewTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @Test
    void onlyTheSessionsOutsideThePatternsAreRefusedAndForThePermission() {
        String inside = FlowTestSupport.waitingSession(REDIS);
        String outside = "kakao_" + inside.substring(inside.indexOf('_') + 1);
        REDIS.client().set("tilko_session:" + outside, REDIS.client().get("tilko_session:" + inside));
        REDIS.client().sendCommand(Protocol.Command.ACL, "SETUSER", "narrow", "reset", "on", ">s3cret",
                "~tilko_session:welno_*", "&*", "+@all");
        try (RedisSessionStore store = RedisSessionStore.open(RedisConnectionSettings.parse(
                "redis://narrow:s3cret@127.0.0.1:" + REDIS.port() + "/0"), FlowTestSupport.CODEC,
                FlowTestSupport.TIMESTAMPS);
             FlowService flow = FlowTestSupport.service(store, new ThrowingTilko(), null, new DirectExecutor(),
                     FlowOptions.defaults())) {
            List<ActionPreview> previews = BulkRun.preview(flow, FlowTestSupport.DEVELOPER,
                    ActionRequest.of(ActionKind.MANUAL_COMPLETE, "-", "bulk"), List.of(inside, outside));

            assertNotNull(previews.get(0).before(), "the session the user may read is previewed");
            assertTrue(previews.get(0).allowed(), String.valueOf(previews.get(0).refusal()));
            assertEquals("flow.readFailed", previews.get(1).refusal().key());
            String said = Words.en(previews.get(1).refusal());
            assertTrue(said.startsWith("The session could not be read: the Redis user may not touch this key"), said);
        }
    }
}
