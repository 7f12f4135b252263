package io.github.personalcare.referral;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dependencies point inwards: the referral domain (everything in the package but the service,
 * the stores and the relationship source, which sit beside it and touch ports) imports no
 * storage port, no in-memory store and no logger, and never reads the wall clock.
 */
class ReferralDependencyTest {
    private static final Path PACKAGE = Path.of("src/main/java/io/github/personalcare/referral");
    private static final Set<String> BESIDE_THE_DOMAIN = Set.of("ReferralService.java", "ReferralStores.java",
            "ReferralRelationships.java", "package-info.java");

    @Test
    void theDomainImportsNoPortsNoStoresAndNoLogging() throws IOException {
        List<Path> domain;
        try (Stream<Path> files = Files.list(PACKAGE)) {
            domain = files.filter(p -> !BESIDE_THE_DOMAIN.contains(p.getFileName().toString())).toList();
        }
        assertThat(domain).hasSizeGreaterThan(20);
        for (Path file : domain) {
            String source = Files.readString(file);
            assertThat(source).as(file.getFileName().toString())
                    .doesNotContain("import io.github.personalcare.spi.", "import io.github.personalcare.store.",
                            "import org.slf4j.", "Instant.now()", "LocalDate.now()", "Clock.system");
        }
    }
}
