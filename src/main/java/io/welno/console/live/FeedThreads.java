package io.welno.console.live;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every thread of one {@link RedisSessionFeed}, made by the factory it was given (tests count them), named for its
 * job and marked daemon, and remembered so that closing the feed can wait until they have really ended.
 */
final class FeedThreads {

    private final ThreadFactory base;
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    FeedThreads(ThreadFactory base) {
        this.base = base;
    }

    /** A factory of threads called {@code name-1}, {@code name-2}, …, all remembered. */
    ThreadFactory named(String name) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = base.newThread(runnable);
            thread.setName(name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            threads.removeIf(t -> t.getState() == Thread.State.TERMINATED);
            threads.add(thread);
            return thread;
        };
    }

    /** The control thread: connect, reconnect, watchdog, topology. */
    ScheduledThreadPoolExecutor control() {
        ScheduledThreadPoolExecutor control = new ScheduledThreadPoolExecutor(1, named("welno-feed-control"));
        control.setRemoveOnCancelPolicy(true);
        return control;
    }

    /** One scan thread per primary while a pass runs, none when idle. */
    ThreadPoolExecutor scans() {
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                named("welno-feed-scan"));
    }

    /** {@code size} threads of a kind that end when idle for 30 s. */
    ThreadPoolExecutor pool(String name, int size) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), named(name));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** Stops the pools at once and waits a little for each. */
    static void shutDown(ExecutorService... pools) {
        for (ExecutorService pool : pools) {
            pool.shutdownNow();
        }
        for (ExecutorService pool : pools) {
            try {
                pool.awaitTermination(3, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits up to {@code timeoutMillis} in all for every remembered thread but the caller's to end. */
    void join(long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        for (Thread thread : threads) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (thread != Thread.currentThread() && left > 0) {
                try {
                    thread.join(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
