package io.welno.console.live;

import io.welno.console.store.KeyNames;
import io.welno.console.store.RedisConnectionSettings;
import io.welno.console.store.RedisConnections;
import io.welno.console.store.SessionReader;
import io.welno.console.text.LogWords;
import io.welno.console.text.Phrase;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.BinaryJedisPubSub;
import redis.clients.jedis.Jedis;

/**
 * {@code PSUBSCRIBE __keyspace@{db}__:{prefix}*} on one server, on a dedicated non-pooled RESP2 {@link Jedis} and
 * its own thread (a subscribed connection handed back to a pool poisons the commands that borrow it next, and on
 * RESP3 a PING's answer races the pushed events). Handlers only hand the event on and never let anything escape.
 * A watchdog PING detects a silently dead link; {@link #stop()} unsubscribes and falls back to closing the socket.
 * Channels arrive as bytes and the key in them is named by {@link KeyNames}, as the reader names what SCAN lists: a
 * key whose name is not UTF-8, decoded as text, named another key, so its deletion never reached its row.
 * One instance serves one connection attempt: the feed creates a new one after every reconnect.
 */
final class KeyspaceSubscriber {

    private static final Logger LOG = LoggerFactory.getLogger(KeyspaceSubscriber.class);

    interface Events {
        void onEvent(int node, String key, String event);

        void onSubscribed(int node);

        void onPong(int node, long rttMillis);

        /** The subscription ended without {@link #stop()} being called. */
        void onFailure(int node, Throwable cause);
    }

    private final int node;
    private final RedisConnectionSettings settings;
    private final String pattern;
    private final int channelPrefixLength;
    private final KeyNames keyNames;
    private final Events events;
    private final LogWords words;
    private final Thread thread;
    private final PubSub pubSub = new PubSub();
    private volatile Jedis jedis;
    private volatile boolean stopping;
    private volatile long pingSentNanos;
    /** Set when the watchdog closed the socket, so the failure says why rather than "connection closed". */
    private volatile Phrase watchdogReason;

    KeyspaceSubscriber(int node, RedisConnectionSettings nodeSettings, ThreadFactory threads, Events events,
                       LogWords words) {
        this.node = node;
        this.settings = nodeSettings;
        String channelPrefix = channelPrefix(nodeSettings.database());
        this.pattern = channelPrefix + SessionReader.matchPattern(nodeSettings.keyPrefix());
        this.channelPrefixLength = channelPrefix.length(); // ASCII: as many bytes as characters
        this.keyNames = new KeyNames(nodeSettings.keyPrefix());
        this.events = events;
        this.words = words;
        this.thread = threads.newThread(this::run);
        thread.setName("welno-feed-subscriber-" + node);
        thread.setDaemon(true);
    }

    static String channelPrefix(int database) {
        return "__keyspace@" + database + "__:";
    }

    String pattern() {
        return pattern;
    }

    void start() {
        thread.start();
    }

    private void run() {
        try {
            jedis = RedisConnections.openDedicated(settings, "welno-console-subscriber");
            if (stopping) {
                return;
            }
            jedis.psubscribe(pubSub, pattern.getBytes(StandardCharsets.UTF_8));
            if (!stopping) {
                events.onFailure(node, new FeedErrors.Noticed(watchdogReason != null ? watchdogReason
                        : Phrase.of("feed.error.subscriptionEnded"), words, null));
            }
        } catch (Throwable e) {
            if (!stopping) {
                events.onFailure(node, watchdogReason != null ? new FeedErrors.Noticed(watchdogReason, words, e) : e);
            }
        } finally {
            Jedis connection = jedis;
            if (connection != null) {
                try {
                    connection.close();
                } catch (RuntimeException ignored) {
                    // The socket is already gone.
                }
            }
        }
    }

    /**
     * Sends a PING on the subscription, or, when the previous one has gone unanswered longer than the timeout,
     * closes the socket so the loop fails and the feed reconnects: Jedis's subscription loop has no timeout of its own
     * and would wait forever on a link that died without closing.
     */
    void ping(long timeoutNanos) {
        if (stopping || !pubSub.isSubscribed()) {
            return;
        }
        if (giveUpIfUnanswered(timeoutNanos)) {
            return;
        }
        if (pingSentNanos == 0) {
            pingSentNanos = System.nanoTime();
            try {
                pubSub.ping();
            } catch (RuntimeException e) {
                disconnect();
            }
        }
    }

    /**
     * Closes the subscription when the PING in flight has waited longer than {@code timeoutNanos} for its PONG.
     *
     * @return whether it did
     */
    boolean giveUpIfUnanswered(long timeoutNanos) {
        long sent = pingSentNanos;
        if (stopping || sent == 0 || !pubSub.isSubscribed() || System.nanoTime() - sent <= timeoutNanos) {
            return false;
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(timeoutNanos);
        LOG.warn("No PONG from {} within {} ms; closing the subscription", settings.redactedUrl(), millis);
        watchdogReason = FeedPhrases.noPong(millis);
        disconnect();
        return true;
    }

    /** How long the PING in flight has waited for its PONG at {@code nowNanos}, in nanoseconds; 0 when none is. */
    long unansweredNanos(long nowNanos) {
        long sent = pingSentNanos;
        return sent == 0 ? 0 : Math.max(0, nowNanos - sent);
    }

    void stop() {
        stopping = true;
        try {
            if (pubSub.isSubscribed()) {
                pubSub.punsubscribe();
            }
        } catch (RuntimeException e) {
            LOG.debug("PUNSUBSCRIBE failed: {}", e.getMessage());
        }
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            disconnect();
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    boolean isAlive() {
        return thread.isAlive();
    }

    private void disconnect() {
        Jedis connection = jedis;
        if (connection != null) {
            try {
                connection.getConnection().disconnect();
            } catch (RuntimeException ignored) {
                // Already closed.
            }
        }
    }

    private final class PubSub extends BinaryJedisPubSub {
        @Override
        public void onPMessage(byte[] pattern, byte[] channel, byte[] message) {
            try {
                if (channel.length > channelPrefixLength) {
                    events.onEvent(node, keyNames.name(Arrays.copyOfRange(channel, channelPrefixLength,
                            channel.length)), new String(message, StandardCharsets.US_ASCII));
                }
            } catch (Throwable e) {
                LOG.warn("Dropped a keyspace event: {}", e.toString());
            }
        }

        @Override
        public void onPSubscribe(byte[] pattern, int subscribedChannels) {
            try {
                events.onSubscribed(node);
            } catch (Throwable e) {
                LOG.warn("Subscription callback failed: {}", e.toString());
            }
        }

        @Override
        public void onPong(byte[] message) {
            try {
                long sent = pingSentNanos;
                pingSentNanos = 0;
                if (sent != 0) {
                    events.onPong(node, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent));
                }
            } catch (Throwable e) {
                LOG.warn("Pong callback failed: {}", e.toString());
            }
        }
    }
}
