package io.github.personalcare.consent;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine and the consent model do no I/O, read no clock and log nothing (house rule: a pure domain). */
class ConsentEngineIsPureTest {
    private static final Path SOURCES = Path.of("src/main/java/io/github/personalcare/consent");

    private static String source(String file) throws IOException {
        return Files.readString(SOURCES.resolve(file));
    }

    @Test
    void theEngineAndModelImportNoPortsNoLoggingAndNoClock() throws IOException {
        for (String file : new String[] {"ConsentEngine.java", "ConsentEvaluation.java", "ConsentIndex.java", "ConsentFacts.java",
                "ConsentRecord.java", "ConsentTerms.java", "Provision.java", "ProvisionActor.java", "Performer.java",
                "ConsentPeriod.java", "DataPeriod.java"}) {
            assertThat(source(file)).as(file)
                    .doesNotContain("import io.github.personalcare.spi")
                    .doesNotContain("import io.github.personalcare.store")
                    .doesNotContain("org.slf4j")
                    .doesNotContain("Instant.now(")
                    .doesNotContain("LocalDate.now(")
                    .doesNotContain("Clock")
                    .doesNotContain(".stream()");
        }
    }
}
