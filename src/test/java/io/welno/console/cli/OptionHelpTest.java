package io.welno.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.flow.CollectionFinished;
import io.welno.console.testing.CliRun;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * What each command offers in its {@code --help} is what it does, and what it accepts is said the same way everywhere:
 * no option a command ignores, no help borrowed from another command, one form for every duration. Nothing here
 * reaches Redis (a refused option ends before a connection; {@code redis://127.0.0.1:1} refuses at once otherwise).
 */
class OptionHelpTest {

    private static final String NOWHERE = "redis://127.0.0.1:1/0?connectTimeout=500";
    private static final List<String> ACTIONS = List.of("simple-auth", "complete", "collect", "reset");

    private static String description(String command, String option) {
        CommandLine.Model.OptionSpec spec = Main.commandLine().getSubcommands().get(command).getCommandSpec()
                .findOption(option);
        return spec == null ? null : String.join(" ", spec.description());
    }

    private static <T> T parsed(String command, String... args) {
        CommandLine cli = Main.commandLine();
        String[] all = new String[args.length + 1];
        all[0] = command;
        System.arraycopy(args, 0, all, 1, args.length);
        cli.parseArgs(all);
        return cli.getSubcommands().get(command).getCommand();
    }

    /**
     * Every option that takes a value names it in --help as the others do (URL, N, FILE), not by the Java field picocli
     * falls back to ({@code <rateSeconds>}, {@code <churnMinutes>}).
     */
    @Test
    void everyOptionValueHasALabelThatReadsWell() {
        List<String> fieldNames = new java.util.ArrayList<>();
        java.util.ArrayDeque<CommandLine> commands = new java.util.ArrayDeque<>(List.of(Main.commandLine()));
        while (!commands.isEmpty()) {
            CommandLine command = commands.pop();
            commands.addAll(command.getSubcommands().values());
            for (CommandLine.Model.OptionSpec option : command.getCommandSpec().options()) {
                if (option.arity().max() > 0 && option.paramLabel().startsWith("<")) {
                    fieldNames.add(command.getCommandSpec().qualifiedName() + " " + option.longestName() + " "
                            + option.paramLabel());
                }
            }
        }
        assertEquals(List.of(), fieldNames);
    }

    /** The audit stream is a key of its own, not under the sessions' prefix: audit offered --prefix and ignored it. */
    @Test
    void auditOffersNoPrefixItWouldIgnore() {
        assertNull(description("audit", "--prefix"));
        CliRun run = CliRun.of("audit", "--prefix", "other:", "--redis", NOWHERE);
        assertEquals(2, run.exit(), run.all());
        assertTrue(run.err().startsWith("Unknown option") && run.err().contains("'--prefix'"), run.err());
        // nor the URL's ?prefix=, which it would ignore as well: refused the same way, before anything is read
        CliRun inUrl = CliRun.of("audit", "--redis", NOWHERE + "&prefix=other:");
        assertEquals(2, inUrl.exit(), inUrl.all());
        assertEquals("audit takes no prefix: it reads only its own stream (--audit-stream), not the sessions' keys, so"
                + " drop ?prefix= from --redis. See 'welno-console audit --help'.", inUrl.err().strip());
        for (String command : List.of("list", "show", "watch", "simple-auth", "complete", "collect", "reset")) {
            assertTrue(description(command, "--prefix").startsWith("Key prefix of session documents"), command);
        }
    }

    /**
     * audit's --help listed the URL's ?prefix= among what its --redis takes, the description it shared with the
     * commands that read sessions, and then refused it: its help says what it takes, theirs still lists the prefix.
     */
    @Test
    void auditsRedisHelpListsNoPrefixItRefuses() {
        String audit = description("audit", "--redis");
        assertTrue(audit.startsWith("Redis URL: redis[s]://[user[:password]@]host[:port][/db][?connectTimeout=ms"),
                audit);
        assertFalse(audit.contains("prefix=…"), audit);
        assertTrue(audit.contains("no prefix=: the stream is a key of its own"), audit);
        CliRun help = CliRun.of("audit", "--help");
        assertEquals(0, help.exit(), help.all());
        assertFalse(help.out().contains("?prefix="), help.out());
        for (String command : List.of("list", "show", "watch", "simple-auth", "complete", "collect", "reset")) {
            assertTrue(description(command, "--redis").contains("[/db][?prefix=…&connectTimeout=ms"), command);
            assertFalse(description(command, "--redis").contains("no prefix="), command);
        }
    }

    /**
     * A re-apply follows whatever wrote over the change, and exit 3 is given for it whoever wrote: the console cannot
     * tell the backend's older copy from another console's write, so its help does not say "the backend reverts".
     */
    @Test
    void theHelpSaysTheChangeWasWrittenOverNotThatTheBackendRevertedIt() {
        for (String action : ACTIONS) {
            String reapply = description(action, "--reapply");
            assertTrue(reapply.startsWith("If the change is written over during the hold"), action + ": " + reapply);
        }
        assertFalse(ExitCode.CONFLICT.meaning().contains("backend"), ExitCode.CONFLICT.meaning());
        assertTrue(ExitCode.CONFLICT.meaning().contains("the change was reverted (written over)"),
                ExitCode.CONFLICT.meaning());
    }

    /** list, show and watch read the folder and write nothing; the help said "an action … writes its file" on them. */
    @Test
    void filesSaysWhatEachCommandDoesWithTheFolder() {
        for (String reader : List.of("list", "show", "watch")) {
            String help = description(reader, "--files");
            assertTrue(help.endsWith("nothing is written to it"), reader + ": " + help);
            assertFalse(help.contains("action"), reader + ": " + help);
        }
        assertTrue(description("list", "--files").contains("listed too (file_only)"));
        assertTrue(description("show", "--files").contains("shown from its file"));
        assertTrue(description("watch", "--files").contains("'place' line"));
        for (String action : ACTIONS) {
            assertTrue(description(action, "--files").contains("acted on in its file"), action);
        }
    }

    /** --poll-interval took only ISO-8601 (PT2S) where --hold took only 2s: every duration option now takes both. */
    @Test
    void everyDurationOptionTakesBothForms() {
        assertEquals(Duration.ofSeconds(2), this.<WatchCommand>parsed("watch", "--poll-interval", "2s").pollInterval);
        assertEquals(Duration.ofMillis(500),
                this.<WatchCommand>parsed("watch", "--poll-interval", "PT0.5S").pollInterval);
        assertEquals(Duration.ofSeconds(2), this.<WatchCommand>parsed("watch").pollInterval, "the default");
        assertEquals(Duration.ofMinutes(5), this.<CollectCommand>parsed("collect", "x", "--hold", "PT5M").flow.hold);
        assertEquals(Duration.ofSeconds(30), this.<ResetCommand>parsed("reset", "x", "--hold", "30").flow.hold);
        assertEquals(Duration.ofMillis(1500),
                this.<TilkoSimCommand>parsed("tilko-sim", "--session-ttl", "1.5s").sessionTtl);
        assertEquals(Duration.ofMinutes(2), this.<TilkoSimCommand>parsed("tilko-sim", "--slow-delay", "PT2M").slowDelay);
    }

    @Test
    void theDurationFormsAreParsedExactly() {
        DurationConverter any = new DurationConverter();
        assertEquals(Duration.ZERO, any.convert("0"));
        assertEquals(Duration.ofSeconds(10), any.convert(" 10 "));
        assertEquals(Duration.ofMillis(500), any.convert("500ms"));
        assertEquals(Duration.ofMillis(500), any.convert("0.5"));
        assertEquals(Duration.ofSeconds(90), any.convert("1.5m"));
        assertEquals(Duration.ofHours(1), any.convert("1H"));
        assertEquals(Duration.ofMillis(100), any.convert("pt0.1s"));
        for (String bad : List.of("soon", "-1", "PT-2S", "2x", "", "1.5.2s", "s")) {
            CommandLine.TypeConversionException refused = assertThrows(
                    CommandLine.TypeConversionException.class, () -> any.convert(bad), bad);
            assertTrue(refused.getMessage().contains("30s") && refused.getMessage().contains("ISO-8601 (PT30S)"),
                    refused.getMessage());
        }
    }

    /** A bad duration is one line naming the option and both forms, exit 2, on every command that takes one. */
    @Test
    void aBadDurationIsOneLineNamingTheOptionAndBothForms() {
        List<List<String>> cases = List.of(
                List.of("watch", "--poll-interval", "soon"),
                List.of("watch", "--poll-interval", "0.05s"),
                List.of("collect", "x", "--reason", "r", "--hold", "soon"),
                List.of("tilko-sim", "--approval-delay", "soon"),
                List.of("tilko-sim", "--session-ttl", "soon"),
                List.of("tilko-sim", "--slow-delay", "-3s"));
        for (List<String> args : cases) {
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertEquals(2, run.exit(), args + ": " + run.all());
            assertEquals(1, run.err().lines().count(), args + ": " + run.err());
            assertTrue(run.err().startsWith("Invalid value for option '" + args.get(args.size() - 2) + "'"),
                    args + ": " + run.err());
            assertTrue(run.err().contains("500ms") && run.err().contains("PT30S"), args + ": " + run.err());
        }
        assertTrue(CliRun.of("watch", "--poll-interval", "0.05s").err().contains("at least 0.1 s"));
    }

    /** tilko-sim's port is refused as every other option is, naming it: it said "port out of range: 99999". */
    @Test
    void aBadPortNamesTheOption() {
        for (String port : List.of("99999", "-1", "abc")) {
            CliRun run = CliRun.of("tilko-sim", "--port", port);
            assertEquals(2, run.exit(), run.all());
            assertTrue(run.err().startsWith("Invalid value for option '--port': a port from 0 to 65535"), run.err());
        }
    }

    /** Every command offers -V (the standard help options); on a subcommand it printed an empty line. */
    @Test
    void everyCommandsVersionOptionPrintsTheVersion() {
        for (String command : List.of("list", "show", "watch", "audit", "simple-auth", "complete", "collect", "reset",
                "tilko-sim", "bench")) {
            CliRun run = CliRun.of(command, "-V");
            assertEquals(0, run.exit(), command);
            assertEquals(Main.VERSION, run.out().strip(), command);
        }
        assertEquals(Main.VERSION, CliRun.of("-V").out().strip());
    }

    /**
     * collect's help says which exit status each end of a collection gives with --wait, as ExitCode gives it: it left
     * out an interrupted collection (1) and a vanished session (3).
     */
    @Test
    void collectSaysTheExitStatusOfEveryEndOfACollection() {
        Map<CollectionFinished.Result, String> words = new EnumMap<>(CollectionFinished.Result.class);
        words.put(CollectionFinished.Result.COMPLETED, "completed");
        words.put(CollectionFinished.Result.NOT_APPROVED_YET, "not approved");
        words.put(CollectionFinished.Result.INFO_REQUIRED, "info_required");
        words.put(CollectionFinished.Result.ERROR, "error");
        words.put(CollectionFinished.Result.INTERRUPTED, "interrupted");
        words.put(CollectionFinished.Result.ABANDONED, "taken over");
        words.put(CollectionFinished.Result.VANISHED, "vanished");
        words.put(CollectionFinished.Result.UNAVAILABLE, "Redis lost");
        String help = String.join(" ", Main.commandLine().getSubcommands().get("collect").getCommandSpec()
                .usageMessage().description());
        String codes = help.substring(help.indexOf("exit status (") + "exit status (".length(), help.lastIndexOf(')'));
        for (CollectionFinished.Result result : CollectionFinished.Result.values()) {
            String said = Arrays.stream(codes.split("; ")).filter(part -> part.contains(words.get(result)))
                    .findFirst().orElseThrow(() -> new AssertionError(result + " is not in: " + codes));
            assertTrue(said.startsWith(ExitCode.of(result).code() + " "), result + ": " + said);
        }
    }
}
