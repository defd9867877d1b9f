package io.welno.console.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A loopback relay in front of a Redis server that can split one pipeline in two: armed with a command name, it
 * passes a client's bytes up to the first such command, waits for Redis to answer what came before, runs a hook (the
 * write of another client) and only then passes the rest. So a test makes Redis execute another client's command
 * between two commands of one pipeline every time, as happens by chance when a pipeline reaches Redis in several
 * reads (docs/live.md, "Reading").
 */
public final class PipelineGate implements AutoCloseable {

    private final ServerSocket listener;
    private final int redisPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicReference<Runnable> hook = new AtomicReference<>();
    private volatile byte[] marker;
    private volatile int opened;

    public PipelineGate(int redisPort) throws IOException {
        this.redisPort = redisPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "pipeline-gate");
        accept.setDaemon(true);
        accept.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** The next pipeline holding {@code command} is split before it, and {@code between} runs in the gap; once. */
    public void splitBefore(String command, Runnable between) {
        String upper = command.toUpperCase(java.util.Locale.ROOT);
        marker = ("$" + upper.length() + "\r\n" + upper + "\r\n").getBytes(StandardCharsets.US_ASCII);
        hook.set(between);
    }

    /** Whether an armed split happened. */
    public boolean split() {
        return hook.get() == null && opened > 0;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), redisPort);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(server);
                AtomicLong answered = new AtomicLong();
                relay(server.getInputStream(), client.getOutputStream(), answered, null);
                relay(client.getInputStream(), server.getOutputStream(), null, answered);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void relay(InputStream in, OutputStream out, AtomicLong counted, AtomicLong answers) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[1 << 16];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    if (counted != null) {
                        counted.addAndGet(n);
                    }
                    int at = answers == null ? -1 : find(buffer, n);
                    Runnable between = at < 0 ? null : hook.getAndSet(null);
                    if (between == null) {
                        out.write(buffer, 0, n);
                        out.flush();
                        continue;
                    }
                    // back to the '*' that starts the command's array header
                    int start = at;
                    while (start > 0 && buffer[start] != '*') {
                        start--;
                    }
                    long before = answers.get();
                    out.write(buffer, 0, start);
                    out.flush();
                    while (answers.get() == before) {
                        Thread.onSpinWait(); // Redis answers what came before the split before it reads more
                    }
                    between.run();
                    opened++;
                    out.write(buffer, start, n - start);
                    out.flush();
                }
            } catch (IOException e) {
                // a side closed: the relay ends
            }
        }, "pipeline-gate-relay");
        t.setDaemon(true);
        t.start();
    }

    private int find(byte[] buffer, int length) {
        byte[] wanted = marker;
        if (wanted == null) {
            return -1;
        }
        outer:
        for (int i = 0; i + wanted.length <= length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (buffer[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
