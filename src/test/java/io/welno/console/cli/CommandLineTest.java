package io.welno.console.cli;

import io.welno.console.cli.Main;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.welno.console.testing.CliRun;
import io.welno.console.testing.Fixtures;
import io.welno.console.testing.RedisServerExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommandLineTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final ObjectMapper mapper = new ObjectMapper();

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @BeforeEach
    void seedFixtures() {
        REDIS.seedFixtures();
    }

    /** The start-up shortcut past picocli takes exactly the arguments picocli would hand to the window. */
    @Test
    void onlyArgumentsThatOpenTheWindowSkipPicocli() {
        for (String[] args : List.of(new String[0], new String[] {Main.SMOKE_TEST})) {
            assertTrue(Main.opensTheWindow(args), String.join(" ", args));
            Main main = new Main();
            CommandLine.ParseResult parsed = new CommandLine(main).parseArgs(args);
            assertFalse(parsed.hasSubcommand());
            assertEquals(args.length == 1, main.smokeTest);
        }
        for (String[] args : List.of(new String[] {"list"}, new String[] {"--help"}, new String[] {"--version"},
                new String[] {Main.SMOKE_TEST, "list"}, new String[] {"--smoke"})) {
            assertFalse(Main.opensTheWindow(args), String.join(" ", args));
        }
    }

    /** A run of one subcommand builds only that one, and says and accepts what the whole command line would. */
    @Test
    void aRunOfOneSubcommandHasOnlyItWithTheSameHelp() {
        CommandLine whole = Main.commandLine();
        assertTrue(whole.getSubcommands().size() > 1);
        for (Map.Entry<String, CommandLine> sub : whole.getSubcommands().entrySet()) {
            CommandLine one = Main.commandLine(new String[] {sub.getKey(), "--help"});
            assertEquals(List.of(sub.getKey()), List.copyOf(one.getSubcommands().keySet()));
            assertEquals(sub.getValue().getUsageMessage(), one.getSubcommands().get(sub.getKey()).getUsageMessage());
            assertEquals(whole.getCommandSpec().version()[0], one.getCommandSpec().version()[0]);
        }
        assertEquals(whole.getSubcommands().keySet(), Main.commandLine(new String[] {"--help"}).getSubcommands().keySet());
        assertEquals(whole.getSubcommands().keySet(), Main.commandLine(new String[] {"lsit"}).getSubcommands().keySet());
    }

    @Test
    void aSessionTheBackendCanReadNowHasNoWarning() throws Exception {
        String id = "welno_live0000000000000000000000000003";
        REDIS.client().set("tilko_session:" + id, Fixtures.live("03_auth_request_sent.json")
                .replace(Fixtures.id("03_auth_request_sent.json"), id));
        try {
            CliRun run = run("list", "--json", "--redis", REDIS.url());
            JsonNode live = run.out().lines().map(l -> {
                try {
                    return mapper.readTree(l);
                } catch (Exception e) {
                    throw new AssertionError(l, e);
                }
            }).filter(n -> n.get("id").asText().equals(id)).findFirst().orElseThrow();
            assertTrue(live.get("backendCanRead").asBoolean(), live.toString());
            assertEquals(0, live.get("warnings").size(), live.toString());
            assertTrue(live.get("expiredForSeconds").isNull());
        } finally {
            REDIS.client().del("tilko_session:" + id);
        }
    }

    /** The prefix alone as a key: listed with a word in its ID column (not a blank that shifts the columns). */
    @Test
    void aKeyThatIsThePrefixAloneIsListedAsHavingNoId() throws Exception {
        REDIS.client().set("tilko_session:", Fixtures.live("03_auth_request_sent.json")
                .replace(Fixtures.id("03_auth_request_sent.json"), ""));
        try {
            CliRun run = run("list", "--redis", REDIS.url());
            assertEquals(0, run.exit(), run.err());
            String row = run.out().lines().filter(l -> l.startsWith("(no id) ")).findFirst().orElseThrow(
                    () -> new AssertionError(run.out()));
            assertTrue(row.contains("empty_id") && !row.contains("no_partner_prefix"), row);
            JsonNode json = run("list", "--json", "--redis", REDIS.url()).out().lines().map(l -> {
                try {
                    return mapper.readTree(l);
                } catch (Exception e) {
                    throw new AssertionError(l, e);
                }
            }).filter(n -> n.get("id").asText().isEmpty()).findFirst().orElseThrow();
            assertEquals("empty_id", json.get("warnings").get(json.get("warnings").size() - 1).asText(),
                    json.toString());
        } finally {
            REDIS.client().del("tilko_session:");
        }
    }

    @Test
    void listJsonPrintsOneMaskedObjectPerSessionAndFlagsOddAndMalformedOnes() throws Exception {
        CliRun run = run("list", "--json", "--redis", REDIS.url());
        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(Fixtures.readable().size() + Fixtures.MALFORMED.size(), lines.size());
        Map<String, JsonNode> byId = new HashMap<>();
        for (String line : lines) {
            JsonNode node = mapper.readTree(line);
            byId.put(node.get("id").asText(), node);
        }
        JsonNode sent = byId.get(Fixtures.id("03_auth_request_sent.json"));
        assertEquals("auth_request_sent", sent.get("status").asText());
        assertEquals("박*준", sent.get("name").asText());
        assertEquals("2026-11-20T14:03:27.123456", sent.get("updatedAt").asText());
        assertTrue(sent.get("ttl").asLong() > 1700 && sent.get("ttl").asLong() <= 1800);
        assertTrue(sent.get("readable").asBoolean());
        // The fixtures were written on 2026-11-20: for the backend their expires_at has long passed, even though
        // Redis still holds them (the test wrote them with a fresh TTL).
        assertEquals(List.of("expired"), texts(sent.get("warnings")));
        assertFalse(sent.get("backendCanRead").asBoolean());
        assertTrue(sent.get("expiredForSeconds").asLong() > 60, sent.toString());

        JsonNode missing = byId.get(Fixtures.id("12_missing_status_and_expires.json"));
        assertTrue(missing.get("status").isNull());
        assertFalse(missing.get("backendCanRead").asBoolean());
        assertEquals(List.of("missing_status", "missing_expires_at"), texts(missing.get("warnings")));
        assertEquals(List.of("unknown_status", "expired"),
                texts(byId.get(Fixtures.id("13_unknown_status.json")).get("warnings")));
        assertEquals(List.of("camelcase_auth_data", "expired", "no_partner_prefix"), texts(byId.get(Fixtures.id(
                "10_legacy_uuid_authenticated_camelcase_auth_data.json")).get("warnings")));
        assertTrue(byId.get(Fixtures.id("10_legacy_uuid_authenticated_camelcase_auth_data.json")).get("partner")
                .isNull(), "a uuid-era id has no partner the backend could tell");
        assertEquals(List.of("offset_timestamp"),
                texts(byId.get(Fixtures.id("14_timezone_aware_timestamps.json")).get("warnings")));

        List<String> fields = new ArrayList<>();
        sent.fieldNames().forEachRemaining(fields::add);
        assertTrue(sent.get("error").isNull(), sent.toString());
        for (String bad : List.of("bad_90", "bad_91", "bad_92", "bad_93")) {
            JsonNode node = byId.get(bad);
            assertFalse(node.get("readable").asBoolean(), bad);
            assertFalse(node.get("error").asText().isBlank(), bad);
            assertFalse(node.get("backendCanRead").asBoolean(), bad);
            List<String> its = new ArrayList<>();
            node.fieldNames().forEachRemaining(its::add);
            assertEquals(fields, its, bad + ": every line has the same fields, in the same order");
        }
        for (String secret : List.of("박서준", "01034567890", "19770305", "tok.0003")) {
            assertFalse(run.out().contains(secret), secret + " leaked into list output");
        }
    }

    @Test
    void listFiltersByStatusAndPrintsATable() {
        CliRun run = run("list", "--status", "auth_request_sent", "--redis", REDIS.url());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains(Fixtures.id("03_auth_request_sent.json")));
        assertTrue(run.out().contains(Fixtures.id("11_campaign_with_unknown_fields.json")));
        assertFalse(run.out().contains(Fixtures.id("01_initiated.json")));
        // The fixtures' expires_at passed long ago: the count says how many the backend would delete on reading.
        assertTrue(run.out().strip().endsWith("2 session(s), 2 past expires_at (!expired: the backend deletes them on"
                + " its next read)"), run.out());

        CliRun unreadable = run("list", "--status", "unreadable", "--redis", REDIS.url());
        assertTrue(unreadable.out().contains("UNREADABLE"));
        assertTrue(unreadable.out().strip().endsWith("4 session(s)"), "none has an expiry to pass: " + unreadable.out());

        CliRun none = run("list", "--status", "no_such_status", "--redis", REDIS.url());
        List<String> noneListed = none.out().lines().toList();
        assertEquals(2, noneListed.size(), "the header and the count: " + none.out());
        assertTrue(noneListed.get(0).startsWith("ID "), none.out());
        assertEquals("0 session(s)", noneListed.get(1));
        // still looked for (the backend may add statuses), exit 0, but a script or a person can tell it from "none"
        assertEquals(0, none.exit(), none.err());
        assertEquals("Note: --status 'no_such_status' is not a status the console knows (initiated, auth_requesting, "
                + "auth_request_sent, auth_pending, auth_completed, authenticated, fetching_health_data, "
                + "fetching_prescription_data, info_required, completed, error, timeout, expired, missing, unreadable); "
                + "listing the sessions stored with it anyway.", none.err().strip());
        assertEquals("", run.err(), "a known status needs no note");
        assertEquals("", unreadable.err(), "nor does 'unreadable'");

        // on a terminal a Hangul syllable takes two cells: the columns after a Korean name still line up
        List<String> lines = run.out().lines().toList();
        int header = TerminalCells.width(lines.get(0).substring(0, lines.get(0).indexOf("UPDATED")));
        java.util.regex.Pattern updated = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}T");
        long rows = lines.stream().skip(1).filter(l -> updated.matcher(l).find()).peek(l -> {
            var at = updated.matcher(l);
            at.find();
            assertEquals(header, TerminalCells.width(l.substring(0, at.start())), "UPDATED under its header: " + l);
        }).count();
        assertEquals(2, rows, run.out());
    }

    /**
     * A terminal draws an emoji sequence, a flag, a name in jamo and an accented letter as one glyph each: the table's
     * columns after such a name, or after a Korean id, still start where their headers do. The widths are written out
     * here (a family is two cells, a flag two, a mark none) rather than measured by the code under test.
     */
    @Test
    void listKeepsItsColumnsUnderTheirHeadersWhateverTheNamesHold() {
        String jamo = java.text.Normalizer.normalize("홍길동", java.text.Normalizer.Form.NFD);
        String family = "👨\u200D👩\u200D👧";
        String scotland = "🏴\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F";
        // id, name, the masked name as shown, the cells of the id, the cells of the masked name
        List<Object[]> cases = List.of(
                new Object[] {"세션_가족", family + "김철", family + "*철", 9, 5},
                new Object[] {"cells_jamo", jamo, java.text.Normalizer.normalize("홍*동", java.text.Normalizer.Form.NFD), 10, 5},
                new Object[] {"cells_flags", "🇰🇷🇯🇵", "🇰🇷*", 11, 3},
                new Object[] {"cells_scotland", scotland + "김철", scotland + "*철", 14, 5},
                new Object[] {"cells_accent", "Jose\u0301", "J**e\u0301", 12, 4},
                new Object[] {"cells_variant", "樂\uFE00樂\uFE01", "樂\uFE00*", 13, 3});
        String fixture = Fixtures.live("03_auth_request_sent.json");
        for (Object[] c : cases) {
            REDIS.client().set("tilko_session:" + c[0], fixture.replace(Fixtures.id("03_auth_request_sent.json"),
                    (String) c[0]).replace("박서준", (String) c[1]));
        }
        CliRun run = run("list", "--status", "auth_request_sent", "--redis", REDIS.url());
        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).startsWith("ID" + " ".repeat(41) + "STATUS" + " ".repeat(22) + "NAME     PROVIDER"),
                lines.get(0));
        for (Object[] c : cases) {
            String row = " ".repeat(42 - (int) c[3]) + " auth_request_sent" + " ".repeat(11) + c[2]
                    + " ".repeat(8 - (int) c[4]) + " ";
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(c[0] + row) && !l.startsWith(c[0] + row + " ")),
                    "the row of " + c[0] + " with its columns in place:\n" + run.out());
        }
    }

    /**
     * A trailing ideographic space made one session look like another, a name of Braille blanks looked like one
     * star between blanks: list and show now show the first escaped and the second as no name, as the window does.
     */
    @Test
    void listAndShowShowTheBlanksThatWouldHideAValue() {
        String fixture = Fixtures.live("03_auth_request_sent.json");
        for (String id : List.of("welno_blank", "welno_blank\u3000")) {
            REDIS.client().set("tilko_session:" + id, fixture.replace(Fixtures.id("03_auth_request_sent.json"), id)
                    .replace("박서준", "\u2800\u2800\u2800"));
        }
        CliRun list = run("list", "--status", "auth_request_sent", "--redis", REDIS.url());
        assertEquals(0, list.exit(), list.err());
        String blankName = " auth_request_sent" + " ".repeat(11) + " ".repeat(8) + " ";
        assertTrue(list.out().contains("welno_blank\\u3000" + " ".repeat(42 - 17) + blankName), list.out());
        assertTrue(list.out().contains("welno_blank" + " ".repeat(42 - 11) + blankName), list.out());
        CliRun show = run("show", "welno_blank\u3000", "--redis", REDIS.url());
        assertEquals(0, show.exit(), show.err());
        assertTrue(show.out().contains("welno_blank\\u3000"), show.out());
        assertFalse(show.out().contains("\u2800"), show.out());
    }

    /**
     * An ASCII space at the end of an id drew nothing: "welno_edge " was listed, shown and watched as "welno_edge", the
     * id of another session beside it. Each command now shows it as the other spaces at an edge are shown.
     */
    @Test
    void listShowAndWatchShowASpaceAtTheEndOfAnId() throws InterruptedException {
        String fixture = Fixtures.live("03_auth_request_sent.json");
        for (String id : List.of("welno_edge", "welno_edge ")) {
            REDIS.client().set("tilko_session:" + id, fixture.replace(Fixtures.id("03_auth_request_sent.json"), id));
        }
        CliRun list = run("list", "--status", "auth_request_sent", "--redis", REDIS.url());
        assertEquals(0, list.exit(), list.err());
        assertTrue(list.out().contains("welno_edge\\u0020 "), list.out());
        assertTrue(list.out().contains("welno_edge "), "the other session, as it is: " + list.out());
        CliRun show = run("show", "welno_edge ", "--redis", REDIS.url());
        assertEquals(0, show.exit(), show.err());
        assertTrue(show.out().contains("welno_edge\\u0020"), show.out());
        CliRun missing = run("show", "welno_none ", "--redis", REDIS.url());
        assertTrue(missing.err().contains("No session welno_none\\u0020 under tilko_session:welno_none\\u0020"),
                missing.err());
        io.welno.console.testing.RunningCli watch = CliRun.start("watch", "--redis", REDIS.url());
        try {
            watch.awaitLine("the session with the space", line -> line.contains("welno_edge\\u0020 "));
        } finally {
            watch.stop();
        }
    }

    @Test
    void showPrintsASummaryWithMessagesAndMasksByDefault() {
        String id = Fixtures.id("09_info_required_object_message.json");
        CliRun run = run("show", id, "--redis", REDIS.url());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("Status    info_required"));
        assertTrue(run.out().contains("입력 정보 확인 필요: 입력하신 정보가"), run.out());
        assertTrue(run.out().contains("오*훈님의 인증 세션이 시작되었습니다."), run.out());
        assertFalse(run.out().contains("오세훈"));

        CliRun json = run("show", id, "--json", "--redis", REDIS.url());
        assertTrue(json.out().contains("\"status\": \"info_required\""));
        assertFalse(json.out().contains("01090123456"));

        CliRun refused = run("show", id, "--json", "--reveal", "--role", "operator", "--redis", REDIS.url());
        assertEquals(2, refused.exit(), refused.err());
        assertFalse(refused.out().contains("01090123456"));

        CliRun revealed = run("show", id, "--json", "--reveal", "--role", "developer", "--redis", REDIS.url());
        assertTrue(revealed.out().contains("01090123456"));
    }

    /** show's --operator names who revealed in the audit; show writes nothing into the session, nor says it would. */
    @Test
    void showsOperatorIsNamedInTheAuditOnly() {
        String id = Fixtures.id("04_auth_completed.json");
        String before = REDIS.client().get("tilko_session:" + id);
        CliRun revealed = run("show", id, "--reveal", "--role", "developer", "--operator", "kim",
                "--redis", REDIS.url());
        assertEquals(0, revealed.exit(), revealed.err());
        assertEquals(before, REDIS.client().get("tilko_session:" + id), "show leaves the session as it was");
        CliRun audit = run("audit", "--json", "--session", id, "--limit", "1", "--redis", REDIS.url());
        assertTrue(audit.out().contains("\"operator\":\"kim\""), audit.out());
        String help = String.join(" ", Main.commandLine().getSubcommands().get("show").getCommandSpec()
                .findOption("--operator").description());
        assertTrue(help.contains("audit"), help);
        assertFalse(help.contains("session message"), "show --help promises no message in the session: " + help);
    }

    @Test
    void showFlagsOddAndUnreadableSessions() {
        CliRun odd = run("show", Fixtures.id("14_timezone_aware_timestamps.json"), "--redis", REDIS.url());
        assertEquals(0, odd.exit());
        assertTrue(odd.out().contains("WARNING   expires_at carries a time-zone offset"), odd.out());

        CliRun bad = run("show", "bad_91", "--redis", REDIS.url());
        assertEquals(1, bad.exit());
        // the reason is a sentence of its own, not a capitalised clause after a colon
        assertTrue(bad.err().contains("Session bad_91 is unreadable. Truncated JSON"), bad.err());

        CliRun none = run("show", "welno_missing", "--redis", REDIS.url());
        assertEquals(1, none.exit());

        // Neither a key of another type nor an empty value has text to preview: said, not left blank.
        REDIS.client().hset("tilko_session:welno_hash", "a", "b");
        REDIS.client().set("tilko_session:welno_empty", "");
        for (String id : List.of("welno_hash", "welno_empty")) {
            CliRun blank = run("show", id, "--redis", REDIS.url());
            assertEquals(1, blank.exit());
            assertTrue(blank.out().contains("Preview   (none)"), blank.out());
            assertFalse(blank.err().contains(".."), blank.err());
        }
        REDIS.client().del("tilko_session:welno_hash", "tilko_session:welno_empty");
    }

    @Test
    void aDeadServerGivesASentenceNotAStackTrace() {
        CliRun run = run("list", "--redis", "redis://127.0.0.1:1/0?connectTimeout=300");
        assertEquals(4, run.exit());
        assertTrue(run.err().contains("Redis could not be reached (connection refused)"),
                run.err());
        assertTrue(run.err().contains("Check the address and the port, that Redis runs there"), "the hint: " + run.err());
        assertFalse(run.err().contains("at redis.clients"), run.err());
        assertEquals("", run.out(), "no table header for a list that never began");
    }

    /** Redis answered, but it is the wrong server for this: said as such, exit 1 as for an action, not "cannot reach". */
    @Test
    void aSessionOnAnotherClusterNodeIsNamedNotCalledUnreachable() {
        java.io.StringWriter err = new java.io.StringWriter();
        CommandLine show = new CommandLine(new ShowCommand()).setErr(new java.io.PrintWriter(err, true));
        int exit = new CommandFailures().handleExecutionException(new redis.clients.jedis.exceptions
                .JedisMovedDataException("MOVED 3999 10.0.0.7:6381", new redis.clients.jedis.HostAndPort("10.0.0.7",
                6381), 3999), show, null);
        assertEquals(1, exit, err.toString());
        assertTrue(err.toString().contains("keeps this session on another node (10.0.0.7:6381)"), err.toString());
        assertFalse(err.toString().contains("Cannot reach"), err.toString());
    }

    private static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    /** A file of ids that cannot be read is said in the file's words, once, with nothing acted on. */
    @Test
    void anIdsFileThatCannotBeReadIsSaidAsSuch(@TempDir Path dir) {
        CliRun run = run("reset", "--ids-from", dir.resolve("ids.txt").toString(), "--reason", "after the outage",
                "--redis", REDIS.url());
        assertEquals(2, run.exit(), run.all());
        assertTrue(run.err().startsWith("Cannot read the ids of --ids-from: there is no file or folder at "),
                run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    /** A misspelt bucket is refused by name, not taken for an empty one (exit 0, nothing done). */
    @Test
    void aBucketThatIsNoneIsRefused() {
        CliRun run = run("reset", "--bucket", "stuk", "--reason", "after the outage", "--redis", REDIS.url());
        assertEquals(2, run.exit(), run.all());
        assertTrue(run.err().contains("stuck or a status the backend knows (initiated, ") && run.err()
                .contains("not 'stuk'"), run.err());
        assertEquals(0, run("reset", "--bucket", "auth_completed", "--reason", "after the outage", "--dry-run",
                "--redis", REDIS.url()).exit());
    }
}
