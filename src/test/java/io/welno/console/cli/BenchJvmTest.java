package io.welno.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.welno.console.bench.ConsoleJvmOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The bench measures with the console's memory options: they must be exactly those the app image gives the window, so
 * an option added to either side alone is caught (the module access options are the app image's own: the bench runs
 * from the jar, where JavaFX and ControlsFX share the class path). {@code mvn javafx:run}, the README's way to start
 * the window, gets them as well.
 */
class BenchJvmTest {

    private static final Pattern POM_OPTION = Pattern.compile("<option>([^<]+)</option>");
    private static final Pattern JAVA_OPTION = Pattern.compile("^--java-options \"([^\"]+)\"$", Pattern.MULTILINE);

    @Test
    void theBenchsJvmOptionsAreTheAppImages() throws Exception {
        assertEquals(memoryOptions("packaging/jpackage/app.txt", JAVA_OPTION), new TreeSet<>(ConsoleJvmOptions.OPTIONS),
                "packaging/jpackage/app.txt's JVM options against ConsoleJvmOptions.OPTIONS");
    }

    @Test
    void theReadmesMavenRunStartsTheWindowWithThemToo() throws Exception {
        assertEquals(new TreeSet<>(ConsoleJvmOptions.OPTIONS), memoryOptions("pom.xml", POM_OPTION),
                "the javafx-maven-plugin's options in pom.xml");
    }

    /** The JVM options {@code option} finds in {@code file}, but the module access ones. */
    private static Set<String> memoryOptions(String file, Pattern option) throws Exception {
        Set<String> found = new TreeSet<>();
        Matcher options = option.matcher(Files.readString(Path.of(file), StandardCharsets.UTF_8));
        while (options.find()) {
            if (!options.group(1).startsWith("--add-")) {
                found.add(options.group(1));
            }
        }
        return found;
    }
}
