package io.welno.console.cli;

import io.welno.console.text.FileWords;
import io.welno.console.view.Wording;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import picocli.CommandLine.Option;

/** How an action command picks more than one session, and whether it only shows what it would do. */
final class BulkOptions {

    @Option(names = "--ids-from", paramLabel = "FILE",
            description = "Also act on the session ids in FILE, one per line ('-' reads them from standard input)")
    String idsFrom;

    @Option(names = "--bucket", paramLabel = "BUCKET", converter = Inputs.Bucket.class,
            description = "Also act on every session in a bucket: 'stuck' (as the window's Stuck bucket, with "
                    + "--stuck-after for collections; for reset, stuck collections only), or a status such as "
                    + "auth_request_sent")
    String bucket;

    @Option(names = "--dry-run",
            description = "Only show, for each session, what the action would change or why it would be refused")
    boolean dryRun;

    /** More than one session, a bucket or a file: the command runs as one batch. */
    boolean isBulk(List<String> ids) {
        return ids.size() > 1 || idsFrom != null || bucket != null || dryRun;
    }

    /** The ids given as arguments and in {@code --ids-from}, each once, in order. */
    List<String> listedIds(List<String> arguments) {
        LinkedHashSet<String> out = new LinkedHashSet<>(arguments);
        if (idsFrom != null) {
            try {
                List<String> lines = idsFrom.equals("-")
                        ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()
                        : Files.readAllLines(Path.of(idsFrom), StandardCharsets.UTF_8);
                for (String line : lines) {
                    String id = line.strip();
                    if (!id.isEmpty() && !id.startsWith("#")) {
                        out.add(id);
                    }
                }
            } catch (java.io.IOException e) {
                // the file's own words (missing, no permission, a folder), not the JVM's path-only message
                throw new IllegalArgumentException("Cannot read the ids of --ids-from: "
                        + Wording.cli().clause(FileWords.of(e, Path.of(idsFrom))), e);
            }
        }
        return new ArrayList<>(out);
    }
}
