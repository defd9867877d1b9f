package io.welno.console.tilko;

import io.welno.console.text.Phrase;
import io.welno.console.text.PhrasedException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Settings of a {@link TilkoClient}. Defaults mirror the WELNO backend: {@code https://api.tilko.net},
 * 120 s per call and 300 s for prescriptions (docs/backend-protocol.md), the API key from
 * {@code TILKO_API_KEY}. The key is held as a supplier so a profile or secret store can provide it
 * lazily; {@link #toString()} never shows it.
 */
public final class TilkoConfig {

    public static final String DEFAULT_BASE_URL = "https://api.tilko.net";
    public static final String API_KEY_ENV = "TILKO_API_KEY";
    public static final String BASE_URL_ENV = "TILKO_API_HOST";
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(120);
    public static final Duration DEFAULT_PRESCRIPTION_TIMEOUT = Duration.ofSeconds(300);
    /**
     * The longest an action waits to learn whether Tilko can be used before it changes a session: a GetPublicKey is
     * small, and a Tilko that takes longer than this to give one is no Tilko to start an action on.
     */
    public static final Duration DEFAULT_PROBE_TIMEOUT = Duration.ofSeconds(10);
    /** GetPublicKey is slow and the key is fixed per API key; one third-party client caches it 5 minutes. */
    public static final Duration DEFAULT_PUBLIC_KEY_TTL = Duration.ofMinutes(5);

    private final HttpUrl baseUrl;
    private final Supplier<String> apiKey;
    private final Duration requestTimeout;
    private final Duration prescriptionTimeout;
    private final Duration probeTimeout;
    private final Duration publicKeyTtl;
    private final OkHttpClient httpClient;
    private final SecureRandom secureRandom;
    /** Time the key cache and a failed probe's memory, both read ({@link ClockStamp}). */
    private final LongSupplier nanoTime;
    private final Clock clock;

    /** Why {@code baseUrl} cannot be Tilko's base URL (it must be an http or https URL), or nothing. */
    public static Optional<Phrase> baseUrlProblem(String baseUrl) {
        return baseUrl != null && HttpUrl.parse(baseUrl.strip()) != null ? Optional.empty()
                : Optional.of(Phrase.of("tilko.badUrl", String.valueOf(baseUrl)));
    }

    private TilkoConfig(Builder b) {
        HttpUrl url = HttpUrl.parse(b.baseUrl);
        if (url == null) {
            throw new PhrasedException(baseUrlProblem(b.baseUrl).orElseThrow());
        }
        this.baseUrl = url;
        this.apiKey = b.apiKey;
        this.requestTimeout = positive(b.requestTimeout, "requestTimeout");
        this.prescriptionTimeout = positive(b.prescriptionTimeout, "prescriptionTimeout");
        Duration probe = positive(b.probeTimeout, "probeTimeout");
        this.probeTimeout = probe.compareTo(requestTimeout) < 0 ? probe : requestTimeout;
        this.publicKeyTtl = Objects.requireNonNull(b.publicKeyTtl, "publicKeyTtl");
        this.httpClient = b.httpClient;
        this.secureRandom = b.secureRandom != null ? b.secureRandom : new SecureRandom();
        this.nanoTime = Objects.requireNonNull(b.nanoTime, "nanoTime");
        this.clock = Objects.requireNonNull(b.clock, "clock");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Base URL from {@code TILKO_API_HOST} (as the backend reads it) or the default; key from {@code TILKO_API_KEY}. */
    public static TilkoConfig fromEnvironment() {
        String host = System.getenv(BASE_URL_ENV);
        Builder b = builder();
        if (host != null && !host.isBlank()) {
            b.baseUrl(host.strip());
        }
        return b.build();
    }

    public HttpUrl baseUrl() {
        return baseUrl;
    }

    /** The current API key, or null/blank when none is configured. */
    String apiKey() {
        return apiKey.get();
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    public Duration prescriptionTimeout() {
        return prescriptionTimeout;
    }

    /** The probe's limit: never longer than {@link #requestTimeout()}. */
    public Duration probeTimeout() {
        return probeTimeout;
    }

    public Duration publicKeyTtl() {
        return publicKeyTtl;
    }

    /** The injected OkHttpClient, or null when the client should build its own. */
    public OkHttpClient httpClient() {
        return httpClient;
    }

    public SecureRandom secureRandom() {
        return secureRandom;
    }

    /** The monotonic clock in nanoseconds ({@link System#nanoTime}) the client's short memories are timed by. */
    public LongSupplier nanoTime() {
        return nanoTime;
    }

    /** The wall clock they are timed by beside it: it runs on while the computer sleeps. */
    public Clock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "TilkoConfig[baseUrl=" + baseUrl + ", apiKey=***, requestTimeout=" + requestTimeout
                + ", prescriptionTimeout=" + prescriptionTimeout + ", probeTimeout=" + probeTimeout + ", publicKeyTtl="
                + publicKeyTtl + "]";
    }

    private static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return d;
    }

    public static final class Builder {
        private String baseUrl = DEFAULT_BASE_URL;
        private Supplier<String> apiKey = () -> System.getenv(API_KEY_ENV);
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private Duration prescriptionTimeout = DEFAULT_PRESCRIPTION_TIMEOUT;
        private Duration probeTimeout = DEFAULT_PROBE_TIMEOUT;
        private Duration publicKeyTtl = DEFAULT_PUBLIC_KEY_TTL;
        private OkHttpClient httpClient;
        private SecureRandom secureRandom;
        private LongSupplier nanoTime = System::nanoTime;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /** A fixed key; overrides {@code TILKO_API_KEY}. */
        public Builder apiKey(String apiKey) {
            Objects.requireNonNull(apiKey, "apiKey");
            this.apiKey = () -> apiKey;
            return this;
        }

        /** A key looked up on every call (e.g. from a connection profile's secret store). */
        public Builder apiKeySupplier(Supplier<String> apiKey) {
            this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
            return this;
        }

        /** Whole-call timeout for GetPublicKey, SimpleAuthRequest, LoginCheck and checkups (default 120 s). */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = timeout;
            return this;
        }

        /** Whole-call timeout for prescriptions, which the backend allows 300 s. */
        public Builder prescriptionTimeout(Duration timeout) {
            this.prescriptionTimeout = timeout;
            return this;
        }

        /**
         * How long an action waits for the public key when asking whether Tilko can be used (default 10 s; capped at
         * the request timeout).
         */
        public Builder probeTimeout(Duration timeout) {
            this.probeTimeout = timeout;
            return this;
        }

        /** Sets every timeout at once (tests use a short one). */
        public Builder timeouts(Duration timeout) {
            this.requestTimeout = timeout;
            this.prescriptionTimeout = timeout;
            this.probeTimeout = timeout;
            return this;
        }

        /** How long a fetched public key is reused; {@link Duration#ZERO} fetches it before every call like the backend. */
        public Builder publicKeyTtl(Duration ttl) {
            this.publicKeyTtl = ttl;
            return this;
        }

        /** Shares an existing OkHttpClient (connection pool, interceptors); timeouts are still applied per call. */
        public Builder httpClient(OkHttpClient httpClient) {
            this.httpClient = httpClient;
            return this;
        }

        public Builder secureRandom(SecureRandom secureRandom) {
            this.secureRandom = secureRandom;
            return this;
        }

        /** A monotonic clock in nanoseconds for the key cache and the probe's memory: tests move it by hand. */
        public Builder nanoTime(LongSupplier nanoTime) {
            this.nanoTime = nanoTime;
            return this;
        }

        /** The wall clock for the same, beside the monotonic one. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public TilkoConfig build() {
            return new TilkoConfig(this);
        }
    }
}
