package io.welno.console.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one run: each is printed at once as one stable line ({@code P1 list ms=2103 floor_ms=1980 ...}:
 * the budget id, a label, then space-separated {@code key=value} pairs, no spaces inside values) and kept for the
 * Markdown report.
 */
final class BenchReport {

    /** One printed figure. */
    record Figure(String budget, String label, Map<String, String> values, String verdict) {
        String line() {
            StringBuilder out = new StringBuilder(budget).append(' ').append(label);
            values.forEach((k, v) -> out.append(' ').append(k).append('=').append(v));
            return out.toString();
        }
    }

    private final PrintStream out;
    private final List<Figure> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    BenchReport(PrintStream out) {
        this.out = out;
    }

    /** Pairs: key, value, key, value, ...; the verdict (budget met or not) goes to the Markdown table only. */
    Figure figure(String budget, String label, String verdict, Object... keyValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            values.put(String.valueOf(keyValues[i]), format(keyValues[i + 1]));
        }
        Figure figure = new Figure(budget, label, values, verdict);
        figures.add(figure);
        out.println(figure.line());
        out.flush();
        return figure;
    }

    /** A progress or context line, prefixed with '#' so parsers can skip it. */
    void info(String text) {
        out.println("# " + text);
        out.flush();
    }

    void note(String text) {
        notes.add(text);
    }

    List<Figure> figures() {
        return figures;
    }

    List<String> notes() {
        return notes;
    }

    /** The heading of the hand-written part of the report, which every run keeps as it is. */
    static final String KEPT_HEADING = "## Findings";

    /** The existing file's hand-written part (from {@link #KEPT_HEADING} to the end), or "". */
    static String keptSection(Path file) {
        try {
            if (!Files.exists(file)) {
                return "";
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int at = text.indexOf("\n" + KEPT_HEADING);
            return at < 0 ? "" : "\n" + text.substring(at + 1);
        } catch (IOException e) {
            return "";
        }
    }

    static String format(Object value) {
        if (value instanceof Double d) {
            return String.format(Locale.ROOT, d >= 100 ? "%.0f" : d >= 10 ? "%.1f" : "%.2f", d);
        }
        if (value instanceof Float f) {
            return format(f.doubleValue());
        }
        if (value instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        return String.valueOf(value).replace(' ', '_');
    }

    void writeMarkdown(Path file, BenchEnvironment env, BenchSettings settings) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks (budgets P1–P5 of docs/architecture.md)\n\n");
        md.append("Written by `welno-console bench` at the end of its run; this file holds the latest documented run. ")
                .append("Every figure below was measured in that one run, on the machine described under *Machine*.\n\n");
        md.append("## Results\n\n");
        md.append("| budget | figure | result | budget / verdict |\n|---|---|---|---|\n");
        for (Figure f : figures) {
            StringBuilder values = new StringBuilder();
            f.values().forEach((k, v) -> values.append(values.length() == 0 ? "" : ", ").append(k).append('=').append(v));
            md.append("| ").append(f.budget()).append(" | ").append(f.label()).append(" | ").append(values)
                    .append(" | ").append(f.verdict() == null ? "" : f.verdict()).append(" |\n");
        }
        md.append("\nThe same figures as printed (one line each; `grep '^P[1-5] '` picks them out):\n\n```\n");
        for (Figure f : figures) {
            md.append(f.line()).append('\n');
        }
        md.append("```\n\n");
        if (!notes.isEmpty()) {
            md.append("## Notes on this run\n\n");
            for (String note : notes) {
                md.append("- ").append(note).append('\n');
            }
            md.append('\n');
        }
        md.append("## Machine\n\n");
        env.facts().forEach((k, v) -> md.append("- **").append(k).append("**: ").append(v).append('\n'));
        md.append("\n## Settings\n\n");
        settings.describe().forEach((k, v) -> md.append("- **").append(k).append("**: ").append(v).append('\n'));
        md.append('\n').append(BenchSettings.METHOD);
        md.append(keptSection(file));
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
    }
}
