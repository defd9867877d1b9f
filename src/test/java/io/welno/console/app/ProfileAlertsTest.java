package io.welno.console.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.welno.console.view.AlertRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alert rules are saved with the profile, and a profile saved before they existed reads with the defaults. */
class ProfileAlertsTest {

    @TempDir
    Path dir;

    @Test
    void rulesAreSavedWithTheProfileAndOldProfilesGetTheDefaults() throws Exception {
        Path file = dir.resolve("profiles.json");
        Files.writeString(file, """
                [{"name":"prod","url":"redis://redis.internal:6380/0","role":"operator","zone":"Asia/Seoul",
                  "environment":"production","mayEnableNotifications":false,"tilkoUrl":null}]""");
        ConnectionProfiles profiles = new ConnectionProfiles(file);
        assertEquals(AlertRules.defaults(), profiles.load().get(0).alertRules());

        AlertRules mine = new AlertRules(50, Duration.ofMinutes(7), 0.35, Duration.ofMinutes(30), false, true, false);
        profiles.update("prod", p -> p.withAlerts(mine));
        profiles.update("nobody", p -> p.withAlerts(AlertRules.defaults())); // no such profile: nothing happens
        List<ConnectionProfile> back = new ConnectionProfiles(file).load();
        assertEquals(1, back.size());
        assertEquals(mine, back.get(0).alertRules());
        assertEquals("redis://redis.internal:6380/0", back.get(0).url(), "the rest of the profile is kept");
        assertFalse(Files.readString(file).contains("PT"), "minutes and percents, not Java durations: "
                + Files.readString(file));
    }
}
