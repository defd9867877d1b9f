package io.welno.console.bench;

import java.nio.file.Path;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one bench run does.
 *
 * @param sessions      N backend-shaped sessions
 * @param noise         M unrelated keys beside them
 * @param redisUrl      an existing Redis (its database must be empty), or null to start one
 * @param rounds        measured P1 rounds after one warm-up round
 * @param rates         P2 write rates per second
 * @param rateSeconds   how long each P2 rate is held
 * @param writers       P3 writer threads
 * @param updatesEach   P3 updates per writer
 * @param hotKeys       P3 hot keys the writers share
 * @param churnMinutes  P4 churn duration
 * @param churnRate     P4 backend writes per second during the churn
 * @param startup       what P5 starts, or null to skip P5
 * @param frames        whether to measure P2 FX (the console window's FX thread per frame; needs a display)
 * @param report        where the Markdown report goes, or null
 * @param commandLine   how the bench was started, for the report
 * @param notes         lines for the report's notes (e.g. the commit measured)
 * @param only          the parts to run ({@link #PARTS}); empty for all of them
 */
public record BenchSettings(int sessions, int noise, String redisUrl, int rounds, int[] rates, int rateSeconds, int writers,
                     int updatesEach, int hotKeys, double churnMinutes, int churnRate, StartupTarget startup, boolean frames,
                     Path report, String commandLine, List<String> notes, Set<String> only) {

    /** The parts a run can be limited to with {@code --only}. */
    public static final List<String> PARTS = List.of("p1", "cli", "fx", "p2", "p3", "p4", "p5");

    public BenchSettings {
        only = Set.copyOf(only);
        for (String part : only) {
            if (!PARTS.contains(part)) {
                throw new IllegalArgumentException("unknown bench part " + part + "; known: " + String.join(",", PARTS));
            }
        }
    }

    /** Whether this run measures the given part of {@link #PARTS}. */
    boolean includes(String part) {
        return only.isEmpty() || only.contains(part);
    }

    Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("command", "`" + commandLine + "`");
        m.put("sessions (N)", String.format(Locale.ROOT, "%,d", sessions));
        m.put("unrelated keys (M)", String.format(Locale.ROOT, "%,d", noise));
        m.put("Redis", redisUrl == null ? "started by the bench (embedded-redis binary or redis-server on PATH), "
                + "no persistence, no maxmemory" : "given with --redis (empty database)");
        m.put("P1 rounds", "1 warm-up (reported as cold) + " + rounds + " measured; median reported");
        StringBuilder r = new StringBuilder();
        for (int rate : rates) {
            r.append(r.length() == 0 ? "" : ", ").append(rate).append("/s");
        }
        m.put("P2 rates", r + ", " + rateSeconds + " s each");
        m.put("P3 load", writers + " writers × " + updatesEach + " updates over " + hotKeys + " hot keys");
        m.put("P3 bulk", BulkResetBench.describe());
        m.put("P4 churn", churnMinutes + " min at " + churnRate + " backend writes/s");
        m.put("P2 FX", frames && includes("fx") ? "the console window on the N sessions, 1000 writes/s, 5 s warm-up + "
                + rateSeconds + " s measured, on a display" : "skipped");
        if (!only.isEmpty()) {
            m.put("parts", String.join(", ", PARTS.stream().filter(only::contains).toList()) + " only (--only)");
        }
        m.put("P5", startup == null ? "skipped" : "`" + startup.describe() + " --smoke-test` under Xvfb");
        return m;
    }

    static final String METHOD = """
            ## How each figure is measured

            - **The bench's JVM.** The window's loader (P1), its feed (P2) and its rows (P4) are measured in a JVM with
              the console's memory options (`@CONSOLE_OPTIONS@`, packaging/jpackage/app.txt, as the app image starts
              the window): the bench starts itself again with them (`--jvm-option OPT` adds one, e.g. to try a
              collector setting; `--this-jvm` measures in the JVM as started). With the JVM's defaults (a quarter of
              the memory as heap, here 6 GB) the collector let seconds of surviving rows pile up and copied them in
              single young pauses of 100–500 ms, which the window never sees.
            - **Seeding.** N sessions from 200 templates built like the backend's documents
              (`json.dumps(indent=2)` layout, Korean names, naive timestamps): 70 % early in the flow (about 1.5 KB),
              20 % authenticated (about 3 KB), 10 % completed with health checkups and prescriptions (6–40 KB); each
              session has its own id. Pipelined `SET … EX 21600` (6 h, so nothing expires during the run), then M
              unrelated small string keys (`bench_noise:*`).
            - **P1.** *floor*: one plain `RedisClient`, `SCAN MATCH tilko_session:* COUNT 1000` to the end, then `MGET`
              in chunks of 500, values only counted, nothing parsed. *list*: a new `RedisSessionFeed` with the default
              `FeedOptions` from `start()` until the batch with `snapshotComplete` has been delivered, having delivered
              exactly N parsed sessions; *first batch* is the time to the first non-empty batch. One warm-up round
              (reported as `P1 cold`), then the measured rounds alternate floor and feed; the medians and their ratio
              are reported (budget: ratio ≤ 0.9, first rows < 300 ms), and `rounds_ms` and `floors_ms` give every
              measured round's feed and floor in order, the spread behind the medians. `redis_cpu_ms` and
              `floor_redis_cpu_ms`: the CPU time Redis spent on a feed's pass and on a floor's (INFO cpu, medians): the
              server's own share of the two cores, which overlapping cannot hide. `jvm_cpu_ms`: the CPU time of the
              bench's JVM during a feed's pass (every thread, the collector's and the compiler's too; median), the
              client's share; `jit_ms`: the time the JIT compiler spent during it (median), which is still more than
              nothing in the first measured rounds.
            - **P1-CLI.** `list --json --redis URL` as a process of its own (JVM start included, output to a file whose
              lines are counted) against the floor started the same way: `java -cp welno-console.jar
              io.welno.console.bench.PlainListing URL`, a plain `Jedis` that SCANs (COUNT 1000) and MGETs in chunks of
              500, parsing nothing, with the JVM's default options. The listing is started as users start it: with
              `--launcher`, the app image's `bin/welno-console` (which gives a command the quick compiler, the serial
              collector and its class-data sharing archive, made by the warm-up round if it was not there yet:
              packaging/README.md), and `java -jar welno-console.jar` beside it as a reference (*jar*); without,
              `java -jar` alone. One warm-up round, then `rounds` rounds, the commands alternating; the medians and
              their ratios are reported (budget: ratio ≤ 1.5); *cds*: whether the launcher's runtime has its
              class-data archive (as for P5), since one without it starts every command slower too.
            - **P2.** One feed is started on the N sessions, its consumer turns every change into the UI's `SessionRow`
              and keeps them in a map (the view model's work, without a window). A separate connection writes existing
              sessions (round robin, so at most one write per key per pass) at a fixed rate with pipelined `SET … EX`,
              each document carrying `System.nanoTime()` of the moment it was sent; the consumer computes
              delivery latency when the change reaches it. Latencies of every delivered stamp are sorted for
              p50/p99/max. Writes that were coalesced away by a newer write of the same key are not delivered by
              design and are counted as `coalesced`. After the writer stops, the bench waits (up to 60 s) until the
              last write of every key it wrote has reached the consumer: `caught_up`, `drain_ms`. The feed's push
              backlog (`FeedStats.pendingKeys`) is sampled every 100 ms (`backlog_max`); `backlog_growing=yes` when
              the mean of the last third of those samples exceeds twice that of the first third plus 100 keys, when
              the median latency of the last third of the deliveries exceeds twice that of the first third plus
              50 ms, or when the consumer did not catch up.
              `batch_max_ms` is the longest the consumer spent on one batch (building rows). `feed_cpu_us_per_write`:
              CPU time of the feed's threads (the consumer's included: it runs on one of the feed's listener threads) per write, from the
              start of the writes until the consumer caught up; `gc_pauses`, `gc_ms`: the collector's pauses and their
              total in the same time. These two say where the time went when the machine is shared.
            - **P3.** `writers` threads share `hotKeys` sessions and each does `updatesEach` increments of a counter
              field. *atomic*: `RedisSessionStore.update` (read → mutate → Lua compare-and-set, retried); *blind*: the
              backend's way (`BackendStyleWriter`: GET → parse → change → `SETEX`); *set*: plain `SET` of the same
              document, the throughput reference. Lost updates = increments reported as done minus the counters' sum.
              Every client uses the console's pool settings (16 connections).
            - **P3 bulk.** 1,000 stuck collections (`fetching_health_data`, `collection_started`, no progress for 30
              minutes) are reset by one `BulkRun`, wired as `reset --bucket stuck` wires it: four workers, each session
              its own read → guard → Lua compare-and-set, audit entry and read-back, then a 10 s hold watched every
              500 ms. From 0.5 s before the run until every hold has ended, a backend-style writer (blind GET → change →
              `SETEX`, one connection, 500 writes/s at random among the same 1,000 sessions) writes what the browser's
              status polling writes: a fresh `updated_at`, no progress, and a count of its own writes in the document.
              *ms*: run start → every session has its result (applied or refused; the holds go on after it, `held_ms`).
              *lost*: backend writes missing from the final documents (a console write over a copy it had not read),
              plus resets reported kept whose message is not in the final document; *double_applied*: sessions whose
              final document carries the reset's message more than once. Reference: 1,000 plain `SET`s of the same
              documents on four threads (`set_ms`, `vs_set`).
            - **P4.** Heap used after `System.gc()` (`MemoryMXBean`), minus the heap before the feed started, with the N
              sessions held as `SessionRow`s; then the churn: backend-style writes at `churnRate`/s (60 % rewrites with
              a new message, 20 % deletes, 20 % new sessions, so N stays about constant) for `churnMinutes`, heap after
              GC sampled every minute; the last sample and the spread are reported.
            - **P2 FX.** The console window (`ConsoleWindow`, English, light theme) in a JVM of its own (the console's
              options too) on the `DISPLAY` given (e.g. `xvfb-run java -jar …`), else on a private Xvfb the bench
              starts, else skipped ("no display"), connected to the bench's Redis; once its table holds the N sessions
              the bench writes existing sessions at 1,000/s, each with a fresh `updated_at` (so every write moves its
              row to the top of the default order and the visible page changes in each frame that applies a batch): 5 s
              warm-up, then the P2 rate time measured with the window's `PulseProbe`, per frame from the animation
              phase (feed batches applied) to the end of CSS and layout: the FX thread's CPU time (`cpu_*`; budget:
              p99 < 16 ms) and the elapsed time (`elapsed_*`, which also counts waits for a core held by the renderer,
              Redis or the writer). `work_*` is the console's own part of each frame's CPU (the batch applied, the
              once-a-second work), the rest being JavaFX's CSS and layout; `cpu_max_work_ms` is that part of the
              frame with the most CPU.
              *FX-search*: then, with every session loaded, FX-thread CPU of a search that narrows to one session,
              typing one more character, clearing the search and reversing the sort order (median of 5 after 2).
            - **P5.** `java -jar welno-console.jar --smoke-test`, or with `--launcher` the app image's own launcher
              (`bin/welno-console --smoke-test`, as the budget says), is spawned three times (under the `DISPLAY`
              given, else on a private Xvfb display the bench starts) with `-Djavafx.pulseLogger=true
              -Djavafx.pulseLogger.threshold=0` (for the launcher through `JAVA_TOOL_OPTIONS`):
              *first_frame_ms* is process start → the first JavaFX pulse that painted (the window is on screen),
              median of the three. With a launcher, one start before them is not counted
              (`uncounted_first_start_ms`): the launcher makes the user's class-data sharing archive at the first
              start of the window and uses it from the second on (packaging/README.md); *cds* says whether the
              launcher's runtime has the class-data archive its packaging makes (`yes`, `no`: built without a display
              and without xvfb-run, or with `-Dinstaller.cds=false`; `-` for the jar or a layout it does not know);
              *rows_ms* is process start → "Smoke test passed" (the demo's Redis has started, its sessions have been
              seeded and the first rows were rendered).

            ## Reproduce

            ```
            mvn -Pbench package            # builds the jar, skips the tests, runs the bench with -Dbench.args
            # or, with a built jar:
            java -jar target/welno-console.jar bench --sessions 100000 --noise 1000000 --churn-minutes 10
            java -jar target/welno-console.jar bench --sessions 20000 --noise 100000 --churn-minutes 1   # quick
            # the documented run: P1-CLI and P5 as installed, with the app image's launcher
            mvn -Pinstaller -DskipTests -Dinstaller.types=app-image package
            java -jar target/welno-console.jar bench --launcher target/installer/welno-console/bin/welno-console
            ```

            `--only p1,cli,fx,p2,p3,p4,p5` runs only those parts (P4's loaded heap is measured with P2 too).
            `--redis URL` benchmarks an existing server instead (its database must be empty: the bench writes N+M keys
            and removes them with `FLUSHDB` at the end). `--report FILE` chooses where this file goes (`-` for none);
            `--skip-startup` leaves out P5, `--skip-fx` P2 FX; `--note TEXT` adds a line to the notes (e.g. the commit measured). Run it on
            an otherwise idle machine: the feed, the writers and Redis share the CPUs. The bench rewrites this file
            down to the *Findings* heading; everything from there on is written by people and kept by every run.
            """.replace("@CONSOLE_OPTIONS@", String.join(" ", ConsoleJvmOptions.OPTIONS)); // one list, never retyped
}
