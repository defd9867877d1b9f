package io.welno.console.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.bench.ConsoleJvmOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The bench measures with the console's memory options: they must stay those the app image gives the window. */
class BenchJvmTest {

    @Test
    void theBenchsJvmOptionsAreTheAppImages() throws Exception {
        String app = Files.readString(Path.of("packaging/jpackage/app.txt"), StandardCharsets.UTF_8);
        for (String option : ConsoleJvmOptions.OPTIONS) {
            assertTrue(app.contains("--java-options \"" + option + "\""), option + " is in packaging/jpackage/app.txt");
        }
    }
}
