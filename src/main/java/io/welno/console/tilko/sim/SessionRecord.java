package io.welno.console.tilko.sim;

import io.welno.console.text.Masking;
import java.time.Duration;
import java.time.Instant;

/** The simulator's state for one SimpleAuthRequest; the identity is kept to verify follow-up calls. */
final class SessionRecord {

    final String cxId;
    final String reqTxId;
    final String token;
    final String txId;
    final String privateAuthType;
    final String apiKey;
    final String name;
    final String birthDate;
    final String phoneDigits;
    final Instant createdAt;
    private volatile boolean approved;
    private volatile boolean expired;

    SessionRecord(String cxId, String reqTxId, String token, String txId, String privateAuthType, String apiKey,
                  String name, String birthDate, String phoneDigits, Instant createdAt) {
        this.cxId = cxId;
        this.reqTxId = reqTxId;
        this.token = token;
        this.txId = txId;
        this.privateAuthType = privateAuthType;
        this.apiKey = apiKey;
        this.name = name;
        this.birthDate = birthDate;
        this.phoneDigits = phoneDigits;
        this.createdAt = createdAt;
    }

    /** Computed on every read so approval delays and expiry need no timer thread. */
    SessionState state(Instant now, Duration approvalDelay, Duration ttl) {
        if (expired || !now.isBefore(createdAt.plus(ttl))) {
            return SessionState.EXPIRED;
        }
        if (approved || (approvalDelay != null && !now.isBefore(createdAt.plus(approvalDelay)))) {
            return SessionState.APPROVED;
        }
        return SessionState.PENDING;
    }

    void approve() {
        approved = true;
    }

    void expire() {
        expired = true;
    }

    boolean isPerson(String nameOrPhone) {
        String digits = nameOrPhone.replaceAll("\\D", "");
        return name.equals(nameOrPhone.strip()) || (!digits.isEmpty() && digits.equals(phoneDigits));
    }

    SimSession view(SessionState state) {
        return new SimSession(cxId, privateAuthType, state, createdAt, Masking.name(name),
                Masking.phone(phoneDigits));
    }
}
