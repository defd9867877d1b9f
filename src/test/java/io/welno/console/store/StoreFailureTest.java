package io.welno.console.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.testing.Words;
import io.welno.console.text.Phrase;
import io.welno.console.text.PhrasedException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.file.AccessDeniedException;
import javax.net.ssl.SSLHandshakeException;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisMovedDataException;
import redis.clients.jedis.HostAndPort;

/**
 * Failures named for their cause, from what Jedis and the JVM throw for them (the exceptions built here as they
 * arrive: their classes, messages and nesting). Each is a cause an operator acts on differently.
 */
class StoreFailureTest {

    @Test
    void aConnectTimeoutIsAnAddressNobodyAnswersNotAStalledServer() {
        // JDK 17's socket says "Connect timed out"; Jedis adds each address's failure as a suppressed exception.
        JedisConnectionException e = new JedisConnectionException("Failed to connect to any host resolved for DNS name.");
        e.addSuppressed(new JedisConnectionException(new SocketTimeoutException("Connect timed out")));
        StoreFailure failure = StoreFailure.of(e);
        assertEquals(StoreFailure.Cause.UNREACHABLE, failure.cause());
        assertFalse(failure.mayHaveWritten(), "a connection that never opened sent nothing");
    }

    @Test
    void aReadTimeoutIsStillAStall() {
        StoreFailure failure = StoreFailure.of(new JedisConnectionException(new SocketTimeoutException("Read timed out")));
        assertEquals(StoreFailure.Cause.TIMEOUT, failure.cause());
    }

    @Test
    void aBusyPoolSentNothing() {
        StoreFailure failure = StoreFailure.of(new JedisException("Could not get a resource from the pool",
                new NoSuchElementException("Timeout waiting for idle object, borrowMaxWaitDuration=PT2S")));
        assertEquals(StoreFailure.Cause.POOL_EXHAUSTED, failure.cause());
        assertFalse(failure.mayHaveWritten());
        // Jedis's own fixed English adds nothing to the sentence, and is no Redis answer to quote
        String korean = Words.ko(failure.phrase());
        assertFalse(korean.replace("Redis", "").matches("(?s).*[A-Za-z]{3,}.*"), korean);
    }

    @Test
    void aServerThatCannotServeNowIsNamedAsSuch() {
        for (String reply : new String[] {"LOADING Redis is loading the dataset in memory",
                "BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.",
                "CLUSTERDOWN The cluster is down", "TRYAGAIN Multiple keys request during rehashing of slot",
                "MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'."}) {
            StoreFailure failure = StoreFailure.of(new JedisDataException(reply));
            assertEquals(StoreFailure.Cause.UNAVAILABLE, failure.cause(), reply);
        }
    }

    /**
     * Each reply in Korean names its own cause, not Redis's English nor a list of guesses: a replica cut off from its
     * primary (MASTERDOWN) was told as "loading its data, running a long script, or its cluster is down", its real
     * cause only in the English reply quoted inside.
     */
    @Test
    void eachServerThatCannotServeNowSaysWhyInKorean() {
        java.util.Map<String, String> named = java.util.Map.of(
                "LOADING Redis is loading the dataset in memory", "불러오는 중",
                "BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.", "스크립트",
                "CLUSTERDOWN The cluster is down", "클러스터가 내려가",
                "TRYAGAIN Multiple keys request during rehashing of slot", "슬롯",
                "MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'.", "프라이머리와의 연결이 끊긴 복제본");
        java.util.Set<String> sentences = new java.util.HashSet<>();
        named.forEach((reply, cause) -> {
            String korean = Words.ko(StoreFailure.of(new JedisDataException(reply)).phrase());
            assertTrue(korean.contains(cause), reply + " → " + korean);
            assertFalse(korean.replace("Redis", "").matches("(?s).*[A-Za-z]{3,}.*"), "English in: " + korean);
            sentences.add(korean);
        });
        assertEquals(named.size(), sentences.size(), "one sentence per cause: " + sentences);
    }

    @Test
    void aReplicaAndAnotherClusterNodeAreNamed() {
        assertEquals(StoreFailure.Cause.READ_ONLY, StoreFailure.of(
                new JedisDataException("READONLY You can't write against a read only replica.")).cause());
        StoreFailure moved = StoreFailure.of(new JedisMovedDataException("MOVED 3999 10.0.0.7:6381",
                new HostAndPort("10.0.0.7", 6381), 3999));
        assertEquals(StoreFailure.Cause.OTHER_NODE, moved.cause());
        assertEquals("10.0.0.7:6381", moved.detail());
    }

    @Test
    void aDeniedKeyIsNotADeniedCommand() {
        StoreFailure key = StoreFailure.of(new JedisDataException(
                "NOPERM this user has no permissions to access one of the keys used as arguments"));
        assertEquals(StoreFailure.Cause.KEY_PERMISSION_DENIED, key.cause());
        StoreFailure command = StoreFailure.of(new JedisDataException(
                "NOPERM this user has no permissions to run the 'evalsha' command or its subcommand"));
        assertEquals(StoreFailure.Cause.PERMISSION_DENIED, command.cause());
        assertEquals("evalsha", command.detail());
    }

    /**
     * A command the ACL refuses inside the compare-and-set script is the same refusal as a refused EVALSHA, however
     * the Redis in use words it; the command is named where Redis names it.
     */
    @Test
    void aCommandRefusedInsideTheScriptIsAPermissionFailureInEachRedisWords() {
        StoreFailure redis62 = StoreFailure.of(new JedisDataException("ERR Error running script (call to "
                + "f_9d73efdffb42bfcff2e72e3fdf5ef41f8eadc037): @user_script:4: @user_script: 4: The user executing the "
                + "script can't run this command or subcommand"));
        StoreFailure redis70 = StoreFailure.of(new JedisDataException("ERR The user executing the script can't run "
                + "this command or subcommand script: 9d73efdffb42bfcff2e72e3fdf5ef41f8eadc037, on @user_script:4."));
        for (StoreFailure unnamed : new StoreFailure[] {redis62, redis70}) {
            assertEquals(StoreFailure.Cause.PERMISSION_DENIED, unnamed.cause(), unnamed.toString());
            assertEquals("The user executing the script can't run this command or subcommand", unnamed.detail());
            assertEquals(Phrase.of("store.failure.permission-denied", Phrase.of("store.scriptCommand")),
                    unnamed.phrase());
            assertFalse(unnamed.mayHaveWritten(), "a refused command wrote nothing");
        }
        for (String named : new String[] {
                "ERR ACL failure in script: User support has no permissions to run the 'set' command script: "
                        + "9d73efdffb42bfcff2e72e3fdf5ef41f8eadc037, on @user_script:4.",
                "ERR Error running script (call to f_9d73efdffb42bfcff2e72e3fdf5ef41f8eadc037): @user_script:4: "
                        + "@user_script: 4: -NOPERM User support has no permissions to run the 'set' command"}) {
            StoreFailure failure = StoreFailure.of(new JedisDataException(named));
            assertEquals(StoreFailure.Cause.PERMISSION_DENIED, failure.cause(), named);
            assertEquals("set", failure.detail(), named);
            assertEquals(Phrase.of("store.failure.permission-denied", "set"), failure.phrase());
        }
    }

    @Test
    void aKeyRefusedInsideTheScriptIsAKeyPermissionFailure() {
        StoreFailure redis62 = StoreFailure.of(new JedisDataException("ERR Error running script (call to "
                + "f_9d73efdffb42bfcff2e72e3fdf5ef41f8eadc037): @user_script:1: @user_script: 1: The user executing the "
                + "script can't access at least one of the keys mentioned in the command arguments"));
        assertEquals(StoreFailure.Cause.KEY_PERMISSION_DENIED, redis62.cause());
        assertEquals("The user executing the script can't access at least one of the keys mentioned in the command "
                + "arguments", redis62.detail());
        StoreFailure redis72 = StoreFailure.of(new JedisDataException("ERR ACL failure in script: No permissions to "
                + "access a key script: 9d73efdffb42bfcff2e72e3fdf5ef41f8eadc037, on @user_script:4."));
        assertEquals(StoreFailure.Cause.KEY_PERMISSION_DENIED, redis72.cause());
        assertEquals("ACL failure in script: No permissions to access a key", redis72.detail());
    }

    @Test
    void writesRefusedAreNamedAlsoWhenAScriptWrapsTheRefusal() {
        String script = "ERR Error running script (call to f_9d73efdffb42bfcff2e72e3fdf5ef41f8eadc037): "
                + "@user_script:4: @user_script: 4: -";
        for (String prefix : new String[] {"", script}) {
            StoreFailure oom = StoreFailure.of(new JedisDataException(prefix
                    + "OOM command not allowed when used memory > 'maxmemory'."));
            assertEquals(StoreFailure.Cause.OUT_OF_MEMORY, oom.cause());
            assertEquals("OOM command not allowed when used memory > 'maxmemory'.", oom.detail());
            StoreFailure disk = StoreFailure.of(new JedisDataException(prefix + "MISCONF Redis is configured to save "
                    + "RDB snapshots, but it is currently not able to persist on disk. Commands that may modify the "
                    + "data set are disabled."));
            assertEquals(StoreFailure.Cause.DISK_ERROR, disk.cause());
            assertEquals("MISCONF Redis is configured to save RDB snapshots, but it is currently not able to persist "
                    + "on disk.", disk.detail(), "the first sentence of six");
            StoreFailure replica = StoreFailure.of(new JedisDataException(prefix
                    + "READONLY You can't write against a read only replica."));
            assertEquals(StoreFailure.Cause.READ_ONLY, replica.cause());
            assertFalse(oom.mayHaveWritten() || disk.mayHaveWritten() || replica.mayHaveWritten(),
                    "a refused write did not happen");
        }
    }

    @Test
    void anyOtherErrorIsQuoted() {
        StoreFailure other = StoreFailure.of(new JedisDataException(
                "WRONGTYPE Operation against a key holding the wrong kind of value"));
        assertEquals(StoreFailure.Cause.SERVER_ERROR, other.cause());
        assertEquals("WRONGTYPE Operation against a key holding the wrong kind of value", other.detail());
        // A session's words that happen to name a refusal are not one.
        assertEquals(StoreFailure.Cause.SERVER_ERROR, StoreFailure.of(new JedisDataException(
                "ERR something about OOM command and READONLY data")).cause());
    }

    // The cases below are where the log's and the command line's old classification answered otherwise; the more
    // precise answer is the one kept.

    @Test
    void anOsConnectTimeoutIsUnreachableNotRefused() {
        // The OS's TCP timeout arrives as a ConnectException, which was once read as "refused".
        StoreFailure failure = StoreFailure.of(new JedisConnectionException(
                new ConnectException("Connection timed out")));
        assertEquals(StoreFailure.Cause.UNREACHABLE, failure.cause());
        assertFalse(failure.detail().contains("refused"), failure.detail());
    }

    @Test
    void noRouteToTheHostIsUnreachable() {
        assertEquals(StoreFailure.Cause.UNREACHABLE, StoreFailure.of(new JedisConnectionException(
                new NoRouteToHostException("No route to host"))).cause());
    }

    /**
     * Wi-Fi off, a VPN down: the system refuses to connect with a plain SocketException. Nothing was sent, so it is
     * no broken connection that may have written, and the operator reads the network's words in their language.
     */
    @Test
    void aNetworkThatCannotBeReachedIsUnreachableAndSentNothing() {
        for (String said : new String[] {"Network is unreachable", "Host is down",
                "Cannot assign requested address"}) {
            StoreFailure failure = StoreFailure.of(new JedisConnectionException("Failed to connect to 10.9.9.9:6379.",
                    new SocketException(said)));
            assertEquals(StoreFailure.Cause.UNREACHABLE, failure.cause(), said);
            assertFalse(failure.mayHaveWritten(), said);
        }
        String korean = Words.ko(StoreFailure.of(new JedisConnectionException("Failed to connect to 10.9.9.9:6379.",
                new SocketException("Network is unreachable"))).phrase());
        assertFalse(korean.replace("Redis", "").matches("(?s).*[A-Za-z]{3,}.*"), korean);
    }

    @Test
    void aSocketTimeoutWithoutItsUsualWordsIsStillATimeout() {
        assertEquals(StoreFailure.Cause.TIMEOUT, StoreFailure.of(new JedisConnectionException(
                new SocketTimeoutException())).cause());
    }

    @Test
    void aBrokenConnectionIsNamedNotQuoted() {
        for (String message : new String[] {"Unexpected end of stream.", "java.net.SocketException: Connection reset",
                "java.net.SocketException: Broken pipe"}) {
            assertEquals(StoreFailure.Cause.CONNECTION_LOST, StoreFailure.of(new JedisConnectionException(message))
                    .cause(), message);
        }
    }

    /** Jedis's other sentences for a connection that broke are said in the window's words, Korean too. */
    @Test
    void jedisOwnSentencesForABrokenConnectionHaveWords() {
        Map<String, String> words = Map.of(
                "Attempting to read from a broken connection.", "net.brokenEarlier",
                "Attempting to write to a broken connection.", "net.brokenEarlier",
                "It seems like server has closed the connection.", "net.closed");
        words.forEach((message, key) -> {
            StoreFailure failure = StoreFailure.of(new JedisConnectionException(message));
            assertEquals(StoreFailure.Cause.CONNECTION_LOST, failure.cause(), message);
            assertEquals(Phrase.of(key), failure.said(), message);
            assertFalse(Words.ko(failure.phrase()).contains(message), Words.ko(failure.phrase()));
        });
        StoreFailure closedHere = StoreFailure.of(new JedisConnectionException(new SocketException(
                "Socket closed")));
        assertEquals(Phrase.of("net.closedHere"), closedHere.said());
    }

    @Test
    void aFallbackFileFailureIsTheFilesNotRedis() {
        StoreFailure failure = StoreFailure.of(new UncheckedIOException(
                new AccessDeniedException("/data/tilko_sessions/welno_1.json")));
        assertEquals(StoreFailure.Cause.FILE_FAILED, failure.cause());
        assertEquals("AccessDeniedException: /data/tilko_sessions/welno_1.json", failure.detail());
    }

    /** A step of the console's own that named the failure is said in its words, for logs as for the window. */
    @Test
    void aPhrasedStepIsSaidInItsOwnWords() {
        Phrase noAnswer = Phrase.of("store.tls.noAnswer", "10.0.0.7:6380", 1000);
        SSLHandshakeException tls = new SSLHandshakeException("no TLS answer");
        tls.initCause(new PhrasedException(noAnswer, new SocketTimeoutException("Read timed out")));
        JedisConnectionException error = new JedisConnectionException(tls.getMessage(), tls);
        assertEquals(StoreFailure.Cause.TLS_FAILED, StoreFailure.of(error).cause());
        assertEquals(noAnswer, StoreFailure.describe(error));
    }

    @Test
    void onlyRedisAnswersAreCalledRedisErrors() {
        assertEquals("store.failure.server-error", StoreFailure.describe(new JedisDataException(
                "WRONGTYPE Operation against a key holding the wrong kind of value")).key());
        Phrase bug = StoreFailure.describe(new IllegalStateException("index 3 out of bounds"));
        assertEquals(Phrase.of("text.verbatim", "index 3 out of bounds"), bug);
    }
}
