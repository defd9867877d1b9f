package io.welno.console.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.flow.AuditRecord;
import io.welno.console.flow.AuditTail;
import io.welno.console.flow.RedisAuditLog;
import io.welno.console.flow.Role;
import io.welno.console.testing.Await;
import io.welno.console.testing.FxState;
import io.welno.console.testing.MutableClock;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.text.Phrase;
import io.welno.console.ui.audit.AuditTab;
import io.welno.console.ui.common.I18n;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The audit tab over a real audit stream: entries newest first, filtered by operator and result, a new entry from
 * another console appearing live at the top, the session link, the revert link, and the CSV of what is shown.
 */
@ExtendWith(ApplicationExtension.class)
class AuditTabTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final ExecutorService background = Executors.newCachedThreadPool();
    private final List<String> shownSessions = new CopyOnWriteArrayList<>();
    private RedisAuditLog log;
    private AuditTab tab;
    private AuditTail tail;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        log = new RedisAuditLog(REDIS.client());
        tab = new AuditTab(i18n, ZoneId.of("Asia/Seoul"), Clock.systemUTC(), background,
                shownSessions::add);
        stage.setScene(new Scene(tab, 1200, 500));
        stage.show();
    }

    @AfterEach
    void stop(FxRobot robot) {
        if (tail != null) {
            tail.close();
        }
        robot.interact(() -> tab.stop());
        background.shutdownNow();
    }

    private static AuditRecord entry(String operator, String session, String event, String result, String actionId,
                                     String reason) {
        return new AuditRecord(Instant.now(), actionId, event, operator, Role.OPERATOR, "reset-stuck", session, reason,
                false, "fetching_health_data", "auth_completed", result, Phrase.of("text.verbatim", "ok"), null);
    }

    private final I18n i18n = new I18n(Locale.ENGLISH);

    /** What the table lists, read on the FX thread, where the tail's entries land. */
    private List<String> sessionsShown() {
        try {
            return FxState.read(() -> tab.table().getItems().stream().map(AuditRecord::sessionId).toList());
        } catch (Exception e) {
            throw new IllegalStateException(e); // a poll of Await.until, which takes no checked exception
        }
    }

    @Test
    void aNewTimeStyleRedrawsTheTimesAtOnce(FxRobot robot) throws Exception {
        loaded(entry("kim", "welno_1", AuditRecord.ATTEMPT, "APPLIED", "act-1", "outage"));
        String time = timeCell(robot);
        assertFalse(time.matches(".*[AP]M.*"), "24-hour clock: " + time);
        robot.interact(() -> i18n.setTimeStyle(io.welno.console.view.TimeStyle.LOCALE));
        WaitForAsyncUtils.waitForFxEvents();
        time = timeCell(robot);
        assertTrue(time.matches(".*[AP]M.*"), "as English writes it: " + time);
    }

    @Test
    void eachEntrySaysTheRoleItWasMadeWithInTheWindowsLanguage(FxRobot robot) throws Exception {
        loaded(entry("kim", "welno_1", AuditRecord.ATTEMPT, "APPLIED", "act-1", "outage"));
        javafx.scene.control.TableColumn<AuditRecord, ?> role = FxState.read(() -> tab.table().getColumns().stream()
                .filter(c -> "audit.column.role".equals(c.getId())).findFirst().orElseThrow());
        FxState.check(() -> {
            assertEquals("Role", role.getText());
            assertEquals("operator", role.getCellData(0));
        });
        robot.interact(() -> i18n.setLocale(Locale.KOREAN));
        WaitForAsyncUtils.waitForFxEvents();
        FxState.check(() -> {
            assertEquals("역할", role.getText());
            assertEquals("운영자", role.getCellData(0));
            assertTrue(drawnCells(robot).contains("운영자"), "drawn again at once, not at the next scroll: "
                    + drawnCells(robot));
            assertFalse(drawnCells(robot).contains("operator"), drawnCells(robot).toString());
        });
    }

    /**
     * A name past the audit's bound is stored cut, with an English marker saying how long the whole was: the tab says
     * that in the window's language, and keeps what was stored of the name.
     */
    @Test
    void aCutFieldIsToldInTheWindowsLanguage(FxRobot robot) throws Exception {
        loaded(entry("김하늘".repeat(100), "welno_1", AuditRecord.ATTEMPT, "APPLIED", "act-1", "outage"));
        javafx.scene.control.TableColumn<AuditRecord, ?> operator = FxState.read(() -> tab.table().getColumns()
                .stream().filter(c -> "audit.column.operator".equals(c.getId())).findFirst().orElseThrow());
        FxState.check(() -> assertTrue(String.valueOf(operator.getCellData(0)).startsWith("김하늘김하늘")
                && String.valueOf(operator.getCellData(0)).endsWith("… (300 characters in all)"),
                String.valueOf(operator.getCellData(0))));
        robot.interact(() -> i18n.setLocale(Locale.KOREAN));
        WaitForAsyncUtils.waitForFxEvents();
        FxState.check(() -> {
            String shown = String.valueOf(operator.getCellData(0));
            assertTrue(shown.startsWith("김하늘김하늘") && shown.endsWith("… (모두 300자)"), shown);
            assertFalse(shown.contains("characters"), shown);
        });
    }

    /** A stream that could not be read is said above the list, and still after a language switch. */
    @Test
    void aStreamThatCouldNotBeReadIsSaidInTheNewLanguageAfterASwitch(FxRobot robot) throws Exception {
        io.welno.console.flow.AuditLog unreadable = new io.welno.console.flow.AuditLog() {
            @Override
            public java.util.Optional<io.welno.console.store.StoreFailure> record(AuditRecord record) {
                return java.util.Optional.empty();
            }

            @Override
            public List<AuditRecord> read(int limit) {
                throw new IllegalStateException("the stream is gone");
            }

            @Override
            public String describe() {
                return "unreadable";
            }
        };
        assertThrows(Exception.class, () -> tab.load(unreadable).get(30, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("The audit stream cannot be read: the stream is gone. Actions taken meanwhile may be missing "
                + "from this list.", readFailedLine());
        robot.interact(() -> i18n.setLocale(Locale.KOREAN));
        assertEquals("감사 기록을 읽지 못하고 있습니다: the stream is gone. 그동안의 작업이 이 목록에 빠져 있을 수 있습니다.",
                readFailedLine());
    }

    /**
     * A Redis user that may not read the stream: the tab names the refused command (in the window's language) above
     * the list and in place of "no entries yet", keeps the entries it showed, and says nothing once reading works
     * again, the first load then made again.
     */
    @Test
    void aReadTheRedisUserMayNotRunIsSaidWithItsCommandUntilItWorksAgain(FxRobot robot) throws Exception {
        REDIS.client().sendCommand(redis.clients.jedis.Protocol.Command.ACL, "SETUSER", "noauditread", "reset", "on",
                ">secret", "~*", "&*", "+@all", "-xrevrange", "-xread");
        try (redis.clients.jedis.RedisClient limited = io.welno.console.store.RedisConnections.openClient(
                io.welno.console.store.RedisConnectionSettings.parse("redis://noauditread:secret@127.0.0.1:"
                        + REDIS.port() + "/0"), "audit-tab-test")) {
            // the tail cannot follow: the entries loaded before stay, and the command is named
            loaded(entry("kim", "welno_1", AuditRecord.ATTEMPT, "APPLIED", "act-1", "outage"));
            tail = AuditTail.start(limited, RedisAuditLog.DEFAULT_KEY, tab::arrived, tab::reading);
            Await.until("the tail's failure is said", Await.EVENTUALLY, () -> readFailedLine().contains(
                    "the Redis user has no permission to run \"xread\""));
            assertTrue(readFailedLine().startsWith("The audit stream cannot be read: "), readFailedLine());
            assertEquals(List.of("welno_1"), sessionsShown());
            robot.interact(() -> i18n.setLocale(Locale.KOREAN));
            assertTrue(readFailedLine().startsWith("감사 기록을 읽지 못하고 있습니다: Redis 사용자에게 감사 기록 스트림("
                    + RedisAuditLog.DEFAULT_KEY + ")에서 \"xread\" 명령을 실행할 권한이 없습니다"), readFailedLine());
            robot.interact(() -> i18n.setLocale(Locale.ENGLISH));

            // nor can the list be loaded: said in place of "no entries yet" as well; an entry written meanwhile is
            // one the tail will not bring (it follows from its first successful read)
            log.record(entry("lee", "welno_2", AuditRecord.ATTEMPT, "APPLIED", "act-2", "outage"));
            assertThrows(Exception.class, () -> tab.load(new RedisAuditLog(limited)).get(30, TimeUnit.SECONDS));
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(readFailedLine().contains("no permission to run \"xrevrange\""), readFailedLine());
            assertEquals(readFailedLine(), FxState.read(() -> ((javafx.scene.control.Label) tab.table()
                    .getPlaceholder()).getText()));

            // allowed again: the tail reads, the list is loaded again, and the warning goes
            REDIS.client().sendCommand(redis.clients.jedis.Protocol.Command.ACL, "SETUSER", "noauditread",
                    "+xrevrange", "+xread");
            Await.until("reading works again", Await.EVENTUALLY, () -> readFailedLine().isEmpty()
                    && sessionsShown().equals(List.of("welno_2", "welno_1")));
            assertFalse(FxState.read(() -> tab.lookup("#auditReadFailed").isVisible()));
            assertEquals("No audit entries yet.", FxState.read(() -> ((javafx.scene.control.Label) tab.table()
                    .getPlaceholder()).getText()));
        }
    }

    /**
     * The first load failed and the tail never did (a read that timed out under load, a stream being restored): the
     * tab tries again by itself, backing off, and once a read works the entries show and the warning goes. Before, it
     * waited for the tail to recover after failing, and said "cannot be read" forever.
     */
    @Test
    void aFirstLoadThatFailedIsTriedAgainByItselfUntilItWorks(FxRobot robot) throws Exception {
        log.record(entry("kim", "welno_1", AuditRecord.ATTEMPT, "APPLIED", "act-1", "outage"));
        java.util.concurrent.atomic.AtomicBoolean restored = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        io.welno.console.flow.AuditLog restoring = new io.welno.console.flow.AuditLog() {
            @Override
            public java.util.Optional<io.welno.console.store.StoreFailure> record(AuditRecord record) {
                return log.record(record);
            }

            @Override
            public List<AuditRecord> read(int limit) {
                reads.incrementAndGet();
                if (!restored.get()) {
                    throw new IllegalStateException("the stream is being restored");
                }
                return log.read(limit);
            }

            @Override
            public String describe() {
                return "restoring";
            }
        };
        assertThrows(Exception.class, () -> tab.load(restoring).get(30, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(readFailedLine().contains("the stream is being restored"), readFailedLine());
        Await.until("tried again by itself, with no tail to say so", Await.EVENTUALLY, () -> reads.get() >= 3);
        assertTrue(readFailedLine().contains("the stream is being restored"), "said while it fails: " + readFailedLine());

        restored.set(true);
        Await.until("the load tried again until it worked", Await.EVENTUALLY, () -> readFailedLine().isEmpty()
                && sessionsShown().equals(List.of("welno_1")));
        assertFalse(FxState.read(() -> tab.lookup("#auditReadFailed").isVisible()));
        assertEquals("No audit entries yet.", FxState.read(() -> ((javafx.scene.control.Label) tab.table()
                .getPlaceholder()).getText()));
    }

    private String readFailedLine() {
        try {
            return FxState.read(() -> ((javafx.scene.control.Label) tab.lookup("#auditReadFailed")).getText());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> drawnCells(FxRobot robot) {
        return robot.lookup(".table-row-cell .table-cell").queryAll().stream()
                .map(n -> ((javafx.scene.control.TableCell<?, ?>) n).getText()).filter(t -> t != null).toList();
    }

    /** Writes the entries to the stream and shows the tab loaded from it. */
    private void loaded(AuditRecord... written) throws Exception {
        for (AuditRecord entry : written) {
            log.record(entry);
        }
        tab.load(log).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String timeCell(FxRobot robot) throws Exception {
        return FxState.read(() -> robot.lookup(".table-row-cell .table-cell").queryAll().stream()
                .map(n -> ((javafx.scene.control.TableCell<?, ?>) n).getText())
                .filter(t -> t != null && t.contains("KST")).findFirst().orElse(""));
    }

    @Test
    void theStreamIsListedNewestFirstFilteredLiveLinkedAndExported(FxRobot robot) throws Exception {
        loaded(entry("kim", "welno_1", AuditRecord.ATTEMPT, "APPLIED", "act-1", "outage"),
                entry("lee", "welno_2", AuditRecord.ATTEMPT, "REFUSED", "act-2", "outage"),
                entry("kim", "welno_1", AuditRecord.REVERT_DETECTED, "REVERTED", "act-1", "outage"));
        FxState.check(() -> {
            assertEquals(List.of("welno_1", "welno_2", "welno_1"), sessionsShown(), "newest first");
            assertEquals(AuditRecord.REVERT_DETECTED, tab.table().getItems().get(0).event());
            // the stream's codes are shown in words, the filter boxes too
            assertTrue(robot.lookup("Change written over").tryQuery().isPresent(), "the event in words");
            assertTrue(robot.lookup("Refused").tryQuery().isPresent(), "the result in words");
            assertTrue(robot.lookup("attempt").tryQuery().isEmpty() && robot.lookup("REFUSED").tryQuery().isEmpty(),
                    "no code shows as stored");
        });

        robot.interact(() -> tab.operatorField().setText("lee"));
        assertEquals(List.of("welno_2"), sessionsShown());
        robot.interact(() -> {
            tab.operatorField().clear();
            tab.resultBox().setValue("APPLIED");
        });
        assertEquals(List.of("act-1"), FxState.read(() -> tab.table().getItems().stream().map(AuditRecord::actionId)
                .toList()));
        robot.interact(() -> tab.resultBox().setValue(null));

        // Another console appends: the tail hands it over and it appears on top, once.
        tail = AuditTail.start(REDIS.client(), RedisAuditLog.DEFAULT_KEY, tab::arrived);
        // polled from the test's thread, as each try writes to Redis; only the table is read on the FX thread
        Await.until("the tail to follow the stream", Await.EVENTUALLY, () -> {
            log.record(entry("park", "welno_3", AuditRecord.ATTEMPT, "APPLIED", "act-3", "=cmd|' /C calc'!A0"));
            WaitForAsyncUtils.waitForFxEvents();
            return sessionsShown().contains("welno_3");
        });
        assertEquals("welno_3", sessionsShown().get(0), "a live entry lands on top");

        robot.clickOn("welno_2");
        assertEquals(List.of("welno_2"), shownSessions, "the session link selects it in the table");

        AuditRecord attempt = FxState.read(() -> tab.table().getItems().stream().filter(e -> e.actionId()
                .equals("act-1") && e.event().equals(AuditRecord.ATTEMPT)).findFirst().orElseThrow());
        robot.interact(() -> tab.showRevertOf(attempt));
        FxState.check(() -> {
            assertEquals(AuditRecord.REVERT_DETECTED, tab.table().getSelectionModel().getSelectedItem().event());
            assertTrue(robot.lookup("Reverted →").tryQuery().isPresent(), "the attempt links to its revert");
        });

        robot.interact(() -> tab.operatorField().setText("park"));
        Path file = dir.resolve("audit.csv");
        int written = WaitForAsyncUtils.asyncFx(() -> tab.exportTo(file)).get(30, TimeUnit.SECONDS)
                .get(30, TimeUnit.SECONDS);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(written + 1, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("\uFEFFTime,Operator,Role,Action,Session"), lines.get(0));
        assertTrue(lines.stream().skip(1).allMatch(l -> l.contains(",park,")), "only what is shown");
        assertTrue(lines.get(1).contains(",'=cmd|' /C calc'!A0,"), "a formula in a reason is defused: " + lines.get(1));
    }

    @Test
    void liveEntriesOnTopObeyTheFilterAndKeepTheSelection(FxRobot robot) throws Exception {
        loaded(entry("kim", "welno_1", AuditRecord.ATTEMPT, "APPLIED", "act-1", "outage"),
                entry("lee", "welno_2", AuditRecord.ATTEMPT, "REFUSED", "act-2", "outage"),
                entry("kim", "welno_3", AuditRecord.ATTEMPT, "APPLIED", "act-3", "outage"));
        robot.interact(() -> tab.operatorField().setText("kim"));
        assertEquals(List.of("welno_3", "welno_1"), sessionsShown());
        robot.interact(() -> tab.table().getSelectionModel().select(1));
        AuditRecord selected = FxState.read(() -> tab.table().getSelectionModel().getSelectedItem());

        tail = AuditTail.start(REDIS.client(), RedisAuditLog.DEFAULT_KEY, tab::arrived);
        // The tail reads from the entries after its start: once one of ours shows, it follows every later one. Polled
        // from the test's thread, as each try writes to Redis.
        Await.until("the tail to follow the stream", Await.EVENTUALLY, () -> {
            log.record(entry("kim", "welno_0", AuditRecord.ATTEMPT, "APPLIED", "act-0", "outage"));
            WaitForAsyncUtils.waitForFxEvents();
            return sessionsShown().contains("welno_0");
        });
        log.record(entry("park", "welno_4", AuditRecord.ATTEMPT, "APPLIED", "act-4", "outage"));
        log.record(entry("kim", "welno_5", AuditRecord.ATTEMPT, "APPLIED", "act-5", "outage"));
        FxState.await("the new entries to arrive", () -> sessionsShown().contains("welno_5"));

        FxState.check(() -> {
            List<String> shown = sessionsShown();
            assertEquals("welno_5", shown.get(0), "a matching live entry lands on top");
            assertFalse(shown.contains("welno_4"), "one the filter hides stays hidden: " + shown);
            assertEquals(selected, tab.table().getSelectionModel().getSelectedItem(), "the selection stays");
        });
        robot.interact(() -> tab.operatorField().clear());
        assertTrue(sessionsShown().contains("welno_4"), "and shows once the filter lets it");
    }

    /** "Last 15 minutes" moves with the clock: an entry that falls out leaves the list with nothing new arriving. */
    @Test
    void aTimeFilterLetsEntriesGoAsTheyAge(FxRobot robot) throws Exception {
        MutableClock clock = new MutableClock(Instant.now(),
                ZoneId.of("Asia/Seoul"));
        AuditTab aging = FxState.read(() -> new AuditTab(i18n, ZoneId.of("Asia/Seoul"), clock, Runnable::run,
                shownSessions::add));
        AuditRecord older = new AuditRecord(clock.instant().minus(Duration.ofMinutes(10)), "act-1",
                AuditRecord.ATTEMPT, "kim", Role.OPERATOR, "reset-stuck", "welno_old", "outage", false, "", "", "APPLIED",
                Phrase.of("text.verbatim", "ok"), "1-0", null);
        AuditRecord newer = new AuditRecord(clock.instant(), "act-2", AuditRecord.ATTEMPT, "kim", Role.OPERATOR,
                "reset-stuck", "welno_new", "outage", false, "", "", "APPLIED", Phrase.of("text.verbatim", "ok"), "2-0",
                null);
        aging.arrived(older);
        aging.arrived(newer);
        FxState.await("both entries", () -> aging.table().getItems().size() == 2);
        robot.interact(() -> aging.sinceBox().setValue(Duration.ofMinutes(15)));
        assertEquals(2, FxState.read(() -> aging.table().getItems().size()), "both within the last 15 minutes");
        clock.advance(Duration.ofMinutes(6));
        robot.interact(aging::passTime);
        assertEquals(List.of("welno_new"), FxState.read(() -> aging.table().getItems().stream()
                .map(AuditRecord::sessionId).toList()), "the entry now 16 minutes old has left");
    }

    @Test
    void everyAuditCodeHasWordsInBothLanguages() {
        for (Locale locale : List.of(Locale.ENGLISH, I18n.KOREAN)) {
            I18n words = new I18n(locale);
            for (String event : io.welno.console.view.AuditWords.EVENTS) {
                String text = io.welno.console.view.AuditWords.event(words, event);
                assertFalse(text.startsWith("!") || text.equals(event), locale + " " + event + ": " + text);
            }
            for (String result : io.welno.console.view.AuditWords.RESULTS) {
                String text = io.welno.console.view.AuditWords.result(words, result);
                assertFalse(text.startsWith("!") || text.equals(result), locale + " " + result + ": " + text);
            }
        }
        assertEquals("unknown-event", io.welno.console.view.AuditWords.event(new I18n(I18n.KOREAN), "unknown-event"),
                "a code a newer console wrote is shown as stored");
    }
}
