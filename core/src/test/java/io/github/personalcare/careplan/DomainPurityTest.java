package io.github.personalcare.careplan;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The care plan and care team domain stays pure (house style §1, §3): only the services and the
 * store descriptors touch ports and logging; aggregates and values never import {@code spi},
 * {@code store}, slf4j or read the wall clock.
 */
class DomainPurityTest {
    private static final Path MAIN = Path.of("src/main/java/io/github/personalcare");

    @Test
    void aggregatesAndValuesImportNoPortsNoLoggingAndNoClock() throws IOException {
        for (String pkg : List.of("careplan", "careteam")) {
            try (Stream<Path> files = Files.list(MAIN.resolve(pkg))) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    if (name.endsWith("Service.java") || name.endsWith("Stores.java")
                            || name.equals("CareTeamRelationships.java") || name.equals("package-info.java")) {
                        continue;
                    }
                    String source = Files.readString(file);
                    assertThat(source).as(name)
                            .doesNotContain("import io.github.personalcare.spi.")
                            .doesNotContain("import io.github.personalcare.store.")
                            .doesNotContain("import org.slf4j.")
                            .doesNotContain("Instant.now(")
                            .doesNotContain("LocalDate.now(")
                            .doesNotContain("Clock.system");
                }
            }
        }
    }
}
