package io.welno.console.testing;

import io.welno.console.flow.AuditRecord;
import java.time.Duration;

/**
 * A value with a console's change still in it that the console stops reading at a bound of its own (a number of
 * 1,001 digits, past its parse bound, which the backend does not have): what a hold then ends on, UNCONFIRMED.
 */
public final class PastOwnBound {

    private PastOwnBound() {
    }

    /**
     * Once the console's action on the session is audited (after its read-back), stores such a value in its place: the
     * session as it is then, with the long number put first.
     */
    public static void onceChanged(RedisServerExtension redis, String id) {
        Thread writer = new Thread(() -> {
            try {
                Await.until("the action's audit entry", Duration.ofSeconds(60),
                        () -> redis.client().xrevrange("welno:console:audit", "+", "-", 100).stream().anyMatch(
                                e -> id.equals(e.getFields().get("session"))
                                        && AuditRecord.ATTEMPT.equals(e.getFields().get("event"))));
            } catch (Exception e) {
                return;
            }
            String withChange = redis.client().get("tilko_session:" + id);
            redis.client().set("tilko_session:" + id, "{\"n\": " + "1".repeat(1001) + ", " + withChange.substring(1));
        });
        writer.setDaemon(true);
        writer.start();
    }
}
