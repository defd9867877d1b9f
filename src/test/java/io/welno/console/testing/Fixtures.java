package io.welno.console.testing;

import io.welno.console.session.Timestamps;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The backend-shaped session documents in src/test/resources/sessions: documents as the backend writes them along its
 * flow, odd but readable ones, and values the console cannot read (docs/backend-protocol.md, "The document" and
 * "Read rules").
 */
public final class Fixtures {

    public static final List<String> ORDINARY = List.of(
            "01_initiated.json", "02_auth_requesting.json", "03_auth_request_sent.json", "04_auth_completed.json",
            "05_fetching_health_data_stuck.json", "06_fetching_prescription_data.json", "07_completed.json",
            "08_error.json", "09_info_required_object_message.json",
            "10_legacy_uuid_authenticated_camelcase_auth_data.json", "11_campaign_with_unknown_fields.json");
    public static final List<String> ODD = List.of(
            "12_missing_status_and_expires.json", "13_unknown_status.json", "14_timezone_aware_timestamps.json",
            "15_ascii_escaped.json");
    public static final List<String> MALFORMED = List.of(
            "90_not_json.txt", "91_truncated.json", "92_json_array.json", "93_messages_not_list.json");

    private Fixtures() {
    }

    public static List<String> readable() {
        return java.util.stream.Stream.concat(ORDINARY.stream(), ODD.stream()).toList();
    }

    public static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/sessions/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixtures' own "now": a few minutes after they were written, before any of them expires. */
    public static final LocalDateTime FIXTURE_NOW = LocalDateTime.of(2026, 11, 20, 14, 7);
    private static final Pattern FIXTURE_TIME = Pattern.compile("2026-11-20T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?");

    /**
     * The fixture with every timestamp of its day moved so that {@link #FIXTURE_NOW} is now in the backend's zone:
     * as the backend would see it if it had just been written, so that its expires_at has not passed.
     */
    public static String live(String name) {
        return live(name, FIXTURE_NOW);
    }

    /** As {@link #live(String)}, with {@code fixtureNow} (on the fixtures' day) mapped to now. */
    public static String live(String name, LocalDateTime fixtureNow) {
        Duration shift = Duration.between(fixtureNow, LocalDateTime.now(Timestamps.DEFAULT_ZONE));
        Matcher m = FIXTURE_TIME.matcher(text(name));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Timestamps.format(LocalDateTime.parse(m.group()).plus(shift)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The id a fixture is stored under: its session_id when it has one, else the file name. */
    public static String id(String name) {
        String text = text(name);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"session_id\": \"([^\"]+)\"").matcher(text);
        return m.find() ? m.group(1) : "fixture_" + name.substring(0, 2);
    }
}
