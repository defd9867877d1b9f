package io.welno.console.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Facts about the machine and software of a run, for the report. */
final class BenchEnvironment {

    private final Map<String, String> facts = new LinkedHashMap<>();

    BenchEnvironment(String redisVersion, String redisExecutable) {
        facts.put("date", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        facts.put("nproc", String.valueOf(Runtime.getRuntime().availableProcessors()));
        facts.put("memory (free -g)", memory());
        facts.put("cpu", cpuModel());
        facts.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        facts.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        facts.put("bench JVM max heap", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() / (1 << 20)
                + " MB; GC " + gcNames());
        facts.put("load average at the start", loadAverage());
        facts.put("redis", redisVersion + (redisExecutable == null ? "" : " (" + redisExecutable + ")"));
    }

    Map<String, String> facts() {
        return facts;
    }

    /** The "Mem:" line of {@code free -g}: total, used, free, shared, buff/cache, available (GiB). */
    private static String memory() {
        String text = command(List.of("free", "-g"));
        for (String line : text.split("\n")) {
            if (line.startsWith("Mem:")) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 7) {
                    return "total " + f[1] + " GiB, used " + f[2] + ", free " + f[3] + ", available " + f[6]
                            + " (at the start of the run)";
                }
            }
        }
        return text;
    }

    /** 1/5/15-minute load averages: other work on the machine skews every figure. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    void finished() {
        facts.put("load average at the end", loadAverage());
    }

    /** A warning when other work shared the machine: then every figure is pessimistic. */
    java.util.Optional<String> busyNote() {
        double worst = 0;
        for (String key : List.of("load average at the start", "load average at the end")) {
            try {
                worst = Math.max(worst, Double.parseDouble(facts.getOrDefault(key, "0").split(" ")[0]));
            } catch (NumberFormatException e) {
                // unknown
            }
        }
        int cpus = Runtime.getRuntime().availableProcessors();
        return worst > cpus + 1 ? java.util.Optional.of(String.format(java.util.Locale.ROOT, "The machine was busy "
                + "with other work (1-minute load average up to %.1f on %d CPUs, the bench itself accounting for "
                + "about 2): every figure is pessimistic; compare ratios (P1 list/floor, P3 atomic/set) rather than "
                + "absolute times.", worst, cpus)) : java.util.Optional.empty();
    }

    private static String gcNames() {
        StringBuilder out = new StringBuilder();
        ManagementFactory.getGarbageCollectorMXBeans().forEach(gc -> out.append(out.length() == 0 ? "" : ", ")
                .append(gc.getName()));
        return out.toString();
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux.
        }
        return System.getProperty("os.arch");
    }

    static String command(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor(5, TimeUnit.SECONDS);
            return text;
        } catch (IOException | RuntimeException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
