package io.welno.console.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.hostile.Hostile;
import io.welno.console.session.Timestamps;
import io.welno.console.text.Phrase;
import io.welno.console.text.PhrasedException;
import io.welno.console.view.BundleTexts;
import io.welno.console.view.Wording;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A demo whose Redis server cannot start says why in the server's own words, inside a sentence of the user's language
 * (never the library's English wrapping), and says so when the server gave no reason. Each case runs the real
 * start in a JVM of its own with a broken {@code redis-server} first on its PATH, which the embedded start prefers.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class DemoRedisFailureTest {

    @TempDir
    Path dir;

    /** Starts the demo; prints the phrase it failed with, in English and in Korean, one line each. */
    public static final class Probe {
        public static void main(String[] args) {
            try (DemoEnvironment demo = DemoEnvironment.start(0, 0, Timestamps.system())) {
                System.out.println("STARTED " + demo.redis().port());
            } catch (RuntimeException e) {
                Phrase phrase = PhrasedException.find(e);
                System.out.println("EN " + (phrase == null ? e : Wording.cli().render(phrase)));
                System.out.println("KO " + (phrase == null ? e
                        : Wording.window(new BundleTexts(BundleTexts.KOREAN)).render(phrase)));
            }
        }
    }

    @Test
    void theServersOwnWordsAreTheCause() throws Exception {
        List<String> said = probe("echo 'error while loading shared libraries: libssl.so.3' >&2; exit 127");
        assertEquals("EN The demo's own Redis server did not start (error while loading shared libraries: "
                + "libssl.so.3)", said.get(0));
        assertEquals("KO 데모용 내장 Redis 서버가 시작되지 않았습니다(error while loading shared libraries: libssl.so.3)",
                said.get(1));
    }

    @Test
    void aServerThatLogsWhyItStoppedIsQuotedFromTheEndOfItsLog() throws Exception {
        // Redis logs to standard output, its reason last (a port taken, as Redis 6.2 says it)
        List<String> said = probe("""
                echo '17724:C 05 Dec 2026 02:42:38.321 # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo'
                echo '17724:C 05 Dec 2026 02:42:38.321 # Configuration loaded'
                echo '17724:M 05 Dec 2026 02:42:38.322 * monotonic clock: POSIX clock_gettime'
                echo '17724:M 05 Dec 2026 02:42:38.323 # Warning: Could not create server TCP listening socket \
                *:47001: bind: Address already in use'
                echo '17724:M 05 Dec 2026 02:42:38.323 # Failed listening on port 47001 (TCP), aborting.'
                exit 1""");
        assertEquals("EN The demo's own Redis server did not start (monotonic clock: POSIX clock_gettime / Warning: "
                + "Could not create server TCP listening socket *:47001: bind: Address already in use / Failed "
                + "listening on port 47001 (TCP), aborting.)", said.get(0));
        assertFalse(String.join("\n", said).contains("appears not to have started"), "not the library's words");
    }

    @Test
    void aSilentServerIsSaidToBeSilentNotQuotedAsTheLibrary() throws Exception {
        List<String> said = probe("exit 1");
        assertEquals(List.of("EN The demo's own Redis server stopped at once without saying why",
                "KO 데모용 내장 Redis 서버가 이유를 남기지 않고 바로 멈췄습니다"), said);
    }

    @Test
    void whatTheServerPrintsReachesNoTerminalRaw() throws Exception {
        String hostile = Hostile.CLEAR_SCREEN + "owned" + Hostile.FORGED_ROW;
        Path words = dir.resolve("words.txt");
        Files.writeString(words, hostile, StandardCharsets.UTF_8);
        List<String> said = probe("cat '" + words + "' >&2; exit 1");
        assertEquals(2, said.size(), "the forged line stays inside its sentence: " + said);
        said.forEach(line -> Hostile.assertNothingRaw(line, "the failure"));
    }

    /**
     * A server that could not be run at all (a folder mounted noexec, a guard that blocks the program) or a port
     * taken: the system's words have ours in both languages, naming the program, not the JDK's English.
     */
    @Test
    void aProgramTheSystemWouldNotRunIsSaidInTheUsersLanguage() {
        Phrase denied = RedisStartFailure.of(new RuntimeException("Failed to start Redis service",
                new java.io.IOException("Cannot run program \"/tmp/cache/redis-server\": error=13, Permission denied")));
        assertEquals("데모용 내장 Redis 서버가 시작되지 않았습니다(/tmp/cache/redis-server에 접근할 권한이 없습니다)",
                Wording.window(new BundleTexts(BundleTexts.KOREAN)).render(denied));
        Phrase taken = RedisStartFailure.of(new java.net.BindException("Address already in use"));
        assertEquals("데모용 내장 Redis 서버가 시작되지 않았습니다(다른 프로그램이 그 포트를 이미 쓰고 있습니다)",
                Wording.window(new BundleTexts(BundleTexts.KOREAN)).render(taken));
        assertEquals(Phrase.of("demo.redisFailed", "Something else"),
                RedisStartFailure.of(new IllegalStateException("Something else")), "no words of ours: quoted");
    }

    private List<String> probe(String script) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path server = bin.resolve("redis-server");
        Files.writeString(server, "#!/bin/sh\n" + script + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(server, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + CachedRedisBinary.DIRECTORY_PROPERTY + "=" + dir.resolve("cache"),
                "-cp", System.getProperty("java.class.path"), Probe.class.getName());
        builder.environment().put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
        Process probe = builder.redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(probe.waitFor(2, TimeUnit.MINUTES), "the probe ends");
        List<String> lines = out.lines().filter(l -> l.startsWith("EN ") || l.startsWith("KO ")
                || l.startsWith("STARTED ")).toList();
        assertFalse(lines.isEmpty(), out);
        assertFalse(lines.get(0).startsWith("STARTED"), "the broken server was not the one started: " + out);
        return lines;
    }
}
