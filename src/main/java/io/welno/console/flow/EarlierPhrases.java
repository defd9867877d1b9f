package io.welno.console.flow;

import io.welno.console.session.SessionStatus;
import io.welno.console.text.Phrase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a guard's or an outcome's sentence stored in an audit entry by an earlier console as this console's sentence.
 * Earlier sentences wrote the action's and the status's stored names into their words ("collect is refused…", "the
 * session is now error"); these take them as arguments, so the window can name them as its menus and table do. An
 * earlier entry is known by its key and its number of arguments, and gets the arguments it lacked, which are fixed by
 * the key: the code that wrote it always named the same action and left the session in the same status. Any other
 * phrase is read as it was stored.
 */
final class EarlierPhrases {

    private static final Map<String, Function<List<Object>, Phrase>> UPGRADES = Map.ofEntries(
            appending("guard.simpleAuth.inFlightUnknown", 0, ActionKind.SIMPLE_AUTH, SessionStatus.AUTH_REQUESTING),
            appending("guard.simpleAuth.inFlight", 2, ActionKind.SIMPLE_AUTH, SessionStatus.AUTH_REQUESTING),
            appending("guard.simpleAuth.duplicate", 1, ActionKind.SIMPLE_AUTH),
            appending("guard.simpleAuth.authType", 1, ActionKind.SIMPLE_AUTH),
            appending("guard.manualComplete.noTemp", 1, ActionKind.MANUAL_COMPLETE),
            appending("guard.collect.here", 0, ActionKind.COLLECT),
            appending("guard.collect.running", 1, ActionKind.COLLECT),
            appending("guard.collect.started", 1, ActionKind.COLLECT),
            appending("guard.collect.noAuth", 1, ActionKind.COLLECT, ActionKind.MANUAL_COMPLETE),
            appending("guard.reset.here", 0, ActionKind.RESET_STUCK),
            appending("guard.reset.notStarted", 1, ActionKind.RESET_STUCK),
            appending("guard.reset.leased", 2, ActionKind.RESET_STUCK),
            appending("guard.reset.idleUnknown", 1, ActionKind.RESET_STUCK),
            appending("guard.reset.notStuck", 3, ActionKind.RESET_STUCK),
            // Outcomes: the statuses the session was left in, and the action to run next.
            appending("flow.reset.applied", 1, SessionStatus.AUTH_COMPLETED, ActionKind.COLLECT),
            appending("flow.manualComplete.applied", 0, SessionStatus.AUTH_COMPLETED),
            appending("flow.approval.notApproved", 1, SessionStatus.AUTH_COMPLETED),
            appending("flow.simpleAuth.followUp", 1, SessionStatus.AUTH_REQUEST_SENT, SessionStatus.ERROR),
            appending("flow.simpleAuth.applied", 1, SessionStatus.AUTH_REQUEST_SENT),
            appending("flow.simpleAuth.failed", 1, SessionStatus.ERROR),
            appending("flow.simpleAuth.noAnswer", 1, SessionStatus.ERROR),
            appending("flow.simpleAuth.notSaved", 3, SessionStatus.AUTH_REQUESTING, ActionKind.SIMPLE_AUTH),
            appending("flow.simpleAuth.saveUnknown", 2, SessionStatus.AUTH_REQUEST_SENT, SessionStatus.AUTH_REQUESTING),
            appending("flow.collect.applied", 0, SessionStatus.FETCHING_HEALTH_DATA),
            appending("flow.collect.followUp", 0, SessionStatus.COMPLETED, SessionStatus.AUTH_COMPLETED,
                    SessionStatus.INFO_REQUIRED, SessionStatus.ERROR),
            appending("collection.notApproved", 1, SessionStatus.AUTH_COMPLETED, ActionKind.COLLECT),
            appending("collection.infoRequired", 1, SessionStatus.INFO_REQUIRED),
            appending("collection.healthFailed", 1, SessionStatus.ERROR),
            appending("collection.completed", 2, SessionStatus.COMPLETED),
            appending("collection.nothing", 0, SessionStatus.ERROR),
            appending("collection.unexpected", 1, SessionStatus.ERROR),
            appending("collection.interrupted", 0, SessionStatus.AUTH_COMPLETED),
            appending("collection.rejected", 0, SessionStatus.AUTH_COMPLETED),
            appending("collection.notStarted", 0, SessionStatus.AUTH_COMPLETED),
            appending("collection.stoppedByChange", 1, SessionStatus.AUTH_COMPLETED),
            appending("collection.notReleased", 1, ActionKind.RESET_STUCK),
            // The "status" sentences became the "needs" ones: the same statuses, and the action named.
            Map.entry(signature("guard.simpleAuth.status", 1), args -> Phrase.of("guard.simpleAuth.needs",
                    List.of(SessionStatus.INITIATED, SessionStatus.ERROR), SessionStatus.AUTH_REQUESTING,
                    args.get(0), ActionKind.SIMPLE_AUTH)),
            renamed("guard.manualComplete.status", "guard.manualComplete.needs", ActionKind.MANUAL_COMPLETE),
            renamed("guard.collect.status", "guard.collect.needs", ActionKind.COLLECT),
            renamed("guard.reset.status", "guard.reset.needs", ActionKind.RESET_STUCK));

    private EarlierPhrases() {
    }

    /** The phrase as this console words it: an earlier sentence with the arguments it lacked, else itself. */
    static Phrase upgrade(Phrase stored) {
        Function<List<Object>, Phrase> upgrade = UPGRADES.get(signature(stored.key(), stored.args().size()));
        return upgrade == null ? stored : upgrade.apply(stored.args());
    }

    private static Map.Entry<String, Function<List<Object>, Phrase>> appending(String key, int arity, Object... added) {
        return Map.entry(signature(key, arity), args -> new Phrase(key, concat(args, added)));
    }

    /** An earlier {@code status} sentence (allowed statuses, status seen) as its {@code needs} sentence. */
    private static Map.Entry<String, Function<List<Object>, Phrase>> renamed(String key, String now, ActionKind kind) {
        return Map.entry(signature(key, 2), args -> new Phrase(now, concat(args, kind)));
    }

    private static List<Object> concat(List<Object> args, Object... added) {
        List<Object> all = new ArrayList<>(args);
        all.addAll(List.of(added));
        return all;
    }

    private static String signature(String key, int arity) {
        return key + "/" + arity;
    }
}
