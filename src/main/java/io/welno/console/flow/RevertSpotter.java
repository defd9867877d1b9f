package io.welno.console.flow;

import com.fasterxml.jackson.databind.JsonNode;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionTimestamp;
import io.welno.console.session.UnreadableSession;
import io.welno.console.store.SessionStore;
import io.welno.console.store.StoredSession;
import io.welno.console.text.Phrase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sees the backend revert <em>other</em> consoles' changes, so that whoever watches the window learns of it even
 * when the person who pressed the button has closed theirs (docs/flow.md, "Held actions"). It expects, for as long
 * as the backend can still write back an older copy, the messages of recent console actions in their sessions:
 * those it saw in a document from the live feed, and those the shared audit stream says were applied. A document
 * without an expected action's message is read once more (a read that began after the expectation, so it cannot be
 * an old copy that nobody wrote back); if the message is still missing, the revert is reported — once per action.
 * Actions this console holds itself are left to its own {@link RevertWatch}, which knows exactly what they changed.
 */
public final class RevertSpotter {

    private static final Logger LOG = LoggerFactory.getLogger(RevertSpotter.class);
    /** A console message ends with its action id: "… [콘솔 kim · 사유: … · #3f2a91c0]" or "… [콘솔 #3f2a91c0]". */
    private static final Pattern MARK = ConsoleMessageMark.MARK;

    /**
     * @param batchId    the bulk run of the action, from its audit entry; null when not one or not known yet
     * @param untilNanos the end of its window by the monotonic clock ({@link System#nanoTime}): only where the window
     *                   starts is read from a wall clock (another console's audit record, the backend's message time);
     *                   the rest is timed here, so a clock set forward an hour does not drop expectations still open
     */
    private record Expected(String actionId, ActionKind action, String operator, long untilNanos, String batchId) {
    }

    private final SessionStore store;
    private final Duration window;
    private final Predicate<String> heldHere;
    private final Executor confirmer;
    private final java.util.function.Supplier<LocalDateTime> backendNow;
    private final Map<String, Map<String, Expected>> expected = new ConcurrentHashMap<>();
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private final List<Consumer<RevertDetected>> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param window     how long after an action its message is expected to stay (the hold window)
     * @param heldHere   whether this console holds the action itself (then its own watch reports it)
     * @param confirmer  runs the confirming reads, off the feed's thread
     * @param backendNow the backend's wall-clock time, to tell recent messages from old ones
     */
    public RevertSpotter(SessionStore store, Duration window, Predicate<String> heldHere, Executor confirmer,
                         java.util.function.Supplier<LocalDateTime> backendNow) {
        this.store = store;
        this.window = window;
        this.heldHere = heldHere;
        this.confirmer = confirmer;
        this.backendNow = backendNow;
    }

    public void addListener(Consumer<RevertDetected> listener) {
        listeners.add(listener);
    }

    /** An entry of the shared audit stream: an applied action (or re-apply) is expected in its session. */
    public void onAudit(AuditRecord record) {
        boolean applied = "APPLIED".equals(record.result())
                && (AuditRecord.ATTEMPT.equals(record.event()) || AuditRecord.REAPPLY.equals(record.event()));
        if (!applied || record.sessionId().isEmpty() || heldHere.test(record.actionId())) {
            return;
        }
        Duration left = Duration.between(Instant.now(), record.time().plus(window));
        if (left.isNegative()) {
            return;
        }
        long until = System.nanoTime() + left.toNanos();
        ActionKind action;
        try {
            action = ActionKind.fromWire(record.action());
        } catch (IllegalArgumentException e) {
            action = null;
        }
        expect(record.sessionId(), new Expected(record.actionId(), action, record.operator(), until,
                record.batchId().isEmpty() ? null : record.batchId()));
        // The document may already be the one without it: confirm now rather than wait for the next change.
        confirmer.execute(() -> confirm(record.sessionId()));
    }

    /** A document from the live feed. */
    public void onKeyChanged(String sessionId, StoredSession stored) {
        if (stored == null) {
            return;
        }
        if (!(stored.parsed() instanceof SessionDocument doc)) {
            if (expected.containsKey(sessionId)) {
                confirmer.execute(() -> confirm(sessionId)); // no session any more, so no expected message in it
            }
            return;
        }
        Map<String, Expected> here = expected.get(sessionId);
        if (here == null && !ConsoleMessageMark.mayBeIn(stored.value())) {
            // No console message in it and none expected: nothing to learn or confirm. Most documents are such, and
            // reading the messages takes the document's tree, which the feed's listener would build for every write.
            return;
        }
        learnFrom(doc);
        here = expected.get(sessionId);
        if (here != null && here.values().stream().anyMatch(e -> !hasMark(doc, e.actionId()))) {
            confirmer.execute(() -> confirm(sessionId));
        }
    }

    public void onKeyRemoved(String sessionId) {
        expected.remove(sessionId);
    }

    /** Console messages written within the window are expected to stay. */
    private void learnFrom(SessionDocument doc) {
        JsonNode messages = doc.tree().get(SessionDocument.MESSAGES);
        if (messages == null || !messages.isArray()) {
            return;
        }
        LocalDateTime since = backendNow.get().minus(window);
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonNode entry = messages.get(i);
            SessionTimestamp at = SessionTimestamp.parse(entry.path("timestamp").asText(null), doc.zone());
            if (at == null || at.local().isBefore(since)) {
                break; // messages are appended in time order: the rest is older
            }
            Matcher m = MARK.matcher(text(entry));
            if (m.find() && !heldHere.test(m.group(2))) {
                long until = System.nanoTime() + Duration.between(since, at.local()).toNanos();
                Expected known = expected.getOrDefault(doc.id(), Map.of()).get(m.group(2));
                expect(doc.id(), new Expected(m.group(2), known == null ? null : known.action(),
                        known != null ? known.operator() : m.group(1) == null ? "" : m.group(1).strip(), until,
                        known == null ? null : known.batchId()));
            }
        }
    }

    private void expect(String sessionId, Expected e) {
        if (reported.contains(e.actionId())) {
            return;
        }
        expected.computeIfAbsent(sessionId, id -> new ConcurrentHashMap<>()).merge(e.actionId(), e,
                (old, neu) -> new Expected(old.actionId(), old.action() != null ? old.action() : neu.action(),
                        old.operator().isEmpty() ? neu.operator() : old.operator(),
                        old.untilNanos() - neu.untilNanos() > 0 ? old.untilNanos() : neu.untilNanos(),
                        old.batchId() != null ? old.batchId() : neu.batchId()));
    }

    /** Reads the session afresh; every expected action whose message is missing from it was reverted. */
    void confirm(String sessionId) {
        Map<String, Expected> here = expected.get(sessionId);
        if (here == null) {
            return;
        }
        Optional<StoredSession> stored;
        try {
            stored = store.get(sessionId);
        } catch (RuntimeException e) {
            LOG.debug("Could not confirm a revert on {}: {}", sessionId, e.toString());
            return;
        }
        if (stored.isEmpty()) {
            expected.remove(sessionId);
            return;
        }
        if (RevertWatch.pastOwnBound(stored.get())) {
            return; // maybe the session with every expected message still in it: nothing known to be written over
        }
        if (!(stored.get().parsed() instanceof SessionDocument doc)) {
            // Written over by a value that is no session at all: every expected change is gone with it, told as the
            // console that made it tells it (Holds), so whoever watches learns of it even when that console is closed
            reportUnreadable(sessionId, here, stored.get().parsed() instanceof UnreadableSession u
                    ? u.reason() : Phrase.of("text.empty"));
            return;
        }
        long now = System.nanoTime();
        for (Iterator<Expected> it = here.values().iterator(); it.hasNext(); ) {
            Expected e = it.next();
            if (heldHere.test(e.actionId())) {
                it.remove();
            } else if (!hasMark(doc, e.actionId())) {
                it.remove();
                if (reported.add(e.actionId())) {
                    report(new RevertDetected(sessionId, e.action(), e.actionId(), e.operator(),
                            Phrase.of("revert.otherConsole", e.actionId(), doc.status()), doc.status(), false,
                            e.batchId()));
                }
            } else if (now - e.untilNanos() > 0) {
                it.remove();
            }
        }
        if (here.isEmpty()) {
            expected.remove(sessionId, here);
        }
    }

    private void reportUnreadable(String sessionId, Map<String, Expected> here, Phrase reason) {
        for (Iterator<Expected> it = here.values().iterator(); it.hasNext(); ) {
            Expected e = it.next();
            it.remove();
            if (!heldHere.test(e.actionId()) && reported.add(e.actionId())) {
                report(RevertDetected.overUnreadable(sessionId, e.action(), e.actionId(), e.operator(), reason, false,
                        e.batchId()));
            }
        }
        expected.remove(sessionId, here);
    }

    private void report(RevertDetected revert) {
        LOG.warn("Revert of another console's change {} detected on session {}", revert.actionId(), revert.sessionId());
        for (Consumer<RevertDetected> listener : listeners) {
            try {
                listener.accept(revert);
            } catch (RuntimeException e) {
                LOG.warn("A revert listener failed", e);
            }
        }
    }

    private static boolean hasMark(SessionDocument doc, String actionId) {
        JsonNode messages = doc.tree().get(SessionDocument.MESSAGES);
        if (messages == null || !messages.isArray()) {
            return false;
        }
        String tag = "#" + actionId + "]";
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (text(messages.get(i)).contains(tag)) {
                return true;
            }
        }
        return false;
    }

    private static String text(JsonNode entry) {
        return ConsoleMessageMark.text(entry);
    }
}
