package io.welno.console.flow;

import com.fasterxml.jackson.databind.JsonNode;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionEditor;
import io.welno.console.store.UpdateResult;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What each try of one write sent — the document it replaced and the message it appended — and whether the answer
 * of any try was lost (a timeout or a broken connection after it was sent). Such a try may have happened after all;
 * its message, with this action's mark and the moment it was made, is in the session only if it did
 * (docs/flow.md, "Actions").
 */
final class SentWrites {

    record Try(SessionDocument replaced, JsonNode message) {
    }

    private final List<Try> tries = new CopyOnWriteArrayList<>();
    private volatile boolean answerLost;

    /** Called by the mutation after it made its change; a try that appended no message cannot be recognised. */
    void record(SessionDocument current, SessionEditor edit) {
        JsonNode messages = edit.tree().get(SessionDocument.MESSAGES);
        if (messages != null && messages.isArray() && messages.size() > current.messageCount()) {
            tries.add(new Try(current, messages.get(messages.size() - 1).deepCopy()));
        }
    }

    /** Notes the result of one update; true when its answer was lost. */
    boolean noteResult(UpdateResult result) {
        if (result instanceof UpdateResult.Failed failed && failed.outcomeUnknown()) {
            answerLost = true;
        }
        return answerLost;
    }

    /** The try whose message {@code doc} holds: the write that landed. */
    Optional<Try> foundIn(SessionDocument doc) {
        for (Try sent : tries) {
            if (RevertWatch.containsMessage(doc, sent.message())) {
                return Optional.of(sent);
            }
        }
        return Optional.empty();
    }
}
