package io.welno.console.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionMessage;
import io.welno.console.session.SessionStatus;
import io.welno.console.session.UnreadableSession;
import io.welno.console.store.SessionStore;
import io.welno.console.store.StoreFailure;
import io.welno.console.store.StoredSession;
import io.welno.console.text.LogWords;
import io.welno.console.text.Phrase;
import io.welno.console.text.SafeText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices when the backend overwrites a change the console applied (docs/backend-protocol.md: the backend's
 * GET → modify → SETEX can write back a snapshot read before our write). Compare-and-set only protects the
 * console's writes from the console; this watch is the other half.
 *
 * <p>After each applied write, {@link FlowService} registers the messages the write appended (exact
 * {@code {timestamp, type, message}} entries). Messages are only ever appended by every writer, so a later
 * document that lacks one was built from a copy older than our write: a revert. Fields the action set may
 * legitimately move on (the flow continues), so they are only used to describe what was lost.
 *
 * <p>Documents are observed by polling the key every {@code pollInterval} while anything is watched, and/or
 * fed in from the live feed through {@link #onKeyChanged}. Each action is watched for its window and reported
 * at most once. Thread-safe.
 *
 * <p>Each window is timed by the monotonic clock ({@link System#nanoTime}), as a {@link Hold}'s is: by the wall clock,
 * one set forward an hour (a time sync, a resumed virtual machine) would stop watching at once while the backend can
 * still write back its copy, and one set back would watch — and poll — for the hour.
 *
 * <p>One class on purpose: the watches, the poll and the reporting lock guard one invariant together (a watch is
 * never seen gone before its revert was reported, whichever thread found it); split, that lock would have to be
 * shared across classes. The message comparison it relies on is already in {@link Watched} and its static helpers.
 */
public final class RevertWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RevertWatch.class);

    private final SessionStore store;
    private final Duration pollInterval;
    /** The monotonic clock the windows are timed by ({@link System#nanoTime}; tests move their own). */
    private final LongSupplier nanoTime;
    private final LogWords words;
    private final Map<String, List<Watched>> watches = new ConcurrentHashMap<>();
    private final List<Consumer<RevertDetected>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Removed>> removedListeners = new CopyOnWriteArrayList<>();
    /**
     * Held while a check finds and reports reverts, so that a watch is never seen gone before its report has
     * been delivered: when {@link #checkNow} returns, every revert found so far (by any thread) has been reported.
     */
    private final ReentrantLock reporting = new ReentrantLock();
    private final ScheduledExecutorService poller;
    private ScheduledFuture<?> pollTask;
    private volatile boolean closed;

    /**
     * @param store        where to poll watched keys (may be null when only {@link #onKeyChanged} feeds the watch)
     * @param pollInterval how often watched keys are read; {@link Duration#ZERO} = no polling, feed-driven only
     */
    public RevertWatch(SessionStore store, Duration pollInterval) {
        this(store, pollInterval, System::nanoTime);
    }

    /** A watch whose windows are timed by {@code nanoTime}, a monotonic clock in nanoseconds: tests move it by hand. */
    public RevertWatch(SessionStore store, Duration pollInterval, LongSupplier nanoTime) {
        this(store, pollInterval, nanoTime, LogWords.CODES);
    }

    /** @param words how a failed read is worded in the log ({@link LogWords}) */
    public RevertWatch(SessionStore store, Duration pollInterval, LogWords words) {
        this(store, pollInterval, System::nanoTime, words);
    }

    private RevertWatch(SessionStore store, Duration pollInterval, LongSupplier nanoTime, LogWords words) {
        this.words = Objects.requireNonNull(words, "words");
        this.store = store;
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        boolean polls = store != null && !pollInterval.isZero() && !pollInterval.isNegative();
        this.poller = polls ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "revert-watch");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /** A watch that is only fed from outside (the live feed) and never reads Redis itself. */
    public static RevertWatch feedOnly() {
        return new RevertWatch(null, Duration.ZERO);
    }

    public void addListener(Consumer<RevertDetected> listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    public void removeListener(Consumer<RevertDetected> listener) {
        listeners.remove(listener);
    }

    /** Told of a watched session that ended (expired or deleted) while watched, and how far each change got. */
    public void addRemovedListener(Consumer<Removed> listener) {
        removedListeners.add(Objects.requireNonNull(listener));
    }

    public void removeRemovedListener(Consumer<Removed> listener) {
        removedListeners.remove(listener);
    }

    /**
     * Watches one applied write for {@code window}. Writes of the same action (same actionId) are merged:
     * their messages accumulate and the field description follows the latest write.
     */
    public void watch(String sessionId, ActionKind action, String actionId, String operator,
                      SessionDocument before, SessionDocument after, Duration window) {
        if (closed || window.isZero() || window.isNegative()) {
            return;
        }
        List<JsonNode> appended = appendedMessages(before, after);
        long until = nanoTime.getAsLong() + window.toNanos();
        while (true) {
            List<Watched> list = watches.computeIfAbsent(sessionId, id -> new CopyOnWriteArrayList<>());
            synchronized (list) {
                if (watches.get(sessionId) != list) {
                    continue; // emptied and dropped by a concurrent check meanwhile; take the new list
                }
                Watched existing = null;
                for (Watched w : list) {
                    if (w.actionId.equals(actionId)) {
                        existing = w;
                    }
                }
                if (existing == null) {
                    list.add(new Watched(sessionId, action, actionId, operator, appended, before, after, until));
                } else {
                    existing.markers.addAll(appended);
                    existing.notePreWrite(before);
                    existing.after = after;
                    existing.until = until;
                }
                break;
            }
        }
        ensurePolling();
    }

    /**
     * Watches an action's change for {@code window} from now at least (a collection's hold lasts as long as its
     * collection runs, which can be longer than the window of its last write).
     */
    public void extend(String sessionId, String actionId, Duration window) {
        List<Watched> list = watches.get(sessionId);
        if (list == null) {
            return;
        }
        long until = nanoTime.getAsLong() + window.toNanos();
        synchronized (list) {
            for (Watched w : list) {
                if (w.actionId.equals(actionId) && until - w.until > 0) {
                    w.until = until;
                }
            }
        }
    }

    /**
     * A document seen by someone else (the live feed); checked against the watches of that key right away. When it
     * lacks a watched change it is not reported from here: when the feed read it is not known, and a copy read before
     * the change was written looks exactly like a revert. The poller's next read, which begins after every write,
     * decides (a watch that cannot poll reports it at once: it has nothing better).
     */
    public void onKeyChanged(String sessionId, StoredSession stored) {
        if (stored != null && stored.parsed() instanceof SessionDocument doc) {
            check(sessionId, doc, Long.MIN_VALUE); // when the feed read it is not known
        } else if (stored != null && (store == null || pollInterval.isZero())) {
            checkUnreadable(sessionId, stored); // a watch that cannot poll takes the feed's word, as for a document
        }
    }

    /** The key was deleted or expired: nothing left to revert, stop watching it. */
    public void onKeyRemoved(String sessionId) {
        List<Watched> removed = watches.remove(sessionId);
        if (removed != null) {
            Map<String, SessionStatus> finishedAs = new HashMap<>();
            synchronized (removed) {
                for (Watched w : removed) {
                    SessionStatus end = w.finishedAs;
                    if (end != null) {
                        finishedAs.put(w.actionId, end);
                    }
                }
            }
            Removed event = new Removed(sessionId, Map.copyOf(finishedAs));
            for (Consumer<Removed> listener : removedListeners) {
                try {
                    listener.accept(event);
                } catch (RuntimeException e) {
                    LOG.warn("A revert-watch listener failed", e);
                }
            }
        }
    }

    /** Stops watching one action's change (its hold ended). */
    public void unwatch(String sessionId, String actionId) {
        List<Watched> list = watches.get(sessionId);
        if (list == null) {
            return;
        }
        synchronized (list) {
            list.removeIf(w -> w.actionId.equals(actionId));
            if (list.isEmpty()) {
                watches.remove(sessionId, list);
            }
        }
    }

    /**
     * Reads the key now and checks it (tests, the end of a hold, and callers that just wrote). Returns after every
     * revert found on this session so far, also by the poller or the feed at the same moment, has been delivered
     * to the listeners.
     *
     * @return false when the key could not be read (Redis unavailable), so nothing could be confirmed
     */
    public boolean checkNow(String sessionId) {
        if (store == null) {
            return false;
        }
        if (!watches.containsKey(sessionId)) {
            awaitReportInProgress();
            return true;
        }
        Optional<StoredSession> stored;
        long readStarted = System.nanoTime();
        try {
            stored = store.get(sessionId);
        } catch (RuntimeException e) {
            LOG.debug("Revert watch could not read {}: {}", SafeText.bounded(sessionId, SafeText.FIELD),
                    SafeText.bounded(words.render(StoreFailure.describe(e)), SafeText.TEXT));
            return false;
        }
        onKeyRead(sessionId, stored, readStarted);
        return true;
    }

    /**
     * A read of a watched key made by the caller (the end of a hold reads the key itself).
     *
     * @param readStartedNanos {@link System#nanoTime()} when the read began
     */
    public void onKeyRead(String sessionId, Optional<StoredSession> stored, long readStartedNanos) {
        if (stored.isEmpty()) {
            onKeyRemoved(sessionId);
        } else if (stored.get().parsed() instanceof SessionDocument doc) {
            check(sessionId, doc, readStartedNanos);
        } else {
            checkUnreadable(sessionId, stored.get());
        }
    }

    /** Whether any change to this session is still being watched. */
    public boolean isWatching(String sessionId) {
        expire();
        List<Watched> list = watches.get(sessionId);
        return list != null && !list.isEmpty();
    }

    public Set<String> watchedSessions() {
        expire();
        return Set.copyOf(watches.keySet());
    }

    @Override
    public void close() {
        closed = true;
        watches.clear();
        if (poller != null) {
            poller.shutdownNow();
        }
    }

    // ------------------------------------------------------------------ checking

    /**
     * @param readStartedNanos when the read that produced {@code doc} began ({@link System#nanoTime()}), or
     *                         {@link Long#MIN_VALUE} when unknown. A read that began before the latest write of a
     *                         watched action can return the document that write replaced: a copy without our
     *                         messages that nobody wrote back. Such a copy is left for the poller's next read
     *                         (which begins after the write) to confirm, instead of being reported as a revert.
     */
    private void check(String sessionId, SessionDocument doc, long readStartedNanos) {
        reporting.lock();
        try {
            List<Watched> list = watches.get(sessionId);
            if (list != null) {
                report(findReverts(sessionId, list, doc, readStartedNanos));
            }
        } finally {
            reporting.unlock();
        }
    }

    /**
     * The key holds a value that is no session (cut off mid-write, not JSON): every change watched on it was written
     * over, whenever the read began, since each was checked readable when written. Told now as a revert of the
     * unreadable kind ({@link RevertDetected#overUnreadable}), once: the watches end with it, as nothing of them is left to
     * lose.
     */
    private void checkUnreadable(String sessionId, StoredSession stored) {
        if (pastOwnBound(stored)) {
            return; // maybe the session with the change still in it: nobody here can say it was written over
        }
        Phrase reason = stored.parsed() instanceof UnreadableSession u ? u.reason() : Phrase.of("text.empty");
        reporting.lock();
        try {
            List<Watched> list = watches.get(sessionId);
            if (list == null) {
                return;
            }
            List<RevertDetected> found = new ArrayList<>();
            synchronized (list) {
                for (Watched w : list) {
                    found.add(RevertDetected.overUnreadable(sessionId, w.action, w.actionId, w.operator, reason, true,
                            null));
                }
                list.clear();
                watches.remove(sessionId, list);
            }
            report(found);
        } finally {
            reporting.unlock();
        }
    }

    /**
     * Whether the console stopped reading the value at a bound of its own ({@link UnreadableSession#stoppedAtOwnBound}:
     * its size, a number longer than its parser takes). Such a value may be the session with every change still in
     * it, and the backend may read it: it is no evidence of a revert, and no change is told written over by it.
     */
    static boolean pastOwnBound(StoredSession stored) {
        return stored.parsed() instanceof UnreadableSession u && u.stoppedAtOwnBound();
    }

    /** The watch may just have been dropped by another thread's check that is still delivering its report. */
    private void awaitReportInProgress() {
        reporting.lock();
        reporting.unlock();
    }

    private List<RevertDetected> findReverts(String sessionId, List<Watched> list, SessionDocument doc,
                                             long readStartedNanos) {
        long now = nanoTime.getAsLong();
        List<RevertDetected> found = new ArrayList<>();
        synchronized (list) {
            Iterator<Watched> it = list.iterator();
            List<Watched> done = new ArrayList<>();
            while (it.hasNext()) {
                Watched w = it.next();
                Optional<Phrase> lost = w.lostIn(doc);
                boolean fresh = readStartedNanos != Long.MIN_VALUE && readStartedNanos - w.registeredNanos > 0;
                boolean unconfirmable = store == null || pollInterval.isZero();
                boolean readTimeUnknown = readStartedNanos == Long.MIN_VALUE;
                if (lost.isPresent() && !fresh && !unconfirmable && (readTimeUnknown || w.isPreWriteCopy(doc))) {
                    continue; // possibly a read from before our write; the next poll tells
                }
                if (lost.isPresent()) {
                    found.add(new RevertDetected(sessionId, w.action, w.actionId, w.operator, lost.get(), doc.status()));
                    done.add(w);
                } else {
                    if (doc.status().isTerminal()) {
                        w.finishedAs = doc.status();
                    }
                    if (w.isOverAt(now)) {
                        done.add(w);
                    }
                }
            }
            list.removeAll(done);
            if (list.isEmpty()) {
                watches.remove(sessionId, list);
            }
        }
        return found;
    }

    private void report(List<RevertDetected> found) {
        for (RevertDetected revert : found) {
            LOG.warn("Revert detected on session {}: the {} change {} was overwritten", revert.sessionId(),
                    revert.action().wire(), revert.actionId());
            for (Consumer<RevertDetected> listener : listeners) {
                try {
                    listener.accept(revert);
                } catch (RuntimeException e) {
                    LOG.warn("A revert listener failed", e);
                }
            }
        }
    }

    private void expire() {
        long now = nanoTime.getAsLong();
        for (Map.Entry<String, List<Watched>> e : watches.entrySet()) {
            List<Watched> list = e.getValue();
            synchronized (list) {
                list.removeIf(w -> w.isOverAt(now));
                if (list.isEmpty()) {
                    watches.remove(e.getKey(), list);
                }
            }
        }
    }

    private synchronized void ensurePolling() {
        if (poller == null || closed || (pollTask != null && !pollTask.isDone())) {
            return;
        }
        long ms = Math.max(1, pollInterval.toMillis());
        pollTask = poller.scheduleWithFixedDelay(this::pollOnce, ms, ms, TimeUnit.MILLISECONDS);
    }

    private void pollOnce() {
        try {
            for (String id : new HashSet<>(watches.keySet())) {
                checkNow(id);
            }
            expire();
            synchronized (this) {
                if (watches.isEmpty() && pollTask != null) {
                    pollTask.cancel(false);
                    pollTask = null;
                    // A watch registered between the emptiness check and here restarts polling itself.
                    if (!watches.isEmpty()) {
                        ensurePolling();
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Revert watch poll failed", e);
        }
    }

    static List<JsonNode> appendedMessages(SessionDocument before, SessionDocument after) {
        JsonNode afterMessages = after.tree().get(SessionDocument.MESSAGES);
        if (!(afterMessages instanceof ArrayNode array)) {
            return List.of();
        }
        int from = before == null ? 0 : before.messageCount();
        List<JsonNode> out = new ArrayList<>();
        for (int i = from; i < array.size(); i++) {
            out.add(array.get(i));
        }
        return out;
    }

    /**
     * What of an action's writes is missing from {@code doc} (each write as the pair of documents it replaced and
     * wrote, in order), or empty when all of it is there: the same test and words as a watch's.
     */
    static Optional<Phrase> lost(List<SessionDocument> writes, SessionDocument doc) {
        if (writes.isEmpty()) {
            return Optional.empty();
        }
        List<JsonNode> markers = new ArrayList<>();
        for (int i = 0; i + 1 < writes.size(); i += 2) {
            markers.addAll(appendedMessages(writes.get(i), writes.get(i + 1)));
        }
        return lostIn(markers, writes.get(0), writes.get(writes.size() - 1), doc);
    }

    private static Optional<Phrase> lostIn(List<JsonNode> markers, SessionDocument before, SessionDocument after,
                                           SessionDocument doc) {
        List<JsonNode> missing = new ArrayList<>();
        for (JsonNode marker : markers) {
            if (!containsMessage(doc, marker)) {
                missing.add(marker);
            }
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        SessionMessage first = SessionMessageView.of(missing.get(0));
        Phrase messages = missing.size() == 1
                ? Phrase.of("revert.messageGone", first.summary(), String.valueOf(first.timestamp()))
                : Phrase.of("revert.messagesGone", missing.size(), first.summary(),
                        String.valueOf(first.timestamp()));
        List<Phrase> fields = FieldChanges.putBack(before, after, doc);
        return Optional.of(fields.isEmpty() ? Phrase.of("revert.lostMessages", messages)
                : Phrase.of("revert.lost", messages, fields));
    }

    static boolean containsMessage(SessionDocument doc, JsonNode message) {
        JsonNode messages = doc.tree().get(SessionDocument.MESSAGES);
        if (messages instanceof ArrayNode array) {
            for (int i = array.size() - 1; i >= 0; i--) {
                if (array.get(i).equals(message)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A watched session's key is gone.
     *
     * @param sessionId  the session
     * @param finishedAs for each action watched on it (by action id) that was seen carried to the end of the flow:
     *                   the end status (completed, error…) of a copy that still had all of the action's change.
     *                   Once seen, it stays: the order in which the feed's and the poll's reads are checked is not
     *                   the order in which they were made, and a session seen finished did finish
     */
    public record Removed(String sessionId, Map<String, SessionStatus> finishedAs) {
    }

    /** One action's watched change. */
    private static final class Watched {
        final String sessionId;
        final ActionKind action;
        final String actionId;
        final String operator;
        final List<JsonNode> markers;
        final SessionDocument before;
        volatile SessionDocument after;
        /** The window's end by the watch's monotonic clock (nanoseconds; compared by difference, as it may wrap). */
        volatile long until;
        /** The end status of a copy checked with all of this change in it; null until one is seen. */
        volatile SessionStatus finishedAs;
        /** The documents each write of this action replaced, and when the latest write was registered. */
        private final List<JsonNode> preWrites = new CopyOnWriteArrayList<>();
        volatile long registeredNanos;

        Watched(String sessionId, ActionKind action, String actionId, String operator, List<JsonNode> markers,
                SessionDocument before, SessionDocument after, long until) {
            this.sessionId = sessionId;
            this.action = action;
            this.actionId = actionId;
            this.operator = operator;
            this.markers = new CopyOnWriteArrayList<>(markers);
            this.before = before;
            this.after = after;
            this.until = until;
            notePreWrite(before);
        }

        void notePreWrite(SessionDocument replaced) {
            if (replaced != null) {
                preWrites.add(replaced.tree());
            }
            registeredNanos = System.nanoTime();
        }

        boolean isOverAt(long nowNanos) {
            return nowNanos - until > 0;
        }

        /** Whether {@code doc} is exactly a document one of this action's writes replaced. */
        boolean isPreWriteCopy(SessionDocument doc) {
            for (JsonNode replaced : preWrites) {
                if (replaced.equals(doc.tree())) {
                    return true;
                }
            }
            return false;
        }

        /** What of this change is missing from {@code doc}, or empty when it is all there. */
        Optional<Phrase> lostIn(SessionDocument doc) {
            return RevertWatch.lostIn(markers, before, after, doc);
        }
    }

    /** Reads a raw message entry with the session package's parser. */
    private static final class SessionMessageView {
        static SessionMessage of(JsonNode entry) {
            String timestamp = entry.path("timestamp").asText(null);
            String type = entry.path("type").asText(null);
            JsonNode body = entry.get("message");
            String text = body == null || body.isNull() ? ""
                    : body.isObject() ? body.path("message").asText(body.toString()) : body.asText();
            return new SessionMessage(timestamp, type, text, body instanceof com.fasterxml.jackson.databind.node.ObjectNode o ? o : null);
        }
    }
}
