package io.welno.console.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.welno.console.session.SessionCodec;
import io.welno.console.store.StoredSession;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The table's time orders, written out for speed, order rows exactly as the plain composed comparators they replace:
 * the same sign for every pair, missing times included (unreadable rows, documents without the field).
 */
class RowOrderTest {

    private static final SessionCodec CODEC = new SessionCodec();
    private static final LocalDateTime BASE = LocalDateTime.of(2026, 12, 4, 9, 0);

    @Test
    void theWrittenOutOrdersAgreeWithTheComposedOnesOnEveryPair() {
        List<SessionRow> rows = rows(new Random(20261204), 120);
        assertNull(rows.get(0).updatedAt(), "an unreadable row, without times, is among them");
        check(RowOrder.BY_UPDATE,
                Comparator.comparing(SessionRow::updatedAt, Comparator.nullsFirst(Comparator.naturalOrder())), rows);
        check(RowOrder.BY_EXPIRY,
                Comparator.comparing(SessionRow::expiresAt, Comparator.nullsFirst(Comparator.naturalOrder())), rows);
        check(RowOrder.BY_AGE,
                Comparator.comparing(SessionRow::createdAt, Comparator.nullsLast(Comparator.reverseOrder())), rows);
    }

    private static void check(Comparator<SessionRow> fast, Comparator<SessionRow> plain, List<SessionRow> rows) {
        for (SessionRow a : rows) {
            for (SessionRow b : rows) {
                assertEquals(Integer.signum(plain.compare(a, b)), Integer.signum(fast.compare(a, b)),
                        a.id() + " against " + b.id());
            }
        }
    }

    /** Rows whose times repeat (ties), are a microsecond apart, or are missing. */
    private static List<SessionRow> rows(Random random, int count) {
        List<SessionRow> rows = new ArrayList<>();
        rows.add(row("welno_unreadable", "{not json"));
        for (int i = 0; i < count; i++) {
            StringBuilder json = new StringBuilder("{\"session_id\": \"welno_" + i + "\", \"status\": \"auth_pending\"");
            for (String field : new String[] {"created_at", "updated_at", "expires_at"}) {
                if (random.nextInt(6) > 0) {
                    LocalDateTime at = BASE.plusSeconds(random.nextInt(5)).plusNanos(1000L * random.nextInt(3));
                    json.append(", \"").append(field).append("\": \"").append(at).append('"');
                }
            }
            rows.add(row("welno_" + i, json.append('}').toString()));
        }
        return rows;
    }

    private static SessionRow row(String id, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return SessionRow.of(new StoredSession(CODEC.parse(id, bytes), 60_000, bytes));
    }
}
