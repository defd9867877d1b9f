package io.welno.console;

import io.welno.console.demo.DemoEnvironment;
import io.welno.console.live.FeedOptions;
import io.welno.console.live.RedisSessionFeed;
import io.welno.console.live.SessionFeed;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.Timestamps;
import io.welno.console.store.RedisConnectionSettings;
import io.welno.console.store.RedisSessionStore;
import java.time.Clock;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything behind the window for one connection, wired by hand: the store, the live feed, and (in the
 * demo) the embedded Redis, simulator and traffic. Closing it stops all of them. Blocking: build it off
 * the FX thread.
 */
public final class ConsoleServices implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleServices.class);

    /** Sessions the demo starts with; enough to show the table at work. */
    public static final int DEMO_SEED_SESSIONS = 1_500;
    public static final int DEMO_SESSIONS_PER_MINUTE = 90;

    private final String title;
    private final String environment;
    private final RedisConnectionSettings settings;
    private final Timestamps timestamps;
    private final SessionCodec codec;
    private final RedisSessionStore store;
    private final SessionFeed feed;
    private final DemoEnvironment demo;

    private ConsoleServices(String title, String environment, RedisConnectionSettings settings, Timestamps timestamps,
                            FeedOptions feedOptions, DemoEnvironment demo) {
        this.title = title;
        this.environment = environment;
        this.settings = settings;
        this.timestamps = timestamps;
        this.codec = new SessionCodec(timestamps.zone());
        this.demo = demo;
        this.store = RedisSessionStore.open(settings, codec, timestamps);
        this.feed = new RedisSessionFeed(settings, codec, feedOptions);
    }

    /** The embedded default: a real Redis, the Tilko simulator and backend-like traffic. */
    public static ConsoleServices startDemo(Timestamps timestamps) {
        DemoEnvironment demo = DemoEnvironment.start(DEMO_SEED_SESSIONS, DEMO_SESSIONS_PER_MINUTE, timestamps);
        try {
            return new ConsoleServices("DEMO", "demo", demo.redisSettings(), timestamps,
                    FeedOptions.defaults().withMayEnableNotifications(true), demo);
        } catch (RuntimeException e) {
            demo.close();
            throw e;
        }
    }

    public static ConsoleServices connect(ConnectionProfile profile, String password) {
        RedisConnectionSettings settings = RedisConnectionSettings.parse(profile.url());
        if (password != null && !password.isEmpty()) {
            settings = settings.withPassword(password);
        }
        ZoneId zone = profile.zone() == null || profile.zone().isBlank() ? Timestamps.DEFAULT_ZONE : ZoneId.of(profile.zone());
        return new ConsoleServices(profile.name(), profile.environment(), settings,
                new Timestamps(Clock.systemUTC(), zone),
                FeedOptions.defaults().withMayEnableNotifications(profile.mayEnableNotifications()), null);
    }

    public String title() {
        return title;
    }

    public String environment() {
        return environment;
    }

    public boolean isDemo() {
        return demo != null;
    }

    public RedisConnectionSettings settings() {
        return settings;
    }

    public Timestamps timestamps() {
        return timestamps;
    }

    public SessionCodec codec() {
        return codec;
    }

    public RedisSessionStore store() {
        return store;
    }

    public SessionFeed feed() {
        return feed;
    }

    public DemoEnvironment demo() {
        return demo;
    }

    @Override
    public void close() {
        try {
            feed.close();
        } catch (RuntimeException e) {
            LOG.warn("Closing the feed failed: {}", e.getMessage());
        }
        store.close();
        if (demo != null) {
            demo.close();
        }
    }
}
