package io.welno.console.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.testing.RedisServerExtension;
import io.welno.console.testing.Words;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;

/**
 * A Redis that answers but cannot serve commands is told by its real cause in the connection dialog: a replica cut off
 * from its primary (MASTERDOWN) was said in Korean to be "loading its data, running a long script, or its cluster is
 * down", the one cause it is not, with the real one only in Redis's English quoted inside.
 */
class UnavailableRedisCheckTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @AfterEach
    void primaryAgain() {
        try (Jedis admin = new Jedis("127.0.0.1", REDIS.port())) {
            admin.replicaofNoOne();
            admin.configSet("replica-serve-stale-data", "yes");
        }
    }

    @Test
    void aReplicaCutOffFromItsPrimaryIsSaidToBeOneInKorean() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (Jedis admin = new Jedis("127.0.0.1", REDIS.port())) {
            admin.configSet("replica-serve-stale-data", "no");
            admin.replicaof("127.0.0.1", closedPort); // a primary that is not there: the link stays down
        }

        List<ConnectionCheck.Finding> found = ConnectionCheck.run(new ConnectionProfile("replica", REDIS.url(),
                "viewer", "Asia/Seoul", "staging", false, null), null, null);

        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).blocking());
        String korean = Words.ko(found.get(0).phrase());
        assertTrue(korean.contains("프라이머리와의 연결이 끊긴 복제본"), korean);
        assertFalse(korean.contains("데이터를 불러오는 중이거나"), "not a list of other causes: " + korean);
        String words = korean.replace(REDIS.settings().redactedUrl(), "").replace("Redis", "");
        assertFalse(words.matches("(?s).*[A-Za-z]{3,}.*"), "English in Korean: " + korean);
        assertTrue(Words.en(found.get(0).phrase()).contains("a replica that lost its link to its primary"),
                Words.en(found.get(0).phrase()));
    }
}
