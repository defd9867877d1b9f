package io.welno.console.flow;

import io.welno.console.session.SessionDocument;
import io.welno.console.store.SessionMutation;
import io.welno.console.text.Phrase;
import java.util.List;

/**
 * One kind of action, whole: the rules that decide whether it may touch a session, the first write (which the
 * dialog previews), what follows it, and how it runs. The common part — reason, role, Tilko configured, the
 * backend's read rules, audit, hold, listeners — is {@link FlowService}'s. A fifth action is a fifth
 * implementation plus one line in {@link ActionRegistry}.
 */
interface FlowAction {

    ActionKind kind();

    /**
     * The rules of this action the document breaks, in the order an operator should read them (the status first
     * where it is the natural explanation). The backend's read rules are added by {@link Guards}.
     */
    void problems(SessionDocument doc, Guards.Context context, List<Refusal> out);

    /** The first write: the whole change, or the claim of an action that calls Tilko next. */
    SessionMutation firstWrite(Operator operator, ActionRequest request, String actionId, FlowRuntime runtime);

    /** What happens after the first write, for the preview; null when nothing does. */
    Phrase followUp(ActionRequest request, FlowOptions options);

    /** Runs the action; the common checks have passed. Never throws for what Redis, Tilko or the document do. */
    Execution execute(Operator operator, ActionRequest request, String actionId, FlowRuntime runtime);

    /**
     * @param afterReport run once the result has been reported and audited (a collection starts in the
     *                    background only then, so its events never come before the action's own)
     * @param holdsWrite  the result's writes are held: an applied one's, or a failure's whose last write it tells of
     *                    as the session's state (a simple-auth that Tilko refused leaves the session in error)
     */
    record Execution(ActionResult result, Runnable afterReport, boolean holdsWrite) {
        Execution(ActionResult result, Runnable afterReport) {
            this(result, afterReport, result.applied());
        }

        Execution(ActionResult result) {
            this(result, null);
        }

        /** A result that did not apply the action, but whose last write stands and is held like an applied one. */
        static Execution heldFailure(ActionResult result) {
            return new Execution(result, null, true);
        }
    }
}
