package io.welno.console.view;

import io.welno.console.text.Phrase;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * A bulk dialog's preview kept true while the dialog is open: the lines of a {@link BulkPreview}, in its order, each
 * replaced when its session changes. The feed names the sessions that changed once per frame; {@link #changed} marks
 * this preview's among them (a look-up per changed session, whatever the preview's size), {@link #takeChanged} hands
 * them out to be previewed again, and {@link #replace} puts their new lines in place and moves the counts by the
 * difference. The clock changes a line too, with no write to hear of (a session passes its {@code expires_at}, or
 * becomes stuck): {@link #outdatedAt} marks the lines judged to hold only until a moment that has passed, taking them
 * from a queue ordered by that moment, so a tick looks at those lines alone. What a run started now acts on is what
 * the lines say now: {@link #allowedIds} and {@link #refusals}.
 *
 * <p>Made where the first preview is made (off the FX thread: it indexes every session once), then used on one thread.
 */
public final class LiveBulkPreview {

    private final BulkPreview.Line[] lines;
    private final Map<String, Integer> positions;
    /** Sessions that changed since their line was made, waiting to be previewed again, in the order they changed. */
    private final Set<String> waiting = new LinkedHashSet<>();
    /** Every session of this preview that changed while it was open. */
    private final Set<String> changedSinceOpen = new HashSet<>();
    /** The lines the clock may change, earliest first; an entry whose line was replaced since is stale. */
    private final PriorityQueue<Due> due = new PriorityQueue<>(Comparator.comparing(Due::judgedUntil));
    private int allowed;

    private record Due(LocalDateTime judgedUntil, int position, BulkPreview.Line line) {
    }

    public LiveBulkPreview(BulkPreview first) {
        lines = first.lines().toArray(new BulkPreview.Line[0]);
        positions = new HashMap<>(lines.length * 2);
        for (int i = 0; i < lines.length; i++) {
            positions.putIfAbsent(lines[i].sessionId(), i);
            allowed += lines[i].allowed() ? 1 : 0;
            watchClock(i);
        }
    }

    private void watchClock(int position) {
        BulkPreview.Line line = lines[position];
        if (line.judgedUntil() != null) {
            due.add(new Due(line.judgedUntil(), position, line));
        }
    }

    /**
     * Marks, to be previewed again, the sessions whose line the clock may have made untrue by {@code now} (backend
     * wall-clock time, the flow's): past their {@link BulkPreview.Line#judgedUntil}. They did not change, so they do
     * not count in {@link #changedSinceOpen}.
     *
     * @return whether any was marked
     */
    public boolean outdatedAt(LocalDateTime now) {
        boolean any = false;
        while (!due.isEmpty() && now.isAfter(due.peek().judgedUntil())) {
            Due next = due.poll();
            if (lines[next.position()] == next.line()) {
                waiting.add(next.line().sessionId());
                any = true;
            }
        }
        return any;
    }

    /**
     * Marks the sessions of this preview among {@code ids} (the sessions a frame changed) to be previewed again.
     *
     * @return whether any of them is this preview's
     */
    public boolean changed(Collection<String> ids) {
        boolean any = false;
        for (String id : ids) {
            if (positions.containsKey(id)) {
                waiting.add(id);
                changedSinceOpen.add(id);
                any = true;
            }
        }
        return any;
    }

    /** The sessions to preview again (those marked since the last call), in the order they changed. */
    public List<String> takeChanged() {
        List<String> out = new ArrayList<>(waiting);
        waiting.clear();
        return out;
    }

    /**
     * Puts new lines in place of the old ones of their sessions (lines of sessions not in this preview are ignored).
     *
     * @return the positions whose line was replaced
     */
    public int[] replace(List<BulkPreview.Line> again) {
        int[] replaced = new int[again.size()];
        int n = 0;
        for (BulkPreview.Line line : again) {
            Integer at = positions.get(line.sessionId());
            if (at == null) {
                continue;
            }
            allowed += (line.allowed() ? 1 : 0) - (lines[at].allowed() ? 1 : 0);
            lines[at] = line;
            watchClock(at);
            replaced[n++] = at;
        }
        return Arrays.copyOf(replaced, n);
    }

    public BulkPreview.Line line(int position) {
        return lines[position];
    }

    /** Every line, in the preview's order (a copy). */
    public List<BulkPreview.Line> lines() {
        return List.of(lines);
    }

    public int size() {
        return lines.length;
    }

    /** Sessions that will change, as the lines say now. */
    public int allowed() {
        return allowed;
    }

    public int refused() {
        return lines.length - allowed;
    }

    /** How many of this preview's sessions changed while it was open. */
    public int changedSinceOpen() {
        return changedSinceOpen.size();
    }

    /** The sessions the lines refuse now, each with its refusal, in the preview's order. */
    public Map<String, Phrase> refusals() {
        Map<String, Phrase> out = new LinkedHashMap<>();
        for (BulkPreview.Line line : lines) {
            if (!line.allowed()) {
                out.put(line.sessionId(), line.what());
            }
        }
        return out;
    }

    /** The sessions the lines allow now, in the preview's order. */
    public List<String> allowedIds() {
        List<String> out = new ArrayList<>(allowed);
        for (BulkPreview.Line line : lines) {
            if (line.allowed()) {
                out.add(line.sessionId());
            }
        }
        return out;
    }
}
