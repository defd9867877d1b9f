package io.welno.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.welno.console.testing.CliRun;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.testing.TestRows;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code list} and {@code show} say the same of one session: a document without a status whose expires_at has passed is
 * expired for the backend ({@code get_session} deletes it on its next read, whatever its status), and the codes are the
 * same words in every locale.
 */
class ExpiredSessionWordsTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final String ID = "welno_no_status_expired";

    private void seed() {
        REDIS.client().set("tilko_session:" + ID, TestRows.session(ID, "initiated",
                LocalDateTime.now(ZoneId.of("Asia/Seoul")).minusHours(1)).without("status").json());
    }

    @Test
    void showSaysExpiredOfADocumentWithoutStatusAsListDoes() {
        seed();
        CliRun list = CliRun.of("list", "--redis", REDIS.url());
        String row = list.out().lines().filter(l -> l.startsWith(ID)).findFirst().orElseThrow();
        // no status is a warning, not a read the backend fails (no "!"); past its expires_at it is gone for the backend
        assertTrue(row.endsWith(" missing_status,!expired"), row);
        CliRun show = CliRun.of("show", ID, "--redis", REDIS.url());
        assertEquals(0, show.exit(), show.all());
        assertTrue(show.out().lines().anyMatch(l -> l.startsWith("EXPIRED   ")), show.out());
    }

    /** A Turkish locale lowercases I to a dotless ı: the codes scripts read must not follow it. */
    @Test
    void warningCodesAreTheSameInATurkishLocale() throws Exception {
        seed();
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            CliRun json = CliRun.of("list", "--json", "--redis", REDIS.url());
            JsonNode line = new ObjectMapper().readTree(json.out().lines().filter(l -> l.contains(ID)).findFirst()
                    .orElseThrow());
            List<String> warnings = new ArrayList<>();
            line.get("warnings").forEach(w -> warnings.add(w.asText()));
            assertEquals(List.of("missing_status", "expired"), warnings);
            CliRun table = CliRun.of("list", "--redis", REDIS.url());
            assertTrue(table.out().contains(" missing_status,!expired"), table.out());
        } finally {
            Locale.setDefault(before);
        }
    }
}
