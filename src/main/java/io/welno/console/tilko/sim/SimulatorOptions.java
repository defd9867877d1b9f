package io.welno.console.tilko.sim;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of a {@link TilkoSimulator}. Where real Tilko's value is not known, the default is a guess, documented
 * here: the expired, temporary-failure and no-data codes, the session lifetime and the HTTP status of auth errors are
 * settings; the auth-error and bad-request codes are fixed constants (docs/tilko.md, "Simulator").
 */
public final class SimulatorOptions {

    /** The backend's "not approved yet" code, so the simulator drives the backend's branch. */
    public static final int DEFAULT_NOT_APPROVED_CODE = 4115;
    /** Invented: no real code for an expired/unknown session is known. */
    public static final int DEFAULT_EXPIRED_CODE = 4190;
    /** The code the backend treats as wrong user data on prescriptions; reused for all endpoints. */
    public static final int DEFAULT_IDENTITY_MISMATCH_CODE = 8801005;
    /** Invented. */
    public static final int DEFAULT_TEMPORARY_FAILURE_CODE = 9001;
    /** Invented; "조회된 데이터가 없습니다". */
    public static final int DEFAULT_NO_DATA_CODE = 9404;
    /** Invented; bad API key, bad ENC-KEY and undecryptable fields. */
    public static final int DEFAULT_AUTH_ERROR_CODE = 401;
    /** Invented; malformed requests (missing fields, bad formats). */
    public static final int DEFAULT_BAD_REQUEST_CODE = 400;

    private final String host;
    private final int port;
    private final Set<String> acceptedApiKeys;
    private final Duration approvalDelay;
    private final Duration sessionTtl;
    private final Duration slowDelay;
    private final int notApprovedCode;
    private final int expiredCode;
    private final int identityMismatchCode;
    private final int temporaryFailureCode;
    private final int noDataCode;
    private final int authErrorHttpStatus;
    private final int rsaKeyBits;
    private final Clock clock;

    private SimulatorOptions(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.acceptedApiKeys = Set.copyOf(b.acceptedApiKeys);
        this.approvalDelay = b.approvalDelay;
        this.sessionTtl = b.sessionTtl;
        this.slowDelay = b.slowDelay;
        this.notApprovedCode = b.notApprovedCode;
        this.expiredCode = b.expiredCode;
        this.identityMismatchCode = b.identityMismatchCode;
        this.temporaryFailureCode = b.temporaryFailureCode;
        this.noDataCode = b.noDataCode;
        this.authErrorHttpStatus = b.authErrorHttpStatus;
        this.rsaKeyBits = b.rsaKeyBits;
        this.clock = b.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** All defaults: 127.0.0.1, a free port, any API key, approval after 5 s. */
    public static SimulatorOptions defaults() {
        return builder().build();
    }

    public String host() {
        return host;
    }

    /** 0 = any free port. */
    public int port() {
        return port;
    }

    /** The API keys accepted; empty = any non-blank key. */
    public Set<String> acceptedApiKeys() {
        return acceptedApiKeys;
    }

    public boolean accepts(String apiKey) {
        return apiKey != null && !apiKey.isBlank() && (acceptedApiKeys.isEmpty() || acceptedApiKeys.contains(apiKey));
    }

    /** Delay after SimpleAuthRequest until the simulated phone approves; null = only on explicit approve. */
    public Duration approvalDelay() {
        return approvalDelay;
    }

    public Duration sessionTtl() {
        return sessionTtl;
    }

    public Duration slowDelay() {
        return slowDelay;
    }

    public int notApprovedCode() {
        return notApprovedCode;
    }

    public int expiredCode() {
        return expiredCode;
    }

    public int identityMismatchCode() {
        return identityMismatchCode;
    }

    public int temporaryFailureCode() {
        return temporaryFailureCode;
    }

    public int noDataCode() {
        return noDataCode;
    }

    /** HTTP status for bad API key / ENC-KEY answers (UNKNOWN for real Tilko; default 200 + Status Error). */
    public int authErrorHttpStatus() {
        return authErrorHttpStatus;
    }

    public int rsaKeyBits() {
        return rsaKeyBits;
    }

    public Clock clock() {
        return clock;
    }

    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private final Set<String> acceptedApiKeys = new LinkedHashSet<>();
        private Duration approvalDelay = Duration.ofSeconds(5);
        private Duration sessionTtl = Duration.ofSeconds(180);
        private Duration slowDelay = Duration.ofSeconds(3);
        private int notApprovedCode = DEFAULT_NOT_APPROVED_CODE;
        private int expiredCode = DEFAULT_EXPIRED_CODE;
        private int identityMismatchCode = DEFAULT_IDENTITY_MISMATCH_CODE;
        private int temporaryFailureCode = DEFAULT_TEMPORARY_FAILURE_CODE;
        private int noDataCode = DEFAULT_NO_DATA_CODE;
        private int authErrorHttpStatus = 200;
        private int rsaKeyBits = 2048;
        private Clock clock = Clock.systemDefaultZone();

        private Builder() {
        }

        /** Bind address; loopback by default, and the project never binds anything else. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /** Accept only these keys (call repeatedly to add); without any, every non-blank key is accepted. */
        public Builder acceptApiKey(String apiKey) {
            if (apiKey == null || apiKey.isBlank()) {
                throw new IllegalArgumentException("API key must not be blank");
            }
            acceptedApiKeys.add(apiKey);
            return this;
        }

        /** Auto-approve this long after SimpleAuthRequest; {@link Duration#ZERO} = approved at once. */
        public Builder approvalDelay(Duration delay) {
            Objects.requireNonNull(delay, "delay (use manualApproval())");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("approval delay must not be negative");
            }
            this.approvalDelay = delay;
            return this;
        }

        /** Sessions stay pending until {@link TilkoSimulator#approve} / {@link TilkoSimulator#approveAll}. */
        public Builder manualApproval() {
            this.approvalDelay = null;
            return this;
        }

        /** Lifetime of a session from SimpleAuthRequest; after it data calls and LoginCheck fail. */
        public Builder sessionTtl(Duration ttl) {
            this.sessionTtl = Objects.requireNonNull(ttl);
            return this;
        }

        /** How long {@link FailureMode#SLOW} holds an answer. */
        public Builder slowDelay(Duration delay) {
            this.slowDelay = Objects.requireNonNull(delay);
            return this;
        }

        public Builder notApprovedCode(int code) {
            this.notApprovedCode = code;
            return this;
        }

        public Builder expiredCode(int code) {
            this.expiredCode = code;
            return this;
        }

        public Builder identityMismatchCode(int code) {
            this.identityMismatchCode = code;
            return this;
        }

        public Builder temporaryFailureCode(int code) {
            this.temporaryFailureCode = code;
            return this;
        }

        public Builder noDataCode(int code) {
            this.noDataCode = code;
            return this;
        }

        public Builder authErrorHttpStatus(int status) {
            this.authErrorHttpStatus = status;
            return this;
        }

        /** RSA modulus size of the per-API-key key pairs (clients must not assume one). */
        public Builder rsaKeyBits(int bits) {
            this.rsaKeyBits = bits;
            return this;
        }

        /** Time source for approval delays, expiry and synthetic dates (tests use a controllable clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public SimulatorOptions build() {
            return new SimulatorOptions(this);
        }
    }
}
