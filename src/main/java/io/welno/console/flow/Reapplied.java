package io.welno.console.flow;

import io.welno.console.text.Phrase;

/**
 * One attempt to put a reverted change back during its hold.
 *
 * @param attempt  1 for the first re-apply of this action, and so on
 * @param outcome  {@link ActionResult.Outcome#APPLIED} when it is back in Redis; otherwise why not
 * @param message  what happened, e.g. which field someone else changed meanwhile
 */
public record Reapplied(String sessionId, ActionKind action, String actionId, int attempt,
                        ActionResult.Outcome outcome, Phrase message) {

    public boolean applied() {
        return outcome == ActionResult.Outcome.APPLIED;
    }
}
