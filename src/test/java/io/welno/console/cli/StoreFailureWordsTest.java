package io.welno.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.store.RedisConnectionSettings;
import io.welno.console.store.StoreFailure;
import io.welno.console.store.StoreFailure.Cause;
import io.welno.console.testing.Words;
import io.welno.console.text.Phrase;
import io.welno.console.view.Wording;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisMovedDataException;

/**
 * One classification of store failures: the window's words, the command line's line and exit, and a log line's
 * words all follow from the same {@link StoreFailure.Cause}. When a second classifier creeps back in, the two drift
 * apart (a timeout logged as "refused", a missing key permission called a lost connection), and these fail.
 */
class StoreFailureWordsTest {

    /** What Jedis and the JVM throw for each cause, as they arrive. */
    private static Map<Cause, RuntimeException> examples() {
        Map<Cause, RuntimeException> out = new EnumMap<>(Cause.class);
        out.put(Cause.PERMISSION_DENIED, new JedisDataException(
                "NOPERM this user has no permissions to run the 'evalsha' command or its subcommand"));
        out.put(Cause.KEY_PERMISSION_DENIED, new JedisDataException(
                "NOPERM this user has no permissions to access one of the keys used as arguments"));
        out.put(Cause.AUTH_FAILED, new JedisDataException(
                "WRONGPASS invalid username-password pair or user is disabled."));
        JedisConnectionException refused = new JedisConnectionException(
                "Failed to connect to any host resolved for DNS name.");
        refused.addSuppressed(new JedisConnectionException(new ConnectException("Connection refused")));
        out.put(Cause.UNREACHABLE, refused);
        out.put(Cause.TLS_FAILED, new JedisConnectionException(new SSLHandshakeException(
                "PKIX path building failed: unable to find valid certification path to requested target")));
        out.put(Cause.TIMEOUT, new JedisConnectionException(new SocketTimeoutException("Read timed out")));
        out.put(Cause.CONNECTION_LOST, new JedisConnectionException("Unexpected end of stream."));
        out.put(Cause.UNAVAILABLE, new JedisDataException("LOADING Redis is loading the dataset in memory"));
        out.put(Cause.READ_ONLY, new JedisDataException("READONLY You can't write against a read only replica."));
        out.put(Cause.OUT_OF_MEMORY, new JedisDataException(
                "OOM command not allowed when used memory > 'maxmemory'."));
        out.put(Cause.DISK_ERROR, new JedisDataException("MISCONF Redis is configured to save RDB snapshots, but it "
                + "is currently not able to persist on disk."));
        out.put(Cause.OTHER_NODE, new JedisMovedDataException("MOVED 3999 10.0.0.7:6381",
                new HostAndPort("10.0.0.7", 6381), 3999));
        out.put(Cause.POOL_EXHAUSTED, new JedisException("Could not get a resource from the pool",
                new NoSuchElementException("Timeout waiting for idle object, borrowMaxWaitDuration=PT2S")));
        out.put(Cause.SERVER_ERROR, new JedisDataException(
                "WRONGTYPE Operation against a key holding the wrong kind of value"));
        out.put(Cause.FILE_FAILED, new UncheckedIOException(
                new AccessDeniedException("/data/tilko_sessions/welno_1.json")));
        return out;
    }

    @Test
    void everyCauseHasAnExample() {
        assertEquals(EnumSet.allOf(Cause.class), examples().keySet(), "a new cause needs its row here");
    }

    /** The words a log line and the command line use are the cause's own phrase, the window's in English. */
    @Test
    void logWordsAreTheCausesPhrase() {
        examples().forEach((cause, error) -> {
            StoreFailure failure = StoreFailure.of(error);
            assertEquals(cause, failure.cause(), String.valueOf(error));
            Phrase said = StoreFailure.describe(error);
            assertEquals("store.failure." + cause.wire(), said.key(), cause.name());
            assertEquals(Wording.cli().render(failure.phrase()), Wording.cli().render(said), cause.name());
            Words.assertWords(Wording.cli().render(said));
            Words.assertWords(Words.ko(said));
        });
    }

    /** Exit 1 where Redis answered but will not do it, 4 where Redis is unusable; the line is the cause's words. */
    @Test
    void theCommandLineSaysTheSameCauseWithItsFix() {
        EnumSet<Cause> answeredButRefused = EnumSet.of(Cause.OTHER_NODE, Cause.READ_ONLY, Cause.OUT_OF_MEMORY,
                Cause.DISK_ERROR, Cause.SERVER_ERROR);
        examples().forEach((cause, error) -> {
            StringWriter err = new StringWriter();
            CommandLine show = new CommandLine(new ShowCommand()).setErr(new PrintWriter(err, true));
            int exit = new CommandFailures().handleExecutionException(error, show, null);
            String line = err.toString().strip();
            StoreFailure failure = StoreFailure.of(error);
            assertEquals(answeredButRefused.contains(cause) ? 1 : 4, exit, cause + ": " + line);
            assertEquals(1, line.lines().count(), line);
            // the cause within the line's sentence, as the connection dialog has it: "…: the Redis user …"
            assertTrue(line.contains(": " + Wording.cli().clause(failure.phraseBeforeFix())), cause + ": " + line);
            // reached but refused to this user or not serving now: "use", not "reach", which points at the network
            String prefix = cause == Cause.FILE_FAILED ? "Cannot use the fallback folder"
                    : EnumSet.of(Cause.PERMISSION_DENIED, Cause.KEY_PERMISSION_DENIED, Cause.AUTH_FAILED,
                            Cause.UNAVAILABLE, Cause.TIMEOUT, Cause.POOL_EXHAUSTED).contains(cause)
                    ? "Cannot use Redis" : "Cannot reach Redis";
            assertEquals(!answeredButRefused.contains(cause), line.startsWith(prefix), line);
            boolean advised = line.contains(Wording.cli().render(
                    failure.fix(RedisConnectionSettings.DEFAULT_PREFIX)));
            assertEquals(!answeredButRefused.contains(cause) && cause != Cause.SERVER_ERROR, advised,
                    cause + ": " + line);
        });
    }

    /**
     * The advice is said once: a cause whose own words end in what its fix says again (an ACL for the sessions' keys,
     * trying again in a moment, a server busy or paused) is said without it before the fix, on the command line and in the connection dialog,
     * where the cause's own words stay whole wherever no fix follows (an action's result, the feed's reason).
     */
    @Test
    void theAdviceIsSaidOnce() {
        Map<Cause, String> advice = Map.of(Cause.KEY_PERMISSION_DENIED, "ask for an acl whose key patterns include",
                Cause.PERMISSION_DENIED, "ask for an acl", Cause.UNAVAILABLE, "in a moment", Cause.POOL_EXHAUSTED,
                "try again in a moment", Cause.TIMEOUT, "paused");
        advice.forEach((cause, words) -> {
            RuntimeException error = examples().get(cause);
            StringWriter err = new StringWriter();
            CommandLine list = new CommandLine(new ListCommand()).setErr(new PrintWriter(err, true));
            new CommandFailures().handleExecutionException(error, list, null);
            String line = err.toString().strip();
            StoreFailure failure = StoreFailure.of(error);
            Phrase fix = failure.fix(RedisConnectionSettings.DEFAULT_PREFIX);
            assertTrue(line.contains(Wording.cli().render(fix)), "the fix is the advice given: " + line);
            // as often as the fix itself says it, no more
            int inFix = occurrences(Wording.cli().render(fix), words);
            assertEquals(inFix, occurrences(line, words), cause + ": " + line);
            String dialog = Words.en(Phrase.of("connect.problem", "redis://10.0.1.10:6380", failure.phraseBeforeFix(),
                    fix));
            assertEquals(inFix, occurrences(dialog, words), cause + ": " + dialog);
            assertTrue(occurrences(Wording.cli().render(failure.phrase()), words) > 0,
                    "alone, the cause still advises: " + Wording.cli().render(failure.phrase()));
        });
        assertTrue(StoreFailure.of(examples().get(Cause.KEY_PERMISSION_DENIED)).onStream("console:audit")
                .phraseBeforeFix().key().startsWith("store.failure.stream."), "the audit stream's words are kept");
    }

    /**
     * A refused command is not a refused key: its advice is for the command Redis named (an ACL that allows it, or
     * another user), once, in both languages, not that and then an ACL to read the sessions' keys, which the user may
     * well have.
     */
    @Test
    void aRefusedCommandIsAdvisedAboutTheCommandOnly() {
        StoreFailure failure = StoreFailure.of(examples().get(Cause.PERMISSION_DENIED));
        Phrase fix = failure.fix(RedisConnectionSettings.DEFAULT_PREFIX);
        for (String dialog : List.of(Words.en(Phrase.of("connect.problem", "redis://10.0.1.10:6380",
                failure.phraseBeforeFix(), fix)), Words.ko(Phrase.of("connect.problem", "redis://10.0.1.10:6380",
                failure.phraseBeforeFix(), fix)))) {
            assertFalse(dialog.contains(RedisConnectionSettings.DEFAULT_PREFIX), "no advice about the keys: " + dialog);
            assertEquals(1, occurrences(dialog, "acl"), "one piece of advice: " + dialog);
            assertTrue(dialog.contains("\"evalsha\""), "the command refused: " + dialog);
        }
    }

    private static int occurrences(String sentence, String words) {
        String text = sentence.toLowerCase(java.util.Locale.ROOT);
        int count = 0;
        for (int at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + 1)) {
            count++;
        }
        return count;
    }

    /**
     * A port where something else answers (a web server, as when the backend's port is typed for Redis's): Redis is not
     * there, said so in each language, not "the connection was lost (Unknown reply: H)" and a network to check.
     */
    @Test
    void aPortThatAnswersButNotAsRedisIsSaidSo() throws Exception {
        try (ServerSocket web = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try (Socket client = web.accept()) {
                    client.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    client.getInputStream().read(new byte[256]);
                } catch (IOException ignored) {
                    // the test's own end of the socket
                }
            });
            server.start();
            RuntimeException error = assertThrows(RuntimeException.class, () -> {
                try (Jedis jedis = new Jedis(new HostAndPort("127.0.0.1", web.getLocalPort()),
                        DefaultJedisClientConfig.builder().socketTimeoutMillis(5_000).build())) {
                    jedis.ping();
                }
            });
            server.join(5_000);
            StoreFailure failure = StoreFailure.of(error);
            assertEquals(Cause.UNREACHABLE, failure.cause(), String.valueOf(error));
            String english = Wording.cli().render(failure.phrase());
            assertTrue(english.contains("does not answer as Redis does"), english);
            String korean = Words.ko(failure.phrase());
            assertTrue(korean.contains("Redis처럼 응답하지 않습니다") && !korean.contains("Unknown reply"), korean);
        }
    }

    /** The hints the command line gave before it took the connection dialog's fixes are still there. */
    @Test
    void theOldHintsSurviveInTheFixes() {
        Map<Cause, RuntimeException> examples = examples();
        Map<Cause, List<String>> hints = Map.of(
                Cause.UNREACHABLE, List.of("connection refused", "that Redis runs there", "firewall or VPN"),
                Cause.AUTH_FAILED, List.of("user name or password", "Check the ACL user and the password"),
                Cause.TLS_FAILED, List.of("TLS handshake", "certificate"),
                Cause.TIMEOUT, List.of("stopped answering", "try again in a moment"),
                Cause.PERMISSION_DENIED, List.of("no permission to run \"evalsha\""));
        hints.forEach((cause, words) -> {
            StringWriter err = new StringWriter();
            CommandLine show = new CommandLine(new ShowCommand()).setErr(new PrintWriter(err, true));
            new CommandFailures().handleExecutionException(examples.get(cause), show, null);
            words.forEach(w -> assertTrue(err.toString().contains(w), cause + " lacks '" + w + "': " + err));
        });
    }

    /** An error of no known cause that Redis never answered is quoted, not called Redis's error. */
    @Test
    void anErrorRedisNeverSentIsNotCalledRedisError() {
        IllegalStateException bug = new IllegalStateException("index 3 out of bounds");
        assertEquals(Cause.SERVER_ERROR, StoreFailure.of(bug).cause());
        assertEquals("index 3 out of bounds", Wording.cli().render(StoreFailure.describe(bug)));
        StringWriter err = new StringWriter();
        CommandLine show = new CommandLine(new ShowCommand()).setErr(new PrintWriter(err, true));
        assertEquals(1, new CommandFailures().handleExecutionException(bug, show, null));
        assertTrue(err.toString().startsWith("Unexpected error: index 3 out of bounds"), err.toString());
        assertFalse(err.toString().contains("Redis answered"), err.toString());
    }

    /**
     * A Redis that is down or drops the connection is said in the window's language: the network's usual complaints
     * have Korean words, not the JVM's English in parentheses.
     */
    @Test
    void aRedisThatCannotBeReachedOrDropsTheConnectionIsSaidInKorean() {
        io.welno.console.view.Wording korean = io.welno.console.view.Wording.window(
                new io.welno.console.view.BundleTexts(java.util.Locale.KOREAN));
        Map<Cause, RuntimeException> examples = examples();
        List<RuntimeException> failures = List.of(examples.get(Cause.UNREACHABLE), examples.get(Cause.CONNECTION_LOST),
                new JedisConnectionException(new java.net.UnknownHostException("redis.internal")),
                new JedisConnectionException(new java.net.SocketException("Connection reset")),
                new JedisConnectionException(new java.net.NoRouteToHostException("No route to host")),
                new JedisConnectionException("Attempting to read from a broken connection."),
                new JedisConnectionException("It seems like server has closed the connection."),
                new JedisConnectionException(new java.net.SocketException("Socket closed")),
                new JedisConnectionException(new java.net.SocketException("Connection timed out")));
        for (RuntimeException failure : failures) {
            String said = korean.render(StoreFailure.describe(failure));
            assertFalse(said.replace("Redis", "").matches("(?s).*[A-Za-z]{3,}.*"), "English in Korean: " + said);
        }
        assertEquals("Redis에 연결할 수 없습니다(연결이 거부되었습니다)",
                korean.render(StoreFailure.describe(examples.get(Cause.UNREACHABLE))));
        // a complaint without words of its own is quoted as it was said
        assertEquals("Redis could not be reached (Protocol not available)", Wording.cli().render(StoreFailure.describe(
                new JedisConnectionException(new java.net.ConnectException("Protocol not available")))));
    }

    /** Redis's error words are read in one place; a class that reads them again is a second classification. */
    @Test
    void onlyStoreFailureReadsTheConnectionErrors() throws IOException {
        List<String> signs = List.of("WRONGPASS", "invalid username-password", "\"Connection refused\"", "\"PKIX\"",
                "connect timed out\"");
        Path main = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(main)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                // StoreFailure classifies them; NetworkWords only words what they said
                if (file.endsWith(Path.of("io/welno/console/store/StoreFailure.java"))
                        || file.endsWith(Path.of("io/welno/console/text/NetworkWords.java"))) {
                    continue;
                }
                String text = Files.readString(file);
                for (String sign : signs) {
                    // The Tilko client reads its HTTP client's connect timeout, not Redis's.
                    if (sign.equals("connect timed out\"") && file.endsWith(Path.of("io/welno/console/tilko/TilkoClient.java"))) {
                        continue;
                    }
                    assertFalse(text.contains(sign), file + " reads " + sign);
                }
            }
        }
    }
}
