package io.welno.console.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.live.FeedPhrases;
import io.welno.console.store.StoreFailure;
import io.welno.console.text.Phrase;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The feed's state phrases read right in either language, keep their address and delay, and escape Redis's words. */
class FeedPhrasesWordingTest {

    private final Wording korean = Wording.window(new BundleTexts(Locale.KOREAN));
    private final Wording english = Wording.cli();

    @Test
    void aLostConnectionKeepsItsAddressCauseAndDelayInEitherLanguage() {
        Phrase lost = FeedPhrases.lost("redis://10.0.1.10:6380/0", FeedPhrases.closedByServer(), Duration.ofSeconds(2));
        assertEquals("Lost the connection to redis://10.0.1.10:6380/0: the server closed the connection; retrying in 2 s",
                english.render(lost));
        assertEquals("redis://10.0.1.10:6380/0 연결이 끊겼습니다: 서버가 연결을 끊었습니다. 2초 후 다시 시도합니다",
                korean.render(lost));
    }

    @Test
    void liveAndPollingSayWhatTheNotificationCheckFound() {
        Phrase live = FeedPhrases.live(Phrase.of("feed.servers.standalone", "127.0.0.1:6390"),
                Phrase.of("feed.notify.on", "g$xK"));
        assertEquals("Live from 127.0.0.1:6390; keyspace notifications are on (\"g$xK\")", english.render(live));
        assertEquals("실시간으로 받는 중: 127.0.0.1:6390 · 키스페이스 알림이 켜져 있습니다(\"g$xK\")",
                korean.render(live));
        Phrase cluster = FeedPhrases.subscribing(Phrase.of("feed.servers.cluster", 3));
        assertEquals("Subscribing to keyspace notifications on 3 cluster primaries", english.render(cluster));
        assertEquals("키스페이스 알림을 구독하는 중: 클러스터 프라이머리 3대", korean.render(cluster));
        assertEquals("실시간으로 받는 중: 센티널 마스터 mymaster(10.0.1.10:26379) · 키스페이스 알림이 켜져 있습니다(\"g$xK\")",
                korean.render(FeedPhrases.live(Phrase.of("feed.servers.sentinel", "mymaster", "10.0.1.10:26379"),
                        Phrase.of("feed.notify.on", "g$xK"))));
        Phrase polling = FeedPhrases.polling(Phrase.of("feed.notify.configForbidden"), Duration.ofMillis(1500));
        assertEquals("CONFIG is not permitted for this user; polling every 1.5 s", english.render(polling));
        assertEquals("이 사용자는 CONFIG 명령을 쓸 수 없습니다. 1.5초마다 조회합니다", korean.render(polling));
        assertEquals("The server stopped answering (no PONG within 3,000 ms)",
                english.render(FeedPhrases.noPong(3000)));
        // written as the status bar's "686ms" beside it
        assertEquals("서버가 응답하지 않습니다(3,000ms 안에 PONG이 오지 않음)", korean.render(FeedPhrases.noPong(3000)));
    }

    /**
     * A mode's detail is a sentence of its own in the window's status bar and watch's "== MODE:" line, and a clause in
     * the log's "Feed CONNECTING: connecting to …", as every other cause a log line carries (Wording.log()): the log
     * said "Feed CONNECTING: Subscribing to …", capitalised after its colon.
     */
    @Test
    void aModeDetailIsASentenceOnItsOwnAndAClauseInTheLog() {
        Phrase standalone = Phrase.of("feed.servers.standalone", "127.0.0.1:6390");
        java.util.Map<Phrase, String> clauses = new java.util.LinkedHashMap<>();
        clauses.put(FeedPhrases.notStarted(), "not started");
        clauses.put(FeedPhrases.stopped(), "stopped");
        clauses.put(FeedPhrases.connecting("redis://h:1/0"), "connecting to redis://h:1/0");
        clauses.put(FeedPhrases.subscribing(standalone), "subscribing to keyspace notifications on 127.0.0.1:6390");
        clauses.put(FeedPhrases.live(standalone, Phrase.of("feed.notify.on", "g$xK")),
                "live from 127.0.0.1:6390; keyspace notifications are on (\"g$xK\")");
        clauses.put(FeedPhrases.polling(Phrase.of("feed.notify.configForbidden"), Duration.ofSeconds(2)),
                "CONFIG is not permitted for this user; polling every 2 s");
        clauses.put(FeedPhrases.lost("redis://h:1/0", FeedPhrases.closedByServer(), Duration.ofSeconds(2)),
                "lost the connection to redis://h:1/0: the server closed the connection; retrying in 2 s");
        clauses.put(FeedPhrases.unreachable("redis://h:1/0", FeedPhrases.closedByServer(), Duration.ofSeconds(2)),
                "cannot reach redis://h:1/0: the server closed the connection; retrying in 2 s");
        clauses.put(FeedPhrases.stillUnreachable("redis://h:1/0", FeedPhrases.closedByServer(), Duration.ofSeconds(2)),
                "still cannot reach redis://h:1/0: the server closed the connection; retrying in 2 s");
        clauses.forEach((phrase, clause) -> {
            assertEquals(clause, Wording.log().render(phrase), phrase.key());
            String sentence = english.render(phrase);
            assertEquals(Character.toUpperCase(clause.charAt(0)) + clause.substring(1), sentence, phrase.key());
        });
    }

    /**
     * A figure of milliseconds reads the same in the feed's sentence as in the status bar beside it: the bar's latency
     * said "Redis 2,500ms" and the reason next to it "no PONG within 2500ms". One rule, the language's grouping, as
     * {@link Formats#count} writes a count.
     */
    @Test
    void millisecondsAreGroupedAsTheStatusBarGroupsThem() {
        for (Locale locale : new Locale[] {Locale.KOREAN, Locale.ENGLISH}) {
            BundleTexts texts = new BundleTexts(locale);
            String grouped = Formats.count(texts, 2500);
            assertEquals("2,500", grouped, locale.toString());
            String millis = grouped + (locale == Locale.KOREAN ? "ms" : " ms");
            String statusBar = texts.format("status.latency", 2500L);
            assertTrue(statusBar.contains(millis), statusBar);
            String noPong = Wording.window(texts).render(FeedPhrases.noPong(2500));
            assertTrue(noPong.contains(millis), noPong);
            assertTrue(Wording.window(texts).render(FeedPhrases.polling(Phrase.of("feed.notify.configForbidden"),
                    Duration.ofSeconds(1234))).contains("1,234"), "a long delay is grouped too");
        }
    }

    /**
     * The retry and poll delays in the window's units: a Korean status bar said "2 s 후 다시 시도합니다" beside its
     * own "3초", the unit in English.
     */
    @Test
    void delaysAreSaidInTheWindowsUnits() {
        Phrase why = FeedPhrases.closedByServer();
        assertEquals("redis://h:1/0에 아직 연결할 수 없습니다: 서버가 연결을 끊었습니다. 686ms 후 다시 시도합니다",
                korean.render(FeedPhrases.stillUnreachable("redis://h:1/0", why, Duration.ofMillis(686))));
        assertEquals("redis://h:1/0에 연결할 수 없습니다: 서버가 연결을 끊었습니다. 3.5초 후 다시 시도합니다",
                korean.render(FeedPhrases.unreachable("redis://h:1/0", why, Duration.ofMillis(3475))));
        assertEquals("Still cannot reach redis://h:1/0: the server closed the connection; retrying in 686 ms",
                english.render(FeedPhrases.stillUnreachable("redis://h:1/0", why, Duration.ofMillis(686))));
        assertEquals("Cannot reach redis://h:1/0: the server closed the connection; retrying in 30 s",
                english.render(FeedPhrases.unreachable("redis://h:1/0", why, Duration.ofSeconds(30))));
    }

    @Test
    void redisOwnWordsAreEscapedAndBoundedWhereverTheyAreShown() {
        String hostile = "ERR bad\u001b[31m thing\nforged line" + "x".repeat(20_000);
        Phrase why = FeedPhrases.polling(Phrase.of("feed.notify.configFailed", hostile), Duration.ofSeconds(2));
        for (Wording wording : new Wording[] {english, korean}) {
            String shown = wording.render(why);
            assertFalse(shown.contains("\u001b"), shown);
            assertFalse(shown.contains("\n"), "no forged second line");
            assertTrue(shown.length() < 5_000, "bounded: " + shown.length());
        }
        Phrase unreachable = FeedPhrases.unreachable("redis://h:1/0",
                new StoreFailure(StoreFailure.Cause.UNREACHABLE, "Connection refused\u0007").phrase(), Duration.ofMillis(200));
        assertFalse(english.render(unreachable).contains("\u0007"));
    }
}
