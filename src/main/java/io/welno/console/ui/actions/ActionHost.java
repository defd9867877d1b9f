package io.welno.console.ui.actions;

import io.welno.console.text.Phrase;
import io.welno.console.ui.common.Notices;
import io.welno.console.ui.detail.DetailPane;
import io.welno.console.view.SessionRow;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.stage.Window;

/**
 * What the actions feature needs from the window around it: the detail pane whose bar holds the buttons, the
 * selection it follows, a window to own its dialogs and the window's notices. The shell implements it, so actions never import the shell.
 */
public interface ActionHost {

    DetailPane detail();

    void onSelection(Consumer<SessionRow> listener);

    Window window();

    /** Why the session is in the Stuck bucket now, by the table's own policy; empty when it is not there. */
    default Optional<Phrase> whyStuck(SessionRow row) {
        return Optional.empty();
    }

    Notices notices();
}
