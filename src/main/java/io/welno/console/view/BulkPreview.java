package io.welno.console.view;

import io.welno.console.flow.ActionPreview;
import io.welno.console.session.SessionStatus;
import io.welno.console.text.Phrase;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A bulk action's preview as the dialog lists it: per session, the status it has and the status the action's first
 * write gives it, or the rule that refuses it (the flow's own refusal, the same words a single action's dialog
 * shows). Allowed sessions first would hide the refusals in a long list, so the flow's order is kept. The window keeps
 * it true while its dialog is open ({@link LiveBulkPreview}); a run leaves alone the sessions it refuses at the press,
 * and the flow checks each of the others again at its turn: a session may change between the press and its turn.
 */
public record BulkPreview(List<Line> lines) {

    /**
     * One session.
     *
     * @param before the status now, or null when it could not be read
     * @param after  the status after the first write, or null when refused
     * @param what   {@code bulk.preview.change} (before → after), {@code bulk.preview.same} when the first write keeps
     *               the status (a re-sent request claims a session already requesting), or the refusal
     * @param judgedUntil until when the clock alone cannot change this line (the flow's
     *               {@link ActionPreview#judgedUntil}, backend wall-clock time); null when it never can
     */
    public record Line(String sessionId, boolean allowed, SessionStatus before, SessionStatus after, Phrase what,
                       LocalDateTime judgedUntil) {

        /** A line the clock cannot change. */
        public Line(String sessionId, boolean allowed, SessionStatus before, SessionStatus after, Phrase what) {
            this(sessionId, allowed, before, after, what, null);
        }
    }

    public BulkPreview {
        lines = List.copyOf(lines);
    }

    public static BulkPreview of(List<ActionPreview> previews) {
        List<Line> out = new ArrayList<>(previews.size());
        for (ActionPreview p : previews) {
            SessionStatus before = p.before() == null ? null : p.before().status();
            SessionStatus after = p.after() == null ? null : p.after().status();
            Phrase what = !p.allowed() ? p.refusal()
                    : before != null && before.equals(after) ? Phrase.of("bulk.preview.same", before)
                    : Phrase.of("bulk.preview.change", named(before), named(after));
            out.add(new Line(p.request().sessionId(), p.allowed(), before, after, what, p.judgedUntil()));
        }
        return new BulkPreview(out);
    }

    private static Object named(SessionStatus status) {
        return status == null ? Phrase.of("status.unknownValue") : status;
    }

    public int allowed() {
        return (int) lines.stream().filter(Line::allowed).count();
    }

    public int refused() {
        return lines.size() - allowed();
    }
}
