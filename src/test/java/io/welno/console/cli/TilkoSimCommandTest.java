package io.welno.console.cli;

import io.welno.console.testing.Await;
import io.welno.console.testing.CliRun;
import io.welno.console.tilko.Checkup;
import io.welno.console.tilko.SimpleAuthTicket;
import io.welno.console.tilko.TilkoClassification;
import io.welno.console.tilko.TilkoClient;
import io.welno.console.tilko.TilkoConfig;
import io.welno.console.tilko.TilkoCredentials;
import io.welno.console.tilko.TilkoPerson;
import io.welno.console.tilko.TilkoResult;
import io.welno.console.cli.TilkoSimCommand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

class TilkoSimCommandTest {

    @Test
    @Timeout(300)
    void runsTheSimulatorUntilInterruptedAndAcceptsOnlyTheGivenKey() throws Exception {
        TilkoSimCommand command = new TilkoSimCommand();
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread runner = new Thread(() -> exit.complete(cli.execute("--port", "0", "--approval-delay", "manual",
                "--api-key", "cli-key", "--failure", "EMPTY_HISTORY")), "tilko-sim-command-test");
        runner.start();

        String baseUrl = command.awaitStarted(60, TimeUnit.SECONDS);
        assertNotNull(baseUrl, "started; output so far: " + out);
        assertTrue(baseUrl.startsWith("http://127.0.0.1:"), baseUrl);
        assertTrue(out.toString().contains("Tilko simulator listening on " + baseUrl), out.toString());
        assertFalse(out.toString().contains("cli-key"), "the accepted key is not printed");

        TilkoPerson person = new TilkoPerson("최가상", "20000229", "01000000004");
        try (TilkoClient good = new TilkoClient(TilkoConfig.builder().baseUrl(baseUrl).apiKey("cli-key")
                .timeouts(Await.EVENTUALLY).build());
             TilkoClient bad = new TilkoClient(TilkoConfig.builder().baseUrl(baseUrl).apiKey("other")
                .timeouts(Await.EVENTUALLY).build())) {
            TilkoResult<SimpleAuthTicket> auth = good.simpleAuth(person, "6");
            assertTrue(auth.isSuccess(), auth.describe());
            TilkoCredentials creds = auth.payload().orElseThrow().credentials();
            assertEquals(TilkoClassification.NOT_APPROVED_YET, good.healthCheckups(creds, person).classification(),
                    "--approval-delay manual");
            assertEquals(TilkoClassification.ERROR, bad.simpleAuth(person, "6").classification(), "--api-key");

            okhttp3.OkHttpClient http = new okhttp3.OkHttpClient();
            try (okhttp3.Response r = http.newCall(new okhttp3.Request.Builder().url(baseUrl + "/_sim/approve")
                    .post(okhttp3.RequestBody.create(new byte[0])).build()).execute()) {
                assertEquals("{\"approved\":1}", r.body().string());
            }
            TilkoResult<java.util.List<Checkup>> checkups = good.healthCheckups(creds, person);
            assertTrue(checkups.isSuccess(), checkups.describe());
            assertTrue(checkups.payload().orElseThrow().isEmpty(), "--failure EMPTY_HISTORY");
        }

        runner.interrupt();
        assertEquals(0, exit.get(60, TimeUnit.SECONDS));
        URI uri = URI.create(baseUrl);
        try (Socket s = new Socket(uri.getHost(), uri.getPort())) {
            throw new AssertionError("still listening after the command returned");
        } catch (ConnectException expected) {
            // closed
        }
    }

    @Test
    void rejectsABadDuration() {
        CommandLine cli = new CommandLine(new TilkoSimCommand());
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        assertEquals(2, cli.execute("--port", "0", "--approval-delay", "soon"), "picocli's usage-error code");
        assertTrue(err.toString().contains("not a duration"), err.toString());
    }

    @Test
    void helpDescribesTheOptions() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new TilkoSimCommand());
        cli.setOut(new PrintWriter(out, true));
        assertEquals(0, cli.execute("--help"));
        for (String option : new String[] {"--port", "--approval-delay", "--api-key", "--failure"}) {
            assertTrue(out.toString().contains(option), option);
        }
    }

    /** This command talks to no Redis: a taken port is said as the port's, for another --port. */
    @Test
    void aTakenPortIsSaidAsSuchNotAsRedis() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            CliRun run = CliRun.of("tilko-sim", "--port",
                    String.valueOf(taken.getLocalPort()));
            assertEquals(2, run.exit(), run.all());
            assertTrue(run.err().contains("port " + taken.getLocalPort() + " is taken by another program"), run.err());
            assertFalse(run.all().contains("Redis"), run.all());
        }
    }
}
