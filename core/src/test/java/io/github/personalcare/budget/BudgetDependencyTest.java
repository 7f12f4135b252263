package io.github.personalcare.budget;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dependencies point inwards: the budget's aggregate, values and rules import no storage port,
 * no storage adapter and no logging; only the service and the storage descriptions beside them
 * do, and care plans are reached only through {@link AgreedPlanLines}.
 */
class BudgetDependencyTest {
    private static final Path SOURCES = Path.of("src/main/java/io/github/personalcare/budget");
    private static final Set<String> PORTS = Set.of("BudgetService.java", "BudgetStores.java", "AgreedPlanLines.java",
            "CarePlanLines.java");

    @Test
    void theDomainImportsNoStorageAdapterOrLogging() throws IOException {
        for (Path file : domainFiles()) {
            assertThat(Files.readString(file)).as(file.getFileName().toString())
                    .doesNotContain("import io.github.personalcare.spi.")
                    .doesNotContain("import io.github.personalcare.store.")
                    .doesNotContain("import org.slf4j.");
        }
    }

    @Test
    void carePlansAreReadOnlyThroughTheAgreedPlanPort() throws IOException {
        for (Path file : domainFiles()) {
            assertThat(Files.readString(file)).as(file.getFileName().toString())
                    .doesNotContain("import io.github.personalcare.careplan.CarePlan;")
                    .doesNotContain("import io.github.personalcare.careplan.CarePlanStores;");
        }
    }

    private static List<Path> domainFiles() throws IOException {
        try (Stream<Path> files = Files.list(SOURCES)) {
            List<Path> domain = files.filter(f -> !PORTS.contains(f.getFileName().toString())).toList();
            assertThat(domain).hasSizeGreaterThan(20);
            return domain;
        }
    }
}
