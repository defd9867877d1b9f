package io.welno.console.app;

import io.welno.console.flow.Role;
import io.welno.console.live.NotificationConfig;
import io.welno.console.store.CaCertificateProblem;
import io.welno.console.store.RedisConnectionSettings;
import io.welno.console.store.RedisConnections;
import io.welno.console.store.SessionReader;
import io.welno.console.store.StoreFailure;
import io.welno.console.text.Phrase;
import io.welno.console.text.PhrasedException;
import io.welno.console.tilko.TilkoClient;
import io.welno.console.tilko.TilkoConfig;
import io.welno.console.tilko.TilkoResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ScanParams;

/**
 * Tries a profile before the window switches to it, so what is wrong is said in the connection dialog, with
 * what to do, while the operator can still fix it: a wrong password, a TLS or address problem, an ACL that
 * does not allow reading the sessions, keyspace notifications that are off, a Tilko that cannot be used. Read-only:
 * it never changes the server's settings (the feed does that later, when the profile allows it). Blocking; run it
 * off the FX thread.
 */
public final class ConnectionCheck {

    /** A finding: {@code blocking} ones keep the dialog open; the others are said once and may be accepted. */
    public record Finding(boolean blocking, Phrase phrase) {
    }

    private ConnectionCheck() {
    }

    /** {@link #run(ConnectionProfile, String, String)} without a Tilko key: Tilko is not tried. */
    public static List<Finding> run(ConnectionProfile profile, String password) {
        return run(profile, password, null);
    }

    /**
     * Everything found, the blocking ones first; empty when the profile connects and will be live.
     *
     * @param tilkoKey the Tilko API key the connection would use (typed, or the environment's), or null: with one and
     *                 a Tilko address, Tilko's public key is fetched once, and a Tilko that cannot be used now is a
     *                 finding that does not block (the sessions can be watched; re-sending and collecting are refused
     *                 until it can)
     */
    public static List<Finding> run(ConnectionProfile profile, String password, String tilkoKey) {
        List<Finding> out = new ArrayList<>();
        Optional<Phrase> files = profile.filesProblem();
        files.ifPresent(problem -> out.add(new Finding(true, Phrase.of("connect.problem.files", problem))));
        RedisConnectionSettings settings;
        try {
            settings = RedisConnectionSettings.parse(profile.url());
        } catch (IllegalArgumentException e) {
            out.add(new Finding(true, Phrase.of("connect.problem.address", e instanceof PhrasedException phrased
                    ? phrased.phrase() : e.getMessage())));
            return out;
        }
        if (password != null && !password.isEmpty()) {
            settings = settings.withPassword(password);
        }
        // A hand-edited profile's own mistakes: said as such, not as something Redis answered.
        Role role;
        try {
            role = profile.resolvedRole();
        } catch (PhrasedException e) {
            out.add(new Finding(true, e.phrase()));
            return out;
        }
        Optional<Phrase> tilko = profile.tilkoUrl() == null || profile.tilkoUrl().isBlank() ? Optional.empty()
                : TilkoConfig.baseUrlProblem(profile.tilkoUrl());
        if (tilko.isPresent()) {
            out.add(new Finding(true, tilko.get()));
            return out;
        }
        try (RedisClient client = RedisConnections.openClient(settings, "welno-console-check")) {
            client.ping();
            client.scan(ScanParams.SCAN_POINTER_START,
                    new ScanParams().match(SessionReader.matchPattern(settings.keyPrefix())).count(10));
            notifications(client, profile, settings, role).ifPresent(out::add);
        } catch (RuntimeException e) {
            // The profile's own CA file, not Redis: told as it is, with what to choose instead.
            CaCertificateProblem ca = CaCertificateProblem.among(e);
            out.add(new Finding(true, ca != null ? Phrase.of("connect.problem.ca", ca.phrase())
                    : failure(StoreFailure.of(e), settings)));
            return out;
        }
        tilkoProblem(profile.tilkoUrl(), tilkoKey).ifPresent(out::add);
        return out;
    }

    private static Optional<Finding> tilkoProblem(String tilkoUrl, String tilkoKey) {
        if (tilkoUrl == null || tilkoUrl.isBlank() || tilkoKey == null || tilkoKey.isBlank()) {
            return Optional.empty();
        }
        // Asked as an action asks it, within the probe's limit (the dialog says "checking" meanwhile).
        TilkoConfig config = TilkoConfig.builder().baseUrl(tilkoUrl).apiKey(tilkoKey).build();
        try (TilkoClient client = new TilkoClient(config)) {
            TilkoResult<String> key = client.usablePublicKey(false);
            if (key.isSuccess()) {
                return Optional.empty();
            }
            HttpUrl at = config.baseUrl();
            return Optional.of(new Finding(false, Phrase.of("connect.problem.tilko",
                    at.scheme() + "://" + at.host() + ":" + at.port(), key.phrase())));
        }
    }

    /** The store's reason for the failure with the fix that goes with it. */
    static Phrase failure(StoreFailure failure, RedisConnectionSettings settings) {
        return Phrase.of("connect.problem", settings.redactedUrl(), failure.phraseBeforeFix(),
                failure.fix(settings.keyPrefix()));
    }

    /**
     * Off or incomplete flags are only a finding when the console will not turn them on itself (the profile does
     * not allow it, or its role never writes): then the list is refreshed by polling instead of live.
     */
    private static Optional<Finding> notifications(RedisClient client, ConnectionProfile profile,
                                                   RedisConnectionSettings settings, Role role) {
        NotificationConfig.Check check = NotificationConfig.check(client, false, settings.address());
        if (check.outcome().live()) {
            return Optional.empty();
        }
        boolean consoleEnables = profile.mayEnableNotifications() && role.mayWrite();
        if (check.outcome() == NotificationConfig.Outcome.OFF_NOT_ALLOWED && consoleEnables) {
            return Optional.empty();
        }
        return Optional.of(new Finding(false, Phrase.of("connect.problem.notifications."
                + (check.outcome() == NotificationConfig.Outcome.OFF_NOT_ALLOWED ? "off" : "config"),
                NotificationConfig.REQUIRED)));
    }
}
