package io.welno.console.flow;

import io.welno.console.session.AuthCredentials;
import io.welno.console.session.AuthProvider;
import io.welno.console.session.DocumentWarning;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionStatus;
import io.welno.console.session.Timestamps;
import io.welno.console.session.UserInfo;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The rules that decide whether an action may touch a session, as sentences. They are evaluated on the
 * document the store just read, again on every compare-and-set attempt, so a session that moves on while
 * the operator is deciding is refused rather than overwritten.
 *
 * <p>A <em>hard</em> rule protects Tilko or the backend from something that cannot work or would run twice
 * (two SimpleAuthRequests in flight, a collection without credentials); no role can override it. The other
 * rules follow the backend's flow and a developer may override them; the override is recorded.
 *
 * <table>
 *   <caption>Guards (besides the role)</caption>
 *   <tr><th>action</th><th>statuses (overridable)</th><th>hard requirements</th><th>other overridable rules</th></tr>
 *   <tr><td>simple-auth</td><td>initiated, error, auth_requesting idle ≥ 150 s</td>
 *       <td>no collection running; auth_requesting idle ≥ 150 s; user_info has name, birthdate, phone_no,
 *       private_auth_type</td><td>auth type 0, 4 or 6; readable by the backend</td></tr>
 *   <tr><td>manual-auth-complete</td><td>auth_request_sent, auth_pending, auth_completed, authenticated</td>
 *       <td>temp_auth_data with cxId; no collection running</td><td>readable by the backend</td></tr>
 *   <tr><td>collect</td><td>auth_completed, authenticated</td>
 *       <td>auth_data with CxId; user_info complete; no collection running (fetching_* with collection_started,
 *       or this console collecting it)</td><td>collection_started false; readable by the backend</td></tr>
 *   <tr><td>reset-stuck</td><td>fetching_health_data, fetching_prescription_data</td>
 *       <td>this console is not collecting it</td><td>collection_started true; idle ≥ 10 min;
 *       readable by the backend</td></tr>
 * </table>
 *
 * <p>"Idle" is the time since the last progress: the newest message timestamp, {@code collection_start_time}
 * or the console's claim time, whichever is latest. {@code updated_at} is not used because the browser's
 * status poll rewrites it every few seconds while nothing happens.
 */
public final class Guards {

    /** One reason to refuse; {@code overridable} when a developer may override it. */
    public record Refusal(String sentence, boolean overridable) {
    }

    static final List<SessionStatus> SIMPLE_AUTH_FROM =
            List.of(SessionStatus.INITIATED, SessionStatus.ERROR, SessionStatus.AUTH_REQUESTING);
    static final List<SessionStatus> MANUAL_COMPLETE_FROM = List.of(SessionStatus.AUTH_REQUEST_SENT,
            SessionStatus.AUTH_PENDING, SessionStatus.AUTH_COMPLETED, SessionStatus.AUTHENTICATED);
    static final List<SessionStatus> COLLECT_FROM = List.of(SessionStatus.AUTH_COMPLETED, SessionStatus.AUTHENTICATED);
    static final List<SessionStatus> RESET_FROM =
            List.of(SessionStatus.FETCHING_HEALTH_DATA, SessionStatus.FETCHING_PRESCRIPTION_DATA);

    private final FlowOptions options;
    private final Timestamps timestamps;

    public Guards(FlowOptions options, Timestamps timestamps) {
        this.options = options;
        this.timestamps = timestamps;
    }

    /**
     * Every rule the document breaks for this action, in the order an operator should read them (the status
     * first where it is the natural explanation).
     *
     * @param locallyCollecting whether this console is running a collection for a session id
     */
    public List<Refusal> problems(ActionKind kind, SessionDocument doc, Predicate<String> locallyCollecting) {
        List<Refusal> out = new ArrayList<>();
        SessionStatus status = doc.status();
        String seen = status.isMissing() ? "the session has no status" : "the session is " + status;
        boolean collectionRunning = status.isFetching() && doc.collectionStarted();
        switch (kind) {
            case SIMPLE_AUTH -> {
                if (collectionRunning) {
                    out.add(new Refusal("simple-auth is refused: a collection is marked as running (status " + status
                            + ", collection_started = true); reset it first.", false));
                }
                if (status.equals(SessionStatus.AUTH_REQUESTING)) {
                    Optional<Duration> idle = idleFor(doc);
                    if (idle.isEmpty()) {
                        out.add(new Refusal("simple-auth is refused: the session is auth_requesting and it cannot be "
                                + "told how long ago the request started, so a Tilko request may still be in flight.", false));
                    } else if (idle.get().compareTo(options.staleAuthRequestAfter()) < 0) {
                        out.add(new Refusal("simple-auth is refused: the session has been auth_requesting for only "
                                + human(idle.get()) + ", so a Tilko request may still be in flight (it counts as stale after "
                                + human(options.staleAuthRequestAfter()) + ").", false));
                    }
                } else if (!SIMPLE_AUTH_FROM.contains(status)) {
                    out.add(new Refusal("simple-auth needs status initiated, error or a stale auth_requesting, but "
                            + seen + ".", true));
                }
                personProblem(doc, "simple-auth").ifPresent(out::add);
                AuthProvider provider = doc.provider();
                if (doc.userInfo().privateAuthType() != null && !provider.acceptedByBackend()) {
                    out.add(new Refusal("simple-auth is refused: private_auth_type "
                            + doc.userInfo().privateAuthType() + " is not one the backend accepts (0, 4 or 6).", true));
                }
            }
            case MANUAL_COMPLETE -> {
                Optional<AuthCredentials> temp = doc.tempAuthData();
                if (temp.isEmpty() || !temp.get().hasCxId()) {
                    out.add(new Refusal("manual-auth-complete needs temp_auth_data from a successful simple-auth, but "
                            + "the session has none (status " + status + ").", false));
                }
                if (collectionRunning) {
                    out.add(new Refusal("manual-auth-complete is refused: a collection is marked as running (status "
                            + status + ", collection_started = true); reset it first.", false));
                } else if (!MANUAL_COMPLETE_FROM.contains(status)) {
                    out.add(new Refusal("manual-auth-complete needs status auth_request_sent, auth_pending, "
                            + "auth_completed or authenticated, but " + seen + ".", true));
                }
            }
            case COLLECT -> {
                if (locallyCollecting.test(doc.id())) {
                    out.add(new Refusal("collect is refused: this console is already collecting this session.", false));
                }
                if (collectionRunning) {
                    out.add(new Refusal("collect is refused: a collection is already running or stuck (status "
                            + status + ", collection_started = true); reset it first.", false));
                } else {
                    if (!COLLECT_FROM.contains(status)) {
                        out.add(new Refusal("collect needs status auth_completed or authenticated, but " + seen
                                + ".", true));
                    }
                    if (doc.collectionStarted()) {
                        out.add(new Refusal("collect is refused: collection_started is already true (status " + status
                                + "), so the backend may be collecting.", true));
                    }
                }
                Optional<AuthCredentials> auth = doc.authData();
                if (auth.isEmpty() || !auth.get().hasCxId()) {
                    out.add(new Refusal("collect needs auth_data (run manual-auth-complete first), but the session has "
                            + "none (status " + status + ").", false));
                }
                personProblem(doc, "collect").ifPresent(out::add);
            }
            case RESET_STUCK -> {
                if (locallyCollecting.test(doc.id())) {
                    out.add(new Refusal("reset-stuck is refused: this console is collecting this session right now; "
                            + "it ends by itself when Tilko answers or times out.", false));
                }
                if (!RESET_FROM.contains(status)) {
                    out.add(new Refusal("reset-stuck needs status fetching_health_data or fetching_prescription_data, "
                            + "but " + seen + ".", true));
                } else {
                    if (!doc.collectionStarted()) {
                        out.add(new Refusal("reset-stuck is refused: collection_started is false (status " + status
                                + "), so no collection claims this session.", true));
                    }
                    Optional<Duration> idle = idleFor(doc);
                    if (idle.isEmpty()) {
                        out.add(new Refusal("reset-stuck is refused: it cannot be told when the collection last made "
                                + "progress (status " + status + ").", true));
                    } else if (idle.get().compareTo(options.stuckAfter()) < 0) {
                        out.add(new Refusal("reset-stuck is refused: the collection last made progress "
                                + human(idle.get()) + " ago (status " + status + "); it counts as stuck after "
                                + human(options.stuckAfter()) + ".", true));
                    }
                }
            }
            default -> throw new IllegalStateException("unknown action " + kind);
        }
        if (doc.breaksBackend()) {
            out.add(new Refusal("The backend cannot read this session: " + doc.warnings().stream()
                    .filter(DocumentWarning::breaksBackend).map(DocumentWarning::explanation)
                    .collect(Collectors.joining(" ")), true));
        }
        return out;
    }

    /** The refusal that applies: the first rule broken, or with an override the first hard one. */
    public Optional<Refusal> refusal(ActionKind kind, SessionDocument doc, boolean override,
                                     Predicate<String> locallyCollecting) {
        for (Refusal r : problems(kind, doc, locallyCollecting)) {
            if (!r.overridable() || !override) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The overridable rules an override skips, for the audit ("" when none). */
    String overridden(ActionKind kind, SessionDocument doc, Predicate<String> locallyCollecting) {
        return problems(kind, doc, locallyCollecting).stream().filter(Refusal::overridable).map(Refusal::sentence)
                .collect(Collectors.joining(" "));
    }

    /** Time since the session last made progress (see the class comment); empty when no timestamp is readable. */
    public Optional<Duration> idleFor(SessionDocument doc) {
        return lastProgress(doc).map(last -> {
            Duration idle = Duration.between(last, timestamps.nowLocal());
            return idle.isNegative() ? Duration.ZERO : idle;
        });
    }

    /** A fetching_* session with collection_started that has not moved for {@link FlowOptions#stuckAfter()}. */
    public boolean isStuck(SessionDocument doc) {
        return doc.status().isFetching() && doc.collectionStarted()
                && idleFor(doc).map(idle -> idle.compareTo(options.stuckAfter()) >= 0).orElse(false);
    }

    static Optional<LocalDateTime> lastProgress(SessionDocument doc) {
        // The UI's stuck bucket measures from the same point (SessionDocument#lastProgressAt).
        return doc.lastProgressAt();
    }

    private static Optional<Refusal> personProblem(SessionDocument doc, String action) {
        UserInfo user = doc.userInfo();
        List<String> missing = new ArrayList<>();
        if (blank(user.name())) {
            missing.add("name");
        }
        if (blank(user.birthdate())) {
            missing.add("birthdate");
        }
        if (blank(user.phoneNo())) {
            missing.add("phone_no");
        }
        if (blank(user.privateAuthType())) {
            missing.add("private_auth_type");
        }
        return missing.isEmpty() ? Optional.empty() : Optional.of(new Refusal(action + " is refused: user_info lacks "
                + String.join(", ", missing) + ", which Tilko needs (status " + doc.status() + ").", false));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        if (s < 120) {
            return s + " s";
        }
        long m = s / 60;
        return m < 120 ? m + " min" : (m / 60) + " h " + (m % 60) + " min";
    }
}
