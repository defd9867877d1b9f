package io.welno.console.ui;

import io.welno.console.ui.shell.ConsoleWindow;
import io.welno.console.testing.TestRows;
import io.welno.console.view.SessionRow;
import static io.welno.console.ui.FixturesWindow.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.welno.console.session.Timestamps;
import io.welno.console.testing.Fixtures;
import io.welno.console.testing.FxState;
import io.welno.console.testing.RedisServerExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import redis.clients.jedis.params.SetParams;

/**
 * No name, phone number, birthdate or token of the seeded sessions appears anywhere in the window (every
 * session opened on every detail tab, and the dashboard), in a CSV export or in the log, until a
 * developer reveals one session; then that session's data shows in its person tab and raw JSON only.
 */
@ExtendWith(ApplicationExtension.class)
class MaskingTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(false);

    /** A session of our own, with its secrets also written the way people type them. */
    static final String OWN_ID = "welno_5ec2e75ec2e75ec2e75ec2e75ec2e75e";
    static final String NAME = "배수지";
    static final String PHONE = "01098765432";
    static final String BIRTHDATE = "19860517";
    /** Someone else's resident registration number in a message: no field of the session holds it. */
    static final String GUARDIAN_RESIDENT_NUMBER = "580302-2946813";
    static final String TOKEN = "tok.SECRET.bWFza2luZ3Rlc3Q";
    static final String CX_ID = "CX-SECRET-4242-abcd";

    private static final Pattern FIELD = Pattern.compile("\"(name|phone_no|birthdate|token|Token|cxId|CxId|reqTxId|"
            + "ReqTxId|txId|TxId|userName|birthDate|userCellphoneNumber)\"\\s*:\\s*\"([^\"]+)\"");

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Level rootLevel = root.getLevel();
    private ConsoleWindow window;
    private TestConsole console;

    @Start
    void start(Stage stage) {
        log.start();
        root.addAppender(log);
        root.setLevel(Level.DEBUG);
        REDIS.flush();
        REDIS.seedLiveFixtures();
        REDIS.client().set("tilko_session:" + OWN_ID, ownSession(), SetParams.setParams().ex(1800));
        console = TestConsole.open(stage, TestConsole.profile("test", REDIS.url(), "developer", "development", true));
        window = console.window();
    }

    @AfterEach
    void stop(FxRobot robot) {
        console.close(robot);
        root.detachAppender(log);
        root.setLevel(rootLevel);
    }

    private static String ownSession() {
        LocalDateTime t = LocalDateTime.now(Timestamps.DEFAULT_ZONE).minusMinutes(3);
        return TestRows.session(OWN_ID, "auth_request_sent", t).user(NAME, PHONE, BIRTHDATE)
                .requested(t.plusSeconds(5))
                .message(t.plusSeconds(9), "info", NAME + "님, 010-9876-5432로 다시 보냈습니다 (생일 " + BIRTHDATE + ", 보호자 "
                        + GUARDIAN_RESIDENT_NUMBER + ")")
                .json()
                .replace("\"tok.secret." + OWN_ID + "\"", "\"" + TOKEN + "\"")
                .replace("\"CX-SECRET-" + OWN_ID + "\"", "\"" + CX_ID + "\"");
    }

    /** Every personal value and token in the seeded data, also as "010-1234-5678". */
    private static Set<String> secrets() {
        Set<String> secrets = new LinkedHashSet<>(List.of(NAME, PHONE, "010-9876-5432", BIRTHDATE, TOKEN, CX_ID,
                "2946813"));
        List<String> raw = new ArrayList<>();
        Fixtures.readable().forEach(f -> raw.add(Fixtures.text(f)));
        Fixtures.MALFORMED.forEach(f -> raw.add(Fixtures.text(f)));
        for (String text : raw) {
            Matcher m = FIELD.matcher(text);
            while (m.find()) {
                String value = unescape(m.group(2));
                if (value.length() >= 2) {
                    secrets.add(value);
                    if (value.matches("010\\d{8}")) {
                        secrets.add(value.substring(0, 3) + "-" + value.substring(3, 7) + "-" + value.substring(7));
                    }
                }
            }
        }
        return secrets;
    }

    private static String unescape(String value) {
        Matcher m = Pattern.compile("\\\\u([0-9a-fA-F]{4})").matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, String.valueOf((char) Integer.parseInt(m.group(1), 16)));
        }
        return m.appendTail(out).toString();
    }

    private static void assertNoSecret(Set<String> secrets, List<String> texts, String where) {
        List<String> leaks = new ArrayList<>();
        for (String text : texts) {
            for (String secret : secrets) {
                if (text != null && text.contains(secret)) {
                    leaks.add(secret + " in \"" + (text.length() > 160 ? text.substring(0, 160) + "…" : text) + "\"");
                }
            }
        }
        assertEquals(List.of(), leaks, where);
    }

    private List<String> logLines() {
        synchronized (log.list) {
            return log.list.stream().map(e -> e.getFormattedMessage()
                    + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage())).toList();
        }
    }

    private static Label person(FxRobot robot, String field) {
        return robot.lookup((javafx.scene.Node n) -> ("person." + field).equals(n.getId())).queryAs(Label.class);
    }

    private String raw(FxRobot robot) throws Exception {
        return FxState.read(() -> robot.lookup("#detailRaw").queryAs(TextArea.class).getText());
    }

    @Test
    void nothingPersonalIsShownExportedOrLoggedUntilADeveloperRevealsOneSession(FxRobot robot, @TempDir Path dir)
            throws Exception {
        Set<String> secrets = secrets();
        assertTrue(secrets.size() > 40, "secrets found in the fixtures: " + secrets);
        TableView<?> table = FxState.read(() -> table(robot));
        FxState.await("20 rows", () -> table.getItems().size() == 20);
        robot.interact(() -> table.getSelectionModel().clearAndSelect(0));
        TabPane detailTabs = FxState.read(() -> robot.lookup("#detailTabs").queryAs(TabPane.class));

        // every session; the walk takes every detail tab's content (hidden tabs keep their nodes), the
        // messages tab is the one shown so that its list cells exist
        assertEquals(4, UiWalk.texts(detailTabs).stream().filter(t -> t.startsWith("Raw JSON")
                || t.equals("Messages") || t.equals("Person") || t.equals("Data")).distinct().count());
        for (int i = 0; i < 20; i++) {
            int row = i;
            robot.interact(() -> table.getSelectionModel().clearAndSelect(row));
            FxState.await("the raw JSON formatted", () -> !raw(robot).equals("Formatting…"));
            WaitForAsyncUtils.waitForFxEvents();
            SessionRow shown = FxState.read(() -> (SessionRow) table.getItems().get(row));
            List<String> texts = UiWalk.visibleTexts();
            if (shown.readable()) {
                assertTrue(texts.contains(shown.maskedName()), "the person tab is part of the walk");
            }
            assertNoSecret(secrets, texts, "row " + row + " (" + shown.id() + ")");
        }
        robot.interact(() -> detailTabs.getSelectionModel().select(3));
        assertNoSecret(secrets, UiWalk.visibleTexts(), "raw JSON tab shown");
        robot.interact(() -> window.view().tabs().getSelectionModel().select(1));
        robot.interact(() -> window.view().dashboard().refresh());
        FxState.await("the dashboard's figures of 20 live sessions", () -> window.view().dashboard().shown() != null
                && window.view().dashboard().shown().liveTotal() == 20);
        assertNoSecret(secrets, UiWalk.visibleTexts(), "dashboard");
        robot.interact(() -> window.view().tabs().getSelectionModel().select(0));

        Path masked = dir.resolve("masked.csv");
        int rows = WaitForAsyncUtils.asyncFx(() -> window.view().exportTo(masked)).get().get(60, TimeUnit.SECONDS);
        assertEquals(20, rows);
        String csv = Files.readString(masked, StandardCharsets.UTF_8);
        assertNoSecret(secrets, List.of(csv), "export");
        assertTrue(csv.contains("배*지") && csv.contains("010-****-5432"), csv);

        // a developer reveals our session: its person tab and raw JSON show the data, audited
        int ownRow = FxState.read(() -> FixturesWindow.indexOf(table, OWN_ID));
        robot.interact(() -> table.getSelectionModel().clearAndSelect(ownRow));
        robot.interact(() -> detailTabs.getSelectionModel().select(1));
        assertEquals("배*지", FxState.read(() -> person(robot, "name").getText()));
        robot.clickOn("#revealButton");
        FxState.await("the revealed name", () -> NAME.equals(person(robot, "name").getText()));
        FxState.check(() -> {
            assertEquals(PHONE, person(robot, "phone").getText());
            assertEquals(BIRTHDATE, person(robot, "birthdate").getText());
            assertEquals(CX_ID, person(robot, "cxid").getText());
        });
        robot.interact(() -> detailTabs.getSelectionModel().select(3));
        FxState.await("the revealed raw JSON", () -> raw(robot).contains(TOKEN));
        Path revealed = dir.resolve("revealed.csv");
        WaitForAsyncUtils.asyncFx(() -> window.view().exportTo(revealed)).get().get(60, TimeUnit.SECONDS);
        String revealedCsv = Files.readString(revealed, StandardCharsets.UTF_8);
        assertTrue(revealedCsv.contains(OWN_ID + "," + NAME + ","), "the revealed session is exported as shown");
        Set<String> others = new LinkedHashSet<>(secrets);
        others.removeAll(List.of(NAME, PHONE, "010-9876-5432", BIRTHDATE, TOKEN, CX_ID, "2946813"));
        assertNoSecret(others, List.of(revealedCsv), "export after one reveal");

        // moving on hides it again
        robot.interact(() -> table.getSelectionModel().clearAndSelect(ownRow == 0 ? 1 : 0));
        robot.interact(() -> table.getSelectionModel().clearAndSelect(ownRow));
        robot.interact(() -> detailTabs.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("배*지", person(robot, "name").getText());

        List<String> lines = logLines();
        assertTrue(lines.stream().anyMatch(l -> l.contains("revealed") && l.contains(OWN_ID)),
                "the reveal is logged (by id): " + lines);
        assertTrue(lines.stream().anyMatch(l -> l.contains("Exported 20 sessions")), "the export is logged");
        assertNoSecret(secrets, lines, "log");
    }
}
