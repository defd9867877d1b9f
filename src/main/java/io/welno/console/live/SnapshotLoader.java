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
 * one SCAN loop per primary, and while it goes on, chunks of keys are read and parsed by a small pool. Each chunk gets
 * its sequence number just before it is read and is handed to the dispatcher as soon as it is parsed, so the first
 * sessions arrive long before the scan ends.
 */
final class SnapshotLoader {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotLoader.class);

    private final ParallelScan scan;
    private final AtomicLong sequence;
    private final Consumer<ScanRun.Item> output;

    SnapshotLoader(ExecutorService scanPool, ExecutorService fetchPool, FeedOptions options, AtomicLong sequence,
                   Consumer<ScanRun.Item> output) {
        this.scan = new ParallelScan(scanPool, fetchPool, options.scanCount(), options.fetchChunk());
        this.sequence = sequence;
        this.output = output;
    }

    void start(ScanRun run, List<NodeReader> nodes) {
        List<SessionReader> servers = nodes.stream().map(NodeReader::reader).toList();
        run.started(scan.start(servers, new ParallelScan.Handler() {
            @Override
            public void read(int server, List<String> keys) {
                if (run.cancelled()) {
                    return;
                }
                run.keysFound().addAndGet(keys.size());
                long seq = sequence.incrementAndGet();
                NodeReader.Result result = nodes.get(server).read(keys, run.fingerprints());
                if (!run.cancelled()) {
                    output.accept(new ScanRun.Chunk(run, seq, result.present()));
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
