package io.welno.console.ui.actions;

import io.welno.console.ui.common.FxBatches;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.common.Notices;
import io.welno.console.ui.common.ReasonTips;
import io.welno.console.view.SessionRow;
import io.welno.console.flow.ActionKind;
import io.welno.console.flow.ActionRequest;
import io.welno.console.flow.ActionResult;
import io.welno.console.flow.FlowListener;
import io.welno.console.flow.FlowService;
import io.welno.console.flow.HoldOutcome;
import io.welno.console.flow.Operator;
import io.welno.console.view.Wording;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.SessionDocument;
import io.welno.console.text.SafeText;
import io.welno.console.view.ActionAvailability;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The action buttons of the detail pane and their shortcuts. Buttons mirror what the flow service allows
 * for this status and role, and every one that is grey says why in a tooltip that shows on a disabled button too
 * ({@link ReasonTips}); the flow service still decides: the dialog shows its preview, and the result it returns is
 * what the operator is told.
 */
public final class ActionsController {

    public static final Map<ActionKind, KeyCombination> SHORTCUTS = Map.of(
            ActionKind.SIMPLE_AUTH, new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
            ActionKind.MANUAL_COMPLETE, new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
            ActionKind.COLLECT, new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
            ActionKind.RESET_STUCK, new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));

    private final FlowService flow;
    private Operator operator;
    private final I18n i18n;
    private final Executor background;
    private final SessionCodec codec;
    private final ActionHost view;
    private ActionAvailability availability;
    private final boolean roleSwitchedInWindow;
    private final Map<ActionKind, Button> buttons = new EnumMap<>(ActionKind.class);
    private final Map<ActionKind, Tooltip> tips = new EnumMap<>(ActionKind.class);
    private final Map<ActionKind, String> reasons = new EnumMap<>(ActionKind.class);
    /** The connection-wide reasons (role, Tilko) under the buttons. */
    private final Label setupNote = new Label();
    /** Why the selected session is in the Stuck bucket. */
    private final Label stuckNote = new Label();
    /** Where this console's own change of the selected session stands: watched, kept or written over. */
    private final Label heldNote = new Label();
    /** The changes this console applied (alone or in a bulk run), the latest per session, with their holds. */
    private final HeldChanges held = new HeldChanges();
    /**
     * Held actions (applied, or a failure's write) on their way to {@link #held}: a bulk run's hundreds a second reach
     * the FX thread together.
     */
    private final FxBatches<ActionResult> applied = new FxBatches<>(this::noteApplied);
    private final InvalidationListener languageFollower = o -> refresh();
    private Consumer<ActionResult> resultListener = r -> { };

    /** @param roleSwitchedInWindow the demo, whose role box gives another role (said where a role refuses) */
    public ActionsController(FlowService flow, Operator operator, ActionHost view, I18n i18n, Executor background,
                      SessionCodec codec, boolean roleSwitchedInWindow) {
        this.flow = flow;
        this.operator = operator;
        this.view = view;
        this.i18n = i18n;
        this.background = background;
        this.codec = codec;
        this.roleSwitchedInWindow = roleSwitchedInWindow;
        this.availability = new ActionAvailability(flow, operator.role(), roleSwitchedInWindow);
        // Every action has its button, also those the role may not run: a grey button that says why (and how to
        // get the role) teaches more than a missing one.
        for (ActionKind kind : ActionKind.values()) {
            Button button = new Button();
            button.setId("action-" + kind.wire());
            button.textProperty().bind(i18n.text("action." + kind.wire()));
            button.setOnAction(e -> open(kind));
            buttons.put(kind, button);
            Tooltip tip = tips.computeIfAbsent(kind, k -> ReasonTips.tooltip());
            view.detail().actionsBar().getChildren().add(ReasonTips.holder(button, tip));
            // the hover's words for a screen reader, which reads a grey button too but never sees its tooltip
            button.accessibleHelpProperty().bind(tip.textProperty());
        }
        for (Label note : List.of(setupNote, stuckNote, heldNote)) {
            ReasonTips.note(note, view.detail().actionsBar());
        }
        heldNote.setId("actionHeldNote");
        setupNote.setId("actionSetupNote");
        stuckNote.setId("stuckReason");
        stuckNote.getStyleClass().add("warning");
        // Weakly: the language outlives this window's controller (a new connection gets a new window).
        i18n.localeProperty().addListener(new WeakInvalidationListener(languageFollower));
        view.onSelection(row -> refresh());
        // the live document and the clock change what is allowed: the pane tells after every copy and every second
        view.detail().addChangeListener(this::refresh);
        refresh();
        flow.addListener(new FlowNotices(view.notices(), i18n));
        // Every change of this console, a bulk run's too: the session's own pane says where it stands while the
        // backend can still undo it, whichever way it was made.
        flow.addListener(new FlowListener() {
            @Override
            public void onActionFinished(ActionResult result) {
                if (result.held()) {
                    applied.add(result);
                }
            }
        });
    }

    private void noteApplied(List<ActionResult> results) {
        for (ActionResult result : results) {
            held.put(result.request().sessionId(), new HeldChange(result.request().kind(), result.hold(),
                    result.applied() ? null : result.statusAfter()));
        }
        refresh();
    }

    /**
     * Acts as {@code next} from now on (the demo's role switch): every button stays, what it allows and why not are
     * re-evaluated for the new role.
     */
    public void useOperator(Operator next) {
        operator = next;
        availability = new ActionAvailability(flow, next.role(), roleSwitchedInWindow);
        refresh();
    }

    public void installShortcuts(Scene scene) {
        SHORTCUTS.forEach((kind, combination) -> scene.getAccelerators().put(combination, () -> shortcut(kind)));
    }

    /**
     * The action's key: its dialog when the button would open it; otherwise why not, in a notice. A grey button says
     * why on hover only, so a keyboard user who pressed the key was met with silence.
     */
    private void shortcut(ActionKind kind) {
        Button button = buttons.get(kind);
        if (button == null) {
            return;
        }
        if (!button.isDisabled()) {
            open(kind);
            return;
        }
        availability.of(kind, view.detail().current()).why().ifPresent(why -> view.notices().show(
                () -> SafeText.bounded(words().render(why), SafeText.TEXT), Notices.Kind.NEWS));
    }

    void onResult(Consumer<ActionResult> listener) {
        this.resultListener = listener;
    }

    /**
     * Enables what the flow service would allow for the selected session (it re-checks on perform), and says for
     * each button that is not plainly enabled why, with what would change that; the connection-wide reasons and
     * why the session counts as stuck are written under the buttons as well.
     */
    public void refresh() {
        SessionRow row = view.detail().current();
        Wording words = words();
        List<ActionAvailability.Verdict> verdicts = new ArrayList<>();
        for (Map.Entry<ActionKind, Button> entry : buttons.entrySet()) {
            ActionKind kind = entry.getKey();
            Button button = entry.getValue();
            ActionAvailability.Verdict verdict = availability.of(kind, row);
            verdicts.add(verdict);
            button.setDisable(verdict.state() == ActionAvailability.State.DISABLED);
            button.getStyleClass().remove("needs-override");
            if (verdict.state() == ActionAvailability.State.OVERRIDABLE) {
                button.getStyleClass().add("needs-override");
            }
            String shortcut = SHORTCUTS.get(kind).getDisplayText();
            String reason = verdict.why().map(w -> SafeText.bounded(words.render(w), SafeText.TEXT))
                    .orElse(i18n.get("action." + kind.wire()));
            tips.get(kind).setText(reason + " (" + shortcut + ")");
            reasons.put(kind, verdict.why().map(words::render).orElse(""));
        }
        ReasonTips.show(setupNote, availability.setupNotes(verdicts).stream().map(words::render)
                .collect(Collectors.joining("\n")));
        ReasonTips.show(stuckNote, view.whyStuck(row).map(words::render).orElse(""));
        HeldChange change = row == null ? null : held.get(row.id());
        HeldChange.Note note = change == null ? HeldChange.Note.NONE : change.note(i18n, view.detail().zone(),
                LocalDateTime.now(view.detail().clock().withZone(view.detail().zone())));
        ReasonTips.show(heldNote, note.text());
        heldNote.getStyleClass().remove("warning");
        if (note.warning()) {
            heldNote.getStyleClass().add("warning");
        }
    }

    /**
     * Why the action cannot run on the selected session, as the window says it (its tooltip without the
     * shortcut); empty when it can. For menus that offer the same action, and for tests.
     */
    public String reason(ActionKind kind) {
        return reasons.getOrDefault(kind, "");
    }

    private void open(ActionKind kind) {
        SessionRow row = view.detail().current();
        if (row == null) {
            return;
        }
        ActionDialog dialog = new ActionDialog(view.window(), flow, operator, kind, row.id(), i18n,
                background, codec);
        Runnable follow = new CopyWatch(row, dialog::sessionChanged, dialog::clockMoved);
        view.detail().addChangeListener(follow);
        try {
            dialog.showAndWait().ifPresent(this::perform);
        } finally {
            view.detail().removeChangeListener(follow);
        }
    }

    /**
     * Tells the dialog when the pane's copy of its session is no longer the one it last saw: other bytes, or the
     * session ended. The pane tells its listeners every second as well, and a resync hands it equal copies anew, so
     * a new row alone is not a change: such a call tells the dialog the clock moved instead.
     */
    private final class CopyWatch implements Runnable {
        private final String id;
        private final Runnable changed;
        /** Told on every other call: the pane's second, when the clock may have changed the verdict. */
        private final Runnable ticked;
        private SessionRow seen;

        CopyWatch(SessionRow opened, Runnable changed, Runnable ticked) {
            this.id = opened.id();
            this.seen = opened;
            this.changed = changed;
            this.ticked = ticked;
        }

        @Override
        public void run() {
            SessionRow now = view.detail().current();
            if (now == null || now == seen || !now.id().equals(id)) {
                ticked.run();
                return;
            }
            boolean differs = now.isEnded() != seen.isEnded() || !Arrays.equals(now.bytes(), seen.bytes());
            seen = now;
            if (differs) {
                changed.run();
            } else {
                ticked.run();
            }
        }
    }

    private void perform(ActionRequest request) {
        background.execute(() -> {
            ActionResult result = flow.perform(operator, request);
            Platform.runLater(() -> {
                // What happened in a sentence; the flow's full account (statuses, fields, Tilko's answer) on demand.
                Duration holdLeft = result.hold().remaining(); // timed as the hold is, not by the wall clock
                Runnable withdraw = view.notices().show(
                        () -> ResultHeadline.of(i18n, result, holdLeft, flow.options().holdWindow()),
                        () -> words().render(result.message()),
                        ResultHeadline.kind(result));
                // "Done, watched" is untrue once the hold ends without the change (written over, not confirmed, the
                // session ended): the hold's own notice says that, so this one goes rather than stand beside it,
                // however long it was kept open to be read (docs/flow.md, "Held actions"). So does a failure's "the
                // session is now error, watched" once that write is gone.
                result.hold().outcome().thenAccept(end -> {
                    if (result.held() && !end.kept()) {
                        Platform.runLater(withdraw);
                    } else if (ResultHeadline.confirmsWhenKept(result) && end.kind() == HoldOutcome.Kind.KEPT) {
                        // "Written, but not yet confirmed" promised that the hold's reads would tell: they found the
                        // change (or the status a failure left) and it stayed, so that notice gives way to one that
                        // says so, as a revert's would.
                        Platform.runLater(() -> {
                            withdraw.run();
                            view.notices().show(() -> ResultHeadline.confirmed(i18n, result, end),
                                    () -> words().render(end.message()), ResultHeadline.confirmedKind(result));
                        });
                    }
                });
                resultListener.accept(result);
                refresh();
            });
        });
    }

    private Wording words() {
        return Wording.window(i18n);
    }
}
