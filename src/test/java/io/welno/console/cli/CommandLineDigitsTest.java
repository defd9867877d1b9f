package io.welno.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.testing.CliRun;
import io.welno.console.testing.RedisServerExtension;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The command line speaks English with ASCII digits whatever the OS's locale: scripts read its counts. */
class CommandLineDigitsTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @Test
    void countsAreWrittenInAsciiDigitsInALocaleWithDigitsOfItsOwn() {
        String url = "redis://127.0.0.1:" + REDIS.port() + "/0";
        Locale before = Locale.getDefault();
        try {
            for (String tag : new String[] {"ar", "fa", "th-TH-u-nu-thai"}) {
                Locale.setDefault(Locale.forLanguageTag(tag));
                CliRun list = CliRun.of("list", "--redis", url);
                assertEquals(0, list.exit(), list.all());
                assertTrue(list.out().contains("0 session(s)"), tag + ": " + list.out());
                CliRun audit = CliRun.of("audit", "--redis", url);
                assertEquals(0, audit.exit(), audit.all());
                assertTrue(audit.out().contains("0 entries in "), tag + ": " + audit.out());
            }
        } finally {
            Locale.setDefault(before);
        }
    }
}
