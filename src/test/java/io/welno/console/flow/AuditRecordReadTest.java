package io.welno.console.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Entries read back from the shared audit stream, which other console versions write too. */
class AuditRecordReadTest {

    @Test
    void aReasonWrittenBeforePersonalNumbersWereRefusedIsReadMasked() {
        AuditRecord read = AuditRecord.fromFields("1700000000000-0", Map.of("event", "attempt", "operator", "bob",
                "reason", "caller 010-1234-5678, RRN 900101-1234567", "session", "s1"));
        assertEquals("caller 010-****-5678, RRN 900101-*******", read.reason());
        assertEquals("stuck since 10:00", AuditRecord.fromFields("1-0", Map.of("reason", "stuck since 10:00")).reason());
    }
}
