package io.welno.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The layers of docs/architecture.md, checked on the compiled classes: JavaFX only in {@code ui}, no package cycles,
 * no case change in the OS's locale, and each package imports only the packages below it. The negative case runs the
 * same rules over classes that break them on purpose ({@code io.welno.console.layerfixture}, test code only) and
 * expects them to fail.
 */
class ArchitectureTest {

    private static final String ROOT = "io.welno.console";

    /** What each package may not import (besides the rule that nobody imports upward into cli). */
    private static final Map<String, List<String>> MAY_NOT_USE = Map.ofEntries(
            Map.entry("text", List.of("session", "store", "live", "flow", "tilko", "demo", "view", "ui", "app", "cli",
                    "bench")),
            Map.entry("session", List.of("store", "live", "flow", "tilko", "demo", "view", "ui", "app", "cli",
                    "bench")),
            Map.entry("tilko", List.of("session", "store", "live", "flow", "demo", "view", "ui", "app", "cli",
                    "bench")),
            Map.entry("store", List.of("live", "flow", "tilko", "demo", "view", "ui", "app", "cli", "bench")),
            Map.entry("live", List.of("flow", "tilko", "demo", "view", "ui", "app", "cli", "bench")),
            Map.entry("flow", List.of("live", "demo", "view", "ui", "app", "cli", "bench")),
            Map.entry("demo", List.of("view", "ui", "app", "cli", "bench")),
            Map.entry("view", List.of("ui", "app", "cli", "bench")),
            Map.entry("app", List.of("ui", "cli", "bench")),
            Map.entry("bench", List.of("ui", "cli")),
            Map.entry("ui", List.of("cli", "bench")),
            // Inside the window: shared widgets below every feature, the features side by side, the shell on top.
            Map.entry("ui.common", List.of("ui.table", "ui.detail", "ui.actions", "ui.dashboard", "ui.connection",
                    "ui.bulk", "ui.alerts", "ui.audit", "ui.shell")),
            Map.entry("ui.table", List.of("ui.detail", "ui.actions", "ui.dashboard", "ui.connection", "ui.bulk",
                    "ui.alerts", "ui.audit", "ui.shell")),
            Map.entry("ui.detail", List.of("ui.table", "ui.actions", "ui.dashboard", "ui.connection", "ui.bulk",
                    "ui.alerts", "ui.audit", "ui.shell")),
            Map.entry("ui.actions", List.of("ui.table", "ui.dashboard", "ui.connection", "ui.bulk", "ui.alerts",
                    "ui.audit", "ui.shell")),
            Map.entry("ui.dashboard", List.of("ui.detail", "ui.actions", "ui.connection", "ui.bulk", "ui.alerts",
                    "ui.audit", "ui.shell")),
            Map.entry("ui.connection", List.of("ui.table", "ui.detail", "ui.actions", "ui.dashboard", "ui.bulk",
                    "ui.alerts", "ui.audit", "ui.shell")),
            // Operating at scale: each feature reaches the table and the flow only through what the shell hands it.
            Map.entry("ui.bulk", List.of("ui.table", "ui.detail", "ui.actions", "ui.dashboard", "ui.connection",
                    "ui.alerts", "ui.audit", "ui.shell")),
            Map.entry("ui.alerts", List.of("ui.table", "ui.detail", "ui.actions", "ui.dashboard", "ui.connection",
                    "ui.bulk", "ui.audit", "ui.shell")),
            Map.entry("ui.audit", List.of("ui.table", "ui.detail", "ui.actions", "ui.dashboard", "ui.connection",
                    "ui.bulk", "ui.alerts", "ui.shell")));

    static List<ArchRule> rules(String root) {
        List<ArchRule> rules = new ArrayList<>();
        rules.add(noClasses().that().resideOutsideOfPackage(root + ".ui..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("only ui may use JavaFX; everything below it is tested without a stage"));
        rules.add(slices().matching(root + ".(**)").should().beFreeOfCycles()
                .because("a package cycle means neither side can be understood or changed alone"));
        rules.add(noClasses().that().resideInAPackage(root + "..")
                .should().callMethod(String.class, "toLowerCase").orShould().callMethod(String.class, "toUpperCase")
                .because("a bundle key, CSS class or wire code made in the OS's locale names nothing under Turkish"
                        + " ('I' becomes a dotless 'ı'): Locale.ROOT"));
        MAY_NOT_USE.forEach((from, forbidden) -> rules.add(noClasses().that().resideInAPackage(root + "." + from + "..")
                .should().dependOnClassesThat().resideInAnyPackage(Arrays.stream(forbidden.toArray(String[]::new))
                        .map(p -> root + "." + p + "..").toArray(String[]::new))
                .allowEmptyShould(true)
                .because(from + " sits below " + String.join(", ", forbidden))));
        return rules;
    }

    @Test
    void theProductionCodeKeepsItsLayers() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages(ROOT);
        assertTrue(classes.size() > 200, "the importer found the classes: " + classes.size());
        List<String> violations = new ArrayList<>();
        for (ArchRule rule : rules(ROOT)) {
            EvaluationResult result = rule.evaluate(classes);
            if (result.hasViolation()) {
                violations.add(result.getFailureReport().toString());
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void aJavaFxImportOrAPackageCycleIsCaught() {
        String root = ROOT + ".layerfixture";
        JavaClasses broken = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages(root);
        List<ArchRule> rules = rules(root);
        assertTrue(rules.get(0).evaluate(broken).hasViolation(), "JavaFX in layerfixture.session is reported");
        assertTrue(rules.get(1).evaluate(broken).hasViolation(), "the cycle layerfixture.a <-> b is reported");
        assertTrue(rules.get(2).evaluate(broken).hasViolation(), "toLowerCase() without a locale is reported");
    }
}
