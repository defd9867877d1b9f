package io.welno.console.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.welno.console.session.Timestamps;
import io.welno.console.text.PhrasedException;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * A profile's zone as a hand-edited profiles file may hold it: blank is the default zone (opening the window threw on
 * it), a zone that is not one refuses the connection with a phrase the window words in its language.
 */
class ConnectionProfileZoneTest {

    private static ConnectionProfile inZone(String zone) {
        return new ConnectionProfile("prod", "redis://10.0.1.10:6380/0", "operator", zone, "production", false, null,
                null);
    }

    @Test
    void aBlankZoneIsTheDefaultAndAnUnknownOneIsNamed() {
        assertEquals(Timestamps.DEFAULT_ZONE, inZone(null).zoneId());
        assertEquals(Timestamps.DEFAULT_ZONE, inZone("  ").zoneId());
        assertEquals(ZoneId.of("UTC"), inZone(" UTC ").zoneId());
        PhrasedException refused = assertThrows(PhrasedException.class, () -> inZone("Mars/Olympus").zoneId());
        assertEquals("connect.zone.invalid", refused.phrase().key());
        assertEquals("Mars/Olympus", refused.phrase().arg(0));
        assertThrows(PhrasedException.class, () -> ConsoleServices.connect(inZone("Mars/Olympus"), null));
    }
}
