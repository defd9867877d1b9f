package io.welno.console.store;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Runs a {@link ParallelScan} pass and hands its batches to the calling thread as they are parsed. The queue between
 * them is short, so a slow consumer (a command printing to a pipe) holds up the readers instead of piling sessions
 * up in memory.
 */
final class StreamedScan {

    private static final Object END = new Object();

    private record Failure(Throwable cause) {
    }

    private final ParallelScan scan;
    private final List<SessionReader> servers;
    private final int capacity;

    StreamedScan(ParallelScan scan, List<SessionReader> servers, int capacity) {
        this.scan = scan;
        this.servers = servers;
        this.capacity = capacity;
    }

    /** @return the number of sessions handed to {@code sink} */
    long drainInto(Consumer<List<StoredSession>> sink) {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(capacity);
        ParallelScan.Pass pass = scan.start(servers, new ParallelScan.Handler<SessionReader.Fetched>() {
            @Override
            public SessionReader.Fetched fetch(int server, List<String> keys) {
                return servers.get(server).fetch(keys);
            }

            @Override
            public void parse(int server, SessionReader.Fetched fetched) throws InterruptedException {
                List<StoredSession> present = servers.get(server).parse(fetched).present();
                if (!present.isEmpty()) {
                    queue.put(present);
                }
            }

            @Override
            public void done() {
                putQuietly(queue, END);
            }

            @Override
            public void failed(Throwable cause) {
                putQuietly(queue, new Failure(cause));
            }
        });
        long delivered = 0;
        try {
            while (true) {
                Object next = queue.take();
                if (next == END) {
                    return delivered;
                }
                if (next instanceof Failure failure) {
                    throw failure.cause() instanceof RuntimeException e ? e
                            : new IllegalStateException(failure.cause().getMessage(), failure.cause());
                }
                @SuppressWarnings("unchecked")
                List<StoredSession> batch = (List<StoredSession>) next;
                sink.accept(batch);
                delivered += batch.size();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listing sessions", e);
        } finally {
            pass.cancel(); // a no-op after the end; after a failure of the sink, the readers stop
        }
    }

    private static void putQuietly(BlockingQueue<Object> queue, Object item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
