package io.welno.console.ui.actions;

import io.welno.console.ui.common.I18n;
import io.welno.console.ui.common.StatusChips;
import io.welno.console.view.SessionRow;
import io.welno.console.flow.ActionKind;
import io.welno.console.flow.ActionRequest;
import io.welno.console.flow.ActionResult;
import io.welno.console.flow.CollectionFinished;
import io.welno.console.flow.FlowListener;
import io.welno.console.flow.FlowService;
import io.welno.console.flow.Operator;
import io.welno.console.flow.HoldOutcome;
import io.welno.console.flow.Reapplied;
import io.welno.console.flow.RevertDetected;
import io.welno.console.view.Wording;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.SessionDocument;
import io.welno.console.text.SafeText;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The action buttons of the detail pane and their shortcuts. Buttons mirror what the flow service allows
 * for this status and role (with the reason as a tooltip when disabled), but the flow service decides:
 * the dialog shows its preview, and the result it returns is what the operator is told.
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
    private final Map<ActionKind, Button> buttons = new EnumMap<>(ActionKind.class);
    private Consumer<ActionResult> resultListener = r -> { };

    public ActionsController(FlowService flow, Operator operator, ActionHost view, I18n i18n, Executor background,
                      SessionCodec codec) {
        this.flow = flow;
        this.operator = operator;
        this.view = view;
        this.i18n = i18n;
        this.background = background;
        this.codec = codec;
        addButtons();
        view.onSelection(row -> refresh());
        flow.addListener(new FlowListener() {
            @Override
            public void onCollectionFinished(CollectionFinished finished) {
                Platform.runLater(() -> showNotification(i18n.format("notify.collection",
                        SafeText.bounded(finished.sessionId(), SafeText.FIELD),
                        StatusChips.text(i18n, finished.finalStatus())), false));
            }

            @Override
            public void onRevertDetected(RevertDetected revert) {
                Platform.runLater(() -> showNotification(revert.ours()
                        ? i18n.format("notify.revert.short", revert.sessionId(), actionName(revert))
                        : i18n.format("notify.revert.other.short", revert.sessionId(), actionName(revert),
                                revert.operator()), words().render(revert.lost()), true));
            }

            @Override
            public void onReapplied(Reapplied reapplied) {
                Platform.runLater(() -> showNotification(i18n.format(reapplied.applied() ? "notify.reapplied.short"
                                : "notify.reapplied.failed", reapplied.sessionId()),
                        words().render(reapplied.message()), !reapplied.applied()));
            }

            @Override
            public void onHoldEnded(String sessionId, String actionId, HoldOutcome outcome) {
                if (outcome.kind() == HoldOutcome.Kind.VANISHED || outcome.kind() == HoldOutcome.Kind.UNCONFIRMED) {
                    Platform.runLater(() -> showNotification(i18n.format("notify.holdEnded.short", sessionId),
                            words().render(outcome.message()), true));
                }
            }
        });
    }

    /** One button per action the operator's role may run. */
    private void addButtons() {
        if (!operator.role().mayWrite()) {
            return;
        }
        for (ActionKind kind : ActionKind.values()) {
            if (!operator.role().allows(kind)) {
                continue;
            }
            Button button = new Button();
            button.setId("action-" + kind.wire());
            button.textProperty().bind(i18n.text("action." + kind.wire()));
            button.setOnAction(e -> open(kind));
            buttons.put(kind, button);
            view.detail().actionsBar().getChildren().add(button);
        }
    }

    /** Acts as {@code next} from now on (the demo's role switch): the buttons become the ones its role may run. */
    public void useOperator(Operator next) {
        view.detail().actionsBar().getChildren().removeAll(buttons.values());
        buttons.clear();
        operator = next;
        addButtons();
        refresh();
    }

    public void installShortcuts(Scene scene) {
        SHORTCUTS.forEach((kind, combination) -> scene.getAccelerators().put(combination, () -> {
            Button button = buttons.get(kind);
            if (button != null && !button.isDisabled()) {
                open(kind);
            }
        }));
    }

    void onResult(Consumer<ActionResult> listener) {
        this.resultListener = listener;
    }

    /** Enables what the flow service would allow for the selected session (it re-checks on perform). */
    void refresh() {
        SessionRow row = view.detail().current();
        SessionDocument doc = row == null || row.isEnded() ? null : row.document();
        for (Map.Entry<ActionKind, Button> entry : buttons.entrySet()) {
            ActionKind kind = entry.getKey();
            Button button = entry.getValue();
            if (doc == null) {
                button.setDisable(true);
                button.setTooltip(null);
                continue;
            }
            Optional<String> whyNot = flow.whyNot(kind, doc, operator.role()).map(words()::render);
            boolean overridable = whyNot.isPresent() && flow.canOverride(kind, doc, operator.role());
            button.setDisable(whyNot.isPresent() && !overridable);
            String shortcut = SHORTCUTS.get(kind).getDisplayText();
            button.setTooltip(new Tooltip(whyNot.map(w -> SafeText.bounded(w, SafeText.TEXT)
                            + (overridable ? " " + i18n.get("action.overridable") : ""))
                    .orElse(i18n.get("action." + kind.wire())) + " (" + shortcut + ")"));
            button.getStyleClass().remove("needs-override");
            if (overridable) {
                button.getStyleClass().add("needs-override");
            }
        }
    }

    private void open(ActionKind kind) {
        SessionRow row = view.detail().current();
        if (row == null) {
            return;
        }
        ActionDialog dialog = new ActionDialog(view.window(), flow, operator, kind, row.id(), i18n,
                background, codec);
        dialog.showAndWait().ifPresent(this::perform);
    }

    private void perform(ActionRequest request) {
        background.execute(() -> {
            ActionResult result = flow.perform(operator, request);
            Platform.runLater(() -> {
                // What happened in a sentence; the flow's full account (statuses, fields, Tilko's answer) on demand.
                showNotification(i18n.format("notify.result." + result.outcome().name(),
                        i18n.get("action." + result.request().kind().wire()),
                        SafeText.bounded(result.request().sessionId(), SafeText.FIELD)),
                        words().render(result.message()), !result.applied());
                resultListener.accept(result);
                refresh();
            });
        });
    }

    private Wording words() {
        return Wording.window(i18n);
    }

    private String actionName(RevertDetected revert) {
        return revert.action() == null ? i18n.get("action.unknown") : i18n.get("action." + revert.action().wire());
    }

    /** The text quotes reasons, session ids and Tilko or Redis errors: the notices escape and bound it. */
    public void showNotification(String text, boolean warning) {
        view.notices().show(text, warning);
    }

    /** A headline in plain words, with the full account behind the notice's "Details". */
    public void showNotification(String headline, String detail, boolean warning) {
        view.notices().show(headline, detail, warning);
    }
}
