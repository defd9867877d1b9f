package io.welno.console.live;

import io.welno.console.store.ParallelScan;
import io.welno.console.store.SessionReader;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link ScanRun} on the store's {@link ParallelScan} (the loader the command line's {@code list} uses too):
 * one SCAN loop per primary, and while it goes on, chunks of keys are read by two readers and parsed by two parsers.
 * Each chunk gets its sequence number just before it is read and is handed to the dispatcher as soon as it is parsed,
 * so the first sessions arrive long before the scan ends.
 */
final class SnapshotLoader {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotLoader.class);

    private final ParallelScan scan;
    private final AtomicLong sequence;
    private final Consumer<ScanRun.Item> output;

    SnapshotLoader(ExecutorService scanPool, ExecutorService fetchPool, ExecutorService parsePool, FeedOptions options,
                   AtomicLong sequence, Consumer<ScanRun.Item> output) {
        this.scan = new ParallelScan(scanPool, fetchPool, parsePool, options.scanCount(), options.fetchChunk());
        this.sequence = sequence;
        this.output = output;
    }

    /** A chunk as read, with the sequence number it got before the read. */
    private record Fetched(long seq, SessionReader.Fetched read) {
    }

    void start(ScanRun run, List<NodeReader> nodes) {
        List<SessionReader> servers = nodes.stream().map(NodeReader::reader).toList();
        run.started(scan.start(servers, new ParallelScan.Handler<Fetched>() {
            @Override
            public Fetched fetch(int server, List<String> keys) {
                run.keysFound().addAndGet(keys.size());
                // Numbered before the read: a push read of the same key sent later must win over this one.
                long seq = sequence.incrementAndGet();
                return new Fetched(seq, servers.get(server).fetch(keys));
            }

            @Override
            public void parse(int server, Fetched fetched) {
                NodeReader.Result result = nodes.get(server).parse(fetched.read(), run.fingerprints());
                if (!run.cancelled()) {
                    output.accept(new ScanRun.Chunk(run, fetched.seq(), result.present()));
                }
            }

            @Override
            public void done() {
                LOG.debug("{}: read and parsed {} keys in {} ms", run, run.keysFound().get(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - run.startedNanos()));
                output.accept(new ScanRun.Done(run));
            }

            @Override
            public void failed(Throwable cause) {
                output.accept(new ScanRun.Failed(run, cause));
            }
        }));
    }
}
