package io.welno.console.view;

import io.welno.console.flow.ActionKind;
import io.welno.console.flow.FlowService;
import io.welno.console.flow.Role;
import io.welno.console.text.Phrase;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether an action can be started on the selected session, and if not why, with what would change that. The
 * rules are the flow service's ({@link FlowService#whyNot}, {@link FlowService#whyNotForAnySession}); this adds
 * the window's part: no session, an ended or unreadable one, and for the refusals a support person can do
 * something about (the role, Tilko not set up) how to do it.
 */
public final class ActionAvailability {

    /** What a button does with a verdict: run, run only with a developer's override, or stay disabled. */
    public enum State { ENABLED, OVERRIDABLE, DISABLED }

    /**
     * @param reason why not (with its fix when there is one), or null when the action is enabled
     * @param setup  whether the reason lies in the connection (role, Tilko) rather than in this session, so
     *               it holds for every session and is worth saying once where the actions are
     */
    public record Verdict(ActionKind kind, State state, Phrase reason, boolean setup) {

        public Verdict {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(state, "state");
        }

        public Optional<Phrase> why() {
            return Optional.ofNullable(reason);
        }
    }

    /** Refusal codes whose remedy is outside the session, and the sentence that says what to do. */
    private static final Map<String, String> FIXES = Map.of(
            "flow.role.viewer", "fix.role",
            "flow.role.needsDeveloper", "fix.role",
            "flow.tilko.missing", "fix.tilko");

    private final FlowService flow;
    private final Role role;
    /** The demo's: the role is switched in the window (its role box), not chosen with a connection profile. */
    private final boolean roleSwitchedInWindow;

    public ActionAvailability(FlowService flow, Role role) {
        this(flow, role, false);
    }

    /** @param roleSwitchedInWindow the demo: its role box, not a profile, gives another role, and the fix says so */
    public ActionAvailability(FlowService flow, Role role, boolean roleSwitchedInWindow) {
        this.flow = Objects.requireNonNull(flow, "flow");
        this.role = Objects.requireNonNull(role, "role");
        this.roleSwitchedInWindow = roleSwitchedInWindow;
    }

    /** @param row the selected session, or null when none is */
    public Verdict of(ActionKind kind, SessionRow row) {
        Optional<Phrase> setup = flow.whyNotForAnySession(kind, role);
        if (setup.isPresent()) {
            return new Verdict(kind, State.DISABLED, withFix(setup.get()), true);
        }
        if (row == null) {
            return new Verdict(kind, State.DISABLED, Phrase.of("action.why.noSession"), false);
        }
        if (row.isEnded()) {
            return new Verdict(kind, State.DISABLED, Phrase.of("action.why.ended"), false);
        }
        if (!row.readable()) {
            return new Verdict(kind, State.DISABLED, Phrase.of("action.why.unreadable"), false);
        }
        Optional<Phrase> whyNot = flow.whyNot(kind, row.document(), role);
        if (whyNot.isEmpty()) {
            return new Verdict(kind, State.ENABLED, null, false);
        }
        boolean overridable = flow.canOverride(kind, row.document(), role);
        return new Verdict(kind, overridable ? State.OVERRIDABLE : State.DISABLED,
                overridable ? Phrase.of("action.overridable", withFix(whyNot.get())) : withFix(whyNot.get()),
                false);
    }

    /**
     * The connection-wide reasons among {@code verdicts}, once each and without naming one action: "Viewers can
     * watch sessions but not change them. The role comes from …". Said where the actions are, so a row of grey
     * buttons explains itself before anyone hovers over one.
     */
    public List<Phrase> setupNotes(Collection<Verdict> verdicts) {
        Set<String> keys = new LinkedHashSet<>();
        for (Verdict verdict : verdicts) {
            if (verdict.setup()) {
                keys.add(refusalKey(verdict.reason()));
            }
        }
        List<Phrase> notes = new ArrayList<>();
        for (String key : keys) {
            notes.add(withFix(new Phrase("setup." + key, List.of(role))));
        }
        return notes;
    }

    private static String refusalKey(Phrase reason) {
        return reason.key().equals("action.why.fix") ? ((Phrase) reason.arg(0)).key() : reason.key();
    }

    /** The refusal followed by what to do about it, when the window knows that. */
    private Phrase withFix(Phrase reason) {
        String fix = FIXES.get(reason.key().startsWith("setup.") ? reason.key().substring(6) : reason.key());
        if (fix != null && fix.equals("fix.role") && roleSwitchedInWindow) {
            fix = "fix.role.demo"; // the demo has no profile to choose: Connections… would leave it
        }
        return fix == null ? reason : Phrase.of("action.why.fix", reason, Phrase.of(fix));
    }
}
