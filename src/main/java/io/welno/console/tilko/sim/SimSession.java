package io.welno.console.tilko.sim;

import java.time.Instant;

/**
 * A read-only snapshot of a simulated session, safe to log or show: the person is masked and the
 * tokens are not included (use the client's {@code SimpleAuthTicket} for those).
 */
public record SimSession(String cxId, String privateAuthType, SessionState state, Instant createdAt,
                         String maskedName, String maskedPhone) {
}
