package io.welno.console.view;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.flow.ActionKind;
import io.welno.console.flow.AuditRecord;
import io.welno.console.flow.ConsoleMessageMark;
import io.welno.console.flow.SessionWritten;
import io.welno.console.live.FeedBatch;
import io.welno.console.live.SessionChange;
import io.welno.console.session.DocumentDiff;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionStatus;
import io.welno.console.session.StoredDiff;
import io.welno.console.session.UserInfo;
import io.welno.console.store.StoredSession;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every session's versions as this console observed them: from the live feed and from its own writes, each with its
 * time, its author and what it changed from the version before (docs/live.md, "Observed history").
 *
 * <p>What it is not: a record of every write. The feed reads a key once per batch window however often it was
 * written (coalescing), so under load two writes can arrive as one version, attributed to the author it shows signs
 * of (the newest console mark among the messages it added, else the backend).
 *
 * <p>Bounded memory: per session the latest stored bytes are kept by reference (the table's row holds the same
 * array), and of each version only its changed fields, masked and cut, found on the bytes ({@link StoredDiff}: only
 * fields that differ are parsed, since this runs for every write the feed sees); at most
 * {@link Bounds#perSession()} versions per session and {@link Bounds#total()} (and {@link Bounds#maxBytes()}) in all,
 * the oldest going first. Work runs on {@code worker} (one change per session waiting at most: a newer one replaces
 * it), never on the feed's thread. Readers on any thread.
 *
 * <p>One class on purpose: the per-session versions, the oldest-first order across all sessions and the byte total
 * are one bounded store that only its worker changes, and they must agree after every step; the field diff it
 * records lives apart ({@link FieldDiff}).
 */
public final class SessionHistory {

    private static final Logger LOG = LoggerFactory.getLogger(SessionHistory.class);
    private static final JsonPointer MESSAGES = JsonPointer.compile("/" + SessionDocument.MESSAGES);
    private static final JsonPointer CLAIM = JsonPointer.compile("/console_claim");
    /** Action ids remembered (this console's, and the audit stream's entries). */
    private static final int REMEMBERED_ACTIONS = 4_096;

    /**
     * @param perSession versions kept per session
     * @param total      versions kept over all sessions
     * @param maxFields  changed fields kept per version (the rest are counted)
     * @param maxBytes   the estimated heap all kept versions may take (each string counted at two bytes a character),
     *                   so that versions with many long fields push out more of the old ones
     */
    public record Bounds(int perSession, int total, int maxFields, long maxBytes) {

        /** 20 per session, 50,000 and 64 MB in all, 30 fields per version. */
        public static final Bounds DEFAULT = new Bounds(20, 50_000, 30, 64L << 20);

        public Bounds {
            if (perSession < 1 || total < 1 || maxFields < 1 || maxBytes < 1) {
                throw new IllegalArgumentException("history bounds must be positive");
            }
        }
    }

    /** When the console first saw a session, and its status then: the bottom of its history. */
    public record Origin(Instant at, SessionStatus status) {
    }

    /** A session: the bytes of its latest version (shared, never modified) and its versions, oldest first. */
    private static final class Entry {
        final Origin origin;
        volatile byte[] latest;
        volatile List<HistoryVersion> versions = List.of();

        Entry(Origin origin, byte[] latest) {
            this.origin = origin;
            this.latest = latest;
        }
    }

    private record Slot(String id, Entry entry, HistoryVersion version, long bytes) {
    }

    private final SessionCodec codec;
    private final Executor worker;
    private final Clock clock;
    private final Bounds bounds;
    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
    /** Feed changes waiting for the worker: the newest per session. */
    private final Map<String, Observed> pending = new ConcurrentHashMap<>();
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    /** One slot per kept version, oldest first; touched by the worker only. */
    private final ArrayDeque<Slot> order = new ArrayDeque<>();
    private volatile int kept;
    private long keptBytes;
    private volatile long keptBytesShown;
    private final Set<String> ownActions = java.util.Collections.newSetFromMap(remembered());
    private final Map<String, AuditRecord> audited = java.util.Collections.synchronizedMap(remembered());
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    private record Observed(SessionChange change, Instant at) {
    }

    /** @param worker runs the diffs one at a time, in order (a single thread; a same-thread executor in tests) */
    public SessionHistory(SessionCodec codec, Executor worker, Clock clock, Bounds bounds) {
        this.codec = codec;
        this.worker = worker;
        this.clock = clock;
        this.bounds = bounds;
    }

    public Bounds bounds() {
        return bounds;
    }

    /** Told the id of a session whose history gained a version (on the worker's thread). */
    public void addListener(Consumer<String> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<String> listener) {
        listeners.remove(listener);
    }

    // ------------------------------------------------------------------ input

    /** A batch of the live feed (its thread): only queued here. */
    public void onBatch(FeedBatch batch) {
        Instant now = clock.instant();
        for (SessionChange change : batch.changes()) {
            if (pending.put(change.id(), new Observed(change, now)) == null) {
                String id = change.id();
                tasks.add(() -> {
                    Observed observed = pending.remove(id);
                    if (observed != null) {
                        observe(observed.change(), observed.at());
                    }
                });
            }
        }
        drain();
    }

    /** One of this console's writes, as written. */
    public void onWritten(SessionWritten written) {
        Instant now = clock.instant();
        tasks.add(() -> written(written, now));
        drain();
    }

    /** An entry of the shared audit stream: who did the action behind an id found in a document. */
    public void onAudit(AuditRecord record) {
        if (!record.actionId().isEmpty()) {
            audited.putIfAbsent(record.actionId(), record);
        }
    }

    // ------------------------------------------------------------------ output

    /** The versions observed of one session, newest first. */
    public List<HistoryVersion> versions(String id) {
        Entry entry = sessions.get(id);
        if (entry == null) {
            return List.of();
        }
        List<HistoryVersion> out = new ArrayList<>(entry.versions);
        java.util.Collections.reverse(out);
        return out;
    }

    public Optional<Origin> origin(String id) {
        Entry entry = sessions.get(id);
        return entry == null ? Optional.empty() : Optional.of(entry.origin);
    }

    /** Versions kept over all sessions. */
    public int size() {
        return kept;
    }

    // ------------------------------------------------------------------ the worker

    private void drain() {
        while (!tasks.isEmpty() && draining.compareAndSet(false, true)) {
            try {
                worker.execute(this::runTasks);
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                draining.set(false);
                return;
            }
        }
    }

    private void runTasks() {
        try {
            Runnable task;
            while ((task = tasks.poll()) != null) {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("The history could not take a version: {}", e.toString());
                }
            }
        } finally {
            draining.set(false);
        }
        drain(); // a task queued between the last poll and the release
    }

    private void observe(SessionChange change, Instant at) {
        String id = change.id();
        Entry entry = sessions.get(id);
        if (change.kind().ended()) {
            if (entry != null) {
                entry.latest = null;
                if (entry.versions.isEmpty()) {
                    sessions.remove(id, entry);
                } else {
                    add(id, entry, HistoryVersion.ended(at, Ending.of(change.kind(), change.fromSnapshot())));
                }
            }
            return;
        }
        StoredSession stored = change.session();
        if (!(stored.parsed() instanceof SessionDocument seen)) {
            return; // an unreadable value has no fields to compare; the next readable one is compared with the last
        }
        byte[] bytes = stored.value();
        if (entry == null) {
            sessions.put(id, new Entry(new Origin(at, seen.status()), bytes));
            return;
        }
        byte[] before = entry.latest;
        if (before == bytes || Arrays.equals(before, bytes)) {
            return; // a resync delivers every session again
        }
        entry.latest = bytes;
        Optional<StoredDiff> diff = StoredDiff.of(before, bytes, codec.treeReader(), true);
        if (diff.isEmpty()) {
            // Bytes the byte-level diff declines (the codec decoded them leniently, say) are compared as whole trees.
            // Parsed again rather than seen.tree(): the feed's document is the table row's, and a tree asked of it
            // stays with it, so 100,000 rows would keep 100,000 trees.
            SessionDocument was = parse(id, before);
            SessionDocument now = parse(id, bytes);
            if (was != null && now != null) {
                changed(id, entry, at, seen.status(), FieldDiff.Side.of(was), FieldDiff.Side.of(now),
                        DocumentDiff.paths(was.tree(), now.tree(), Set.of(), true), null, change.fromSnapshot());
            }
            return;
        }
        // Only the fields that differ are parsed: the person the old values are masked for is the new version's
        // unless user_info itself changed.
        ObjectNode wasFields = diff.get().was();
        ObjectNode nowFields = diff.get().now();
        UserInfo wasPerson = wasFields.has(SessionDocument.USER_INFO) || nowFields.has(SessionDocument.USER_INFO)
                ? UserInfo.of(wasFields.get(SessionDocument.USER_INFO)) : seen.userInfo();
        changed(id, entry, at, seen.status(), new FieldDiff.Side(wasPerson, wasFields),
                new FieldDiff.Side(seen.userInfo(), nowFields), diff.get().paths(), null, change.fromSnapshot());
    }

    /**
     * Adds a version when the paths are not empty; its author is {@code author}, or found in it when null;
     * {@code found} when a pass reading every session again found it ({@link HistoryVersion#found}).
     */
    private void changed(String id, Entry entry, Instant at, SessionStatus status, FieldDiff.Side was,
                         FieldDiff.Side now, List<JsonPointer> paths, HistoryVersion.Author author, boolean found) {
        if (!paths.isEmpty()) {
            add(id, entry, version(at, author != null ? author : attribute(was.root(), now.root(), paths), status,
                    was, now, paths, found));
        }
    }

    private void written(SessionWritten written, Instant at) {
        String id = written.sessionId();
        ownActions.add(written.actionId());
        Entry entry = sessions.get(id);
        SessionDocument now = written.after();
        HistoryVersion.Author ours = new HistoryVersion.Author(HistoryVersion.Author.Type.THIS_CONSOLE,
                written.actionId(), written.operator(), written.action());
        if (entry == null || entry.latest == null) {
            return; // the feed brings it as the session's first version
        }
        SessionDocument was = parse(id, entry.latest);
        if (was == null) {
            return;
        }
        List<JsonPointer> paths = DocumentDiff.paths(was.tree(), now.tree(), Set.of(), true);
        if (paths.isEmpty()) {
            // The feed was first: the version it brought is this write.
            List<HistoryVersion> list = entry.versions;
            if (!list.isEmpty() && list.get(list.size() - 1).author().type() != HistoryVersion.Author.Type.THIS_CONSOLE) {
                List<HistoryVersion> fixed = new ArrayList<>(list);
                fixed.set(fixed.size() - 1, list.get(list.size() - 1).by(ours));
                entry.versions = List.copyOf(fixed);
                fire(id);
            }
            return;
        }
        if (movedPast(was, now)) {
            return; // the feed already brought a later version that contains this write
        }
        entry.latest = codec.write(now.tree()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        changed(id, entry, at, now.status(), FieldDiff.Side.of(was), FieldDiff.Side.of(now), paths, ours, false);
    }

    /** Whether {@code latest} already holds every message of {@code write} and more: it is a later version. */
    private static boolean movedPast(SessionDocument latest, SessionDocument write) {
        JsonNode has = latest.tree().path(SessionDocument.MESSAGES);
        JsonNode wrote = write.tree().path(SessionDocument.MESSAGES);
        if (!has.isArray() || !wrote.isArray() || has.size() <= wrote.size()) {
            return false;
        }
        for (int i = 0; i < wrote.size(); i++) {
            if (!has.get(i).equals(wrote.get(i))) {
                return false;
            }
        }
        return true;
    }

    private HistoryVersion version(Instant at, HistoryVersion.Author author, SessionStatus status, FieldDiff.Side was,
                                   FieldDiff.Side now, List<JsonPointer> paths, boolean found) {
        return new HistoryVersion(at, HistoryVersion.Kind.CHANGED, author, status,
                FieldDiff.of(was, now, paths.subList(0, Math.min(paths.size(), bounds.maxFields())), codec),
                Math.max(0, paths.size() - bounds.maxFields()), found);
    }

    /** The newest console mark among the messages this version added, or the claim it alone changed; else backend. */
    private HistoryVersion.Author attribute(JsonNode was, JsonNode now, List<JsonPointer> paths) {
        String actionId = null;
        String operator = "";
        for (JsonPointer path : paths) {
            if (isEntryOf(path, MESSAGES)) {
                Optional<ConsoleMessageMark> mark = ConsoleMessageMark.of(now.at(path));
                if (mark.isPresent()) {
                    actionId = mark.get().actionId();
                    operator = mark.get().operator().isEmpty() ? operator : mark.get().operator();
                }
            }
        }
        if (actionId == null && paths.stream().allMatch(p -> p.equals(CLAIM) || isEntryOf(p, CLAIM))) {
            JsonNode claim = now.path("console_claim");
            claim = claim.isObject() ? claim : was.path("console_claim");
            actionId = claim.path("id").asText(null);
            operator = claim.path("operator").asText("");
        }
        if (actionId == null) {
            return HistoryVersion.Author.BACKEND;
        }
        AuditRecord audit = audited.get(actionId);
        ActionKind action = null;
        if (audit != null) {
            operator = audit.operator();
            try {
                action = ActionKind.fromWire(audit.action());
            } catch (IllegalArgumentException unknown) {
                action = null;
            }
        }
        return new HistoryVersion.Author(ownActions.contains(actionId) ? HistoryVersion.Author.Type.THIS_CONSOLE
                : HistoryVersion.Author.Type.OTHER_CONSOLE, actionId, operator, action);
    }

    private static boolean isEntryOf(JsonPointer path, JsonPointer parent) {
        return path.toString().startsWith(parent.toString() + "/");
    }

    private void add(String id, Entry entry, HistoryVersion version) {
        List<HistoryVersion> list = new ArrayList<>(entry.versions.size() + 1);
        list.addAll(entry.versions);
        list.add(version);
        while (list.size() > bounds.perSession()) {
            list.remove(0);
        }
        entry.versions = List.copyOf(list);
        long bytes = estimate(version);
        order.add(new Slot(id, entry, version, bytes));
        keptBytes += bytes;
        // Every kept version has a slot; the slot of a version its session already dropped (its own bound) goes
        // stale and leaves in turn, so the slots bound the memory as well as the versions.
        while (order.size() > bounds.total() || (keptBytes > bounds.maxBytes() && order.size() > 1)) {
            Slot oldest = order.poll();
            keptBytes -= oldest.bytes();
            dropIfOldest(oldest);
        }
        kept = order.size();
        keptBytesShown = keptBytes;
        fire(id);
    }

    /** Heap of one version, over-estimated: object headers and two bytes per character of each string. */
    static long estimate(HistoryVersion version) {
        long bytes = 160;
        for (FieldDiff.Field field : version.fields()) {
            bytes += 64 + chars(field.field()) + chars(field.was()) + chars(field.now());
        }
        return bytes;
    }

    private static long chars(String text) {
        return text == null ? 0 : 48 + 2L * text.length();
    }

    /** The estimated heap the kept versions take (see {@link Bounds#maxBytes()}). */
    public long keptBytes() {
        return keptBytesShown;
    }

    /** Drops the slot's version if its session still keeps it; a session that ended and has none left goes. */
    private void dropIfOldest(Slot slot) {
        Entry entry = slot.entry();
        List<HistoryVersion> list = entry.versions;
        if (!list.isEmpty() && list.get(0).at().equals(slot.version().at())
                && list.get(0).fields() == slot.version().fields()) {
            entry.versions = List.copyOf(list.subList(1, list.size()));
        }
        if (entry.versions.isEmpty() && entry.latest == null) {
            sessions.remove(slot.id(), entry);
        }
    }

    private SessionDocument parse(String id, byte[] bytes) {
        return bytes != null && codec.parse(id, bytes) instanceof SessionDocument doc ? doc : null;
    }

    private void fire(String id) {
        for (Consumer<String> listener : listeners) {
            try {
                listener.accept(id);
            } catch (RuntimeException e) {
                LOG.warn("A history listener failed", e);
            }
        }
    }

    private static <V> Map<String, V> remembered() {
        return new LinkedHashMap<>(64, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > REMEMBERED_ACTIONS;
            }
        };
    }
}
