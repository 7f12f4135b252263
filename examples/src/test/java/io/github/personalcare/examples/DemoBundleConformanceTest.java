package io.github.personalcare.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.personalcare.fhir.FhirWriter;
import io.github.personalcare.fhir.SdkConformance;
import io.github.personalcare.fhir.conformance.UkCoreValidator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo patient's whole record, as the demo writes it, is conformant FHIR R4 / UK Core (R51):
 * 0 errors, and 0 warnings beyond the ones {@link UkCoreValidator#ACCEPTED_WARNINGS} lists by message
 * (NHS England code systems outside the validator's UK Core package), with the SDK's own CodeSystems
 * and extensions loaded from the fhir-adapter artifact and the demo supplier's code lists
 * ({@link FhirChapter#SUPPLIER_CODES}) published complete.
 */
class DemoBundleConformanceTest {
    @Test
    @DisplayName("R51 the demo's whole-record Bundle validates with 0 errors and 0 warnings; every resource claims a profile and has a narrative")
    void theDemoBundleValidates(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("patient-bundle.json");
        Demo.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), "--fhir-out", out.toString());
        String bundle = Files.readString(out);

        UkCoreValidator validator = UkCoreValidator.withConformance(
                FhirWriter.toJson(SdkConformance.bundle(FhirChapter.SUPPLIER_CODES)));
        assertThat(validator.errors(bundle)).isEmpty();
        List<String> warnings = validator.warnings(bundle);
        System.out.println("demo export: " + warnings.size() + " validator warnings, of which accepted (package limits): "
                + (warnings.size() - validator.unexpectedWarnings(bundle).size()) + "; " + warnings);
        assertThat(validator.unexpectedWarnings(bundle)).isEmpty();
        assertThat(warnings).noneMatch(m -> m.contains("fragment CodeSystem") || m.contains("Consent PolicyRule"));
        assertThat(validator.messages(bundle)).noneMatch(m -> m.contains("Unknown extension"));
        JsonNode entries = new ObjectMapper().readTree(bundle).path("entry");
        Set<String> types = new TreeSet<>();
        for (JsonNode entry : entries) {
            JsonNode resource = entry.path("resource");
            types.add(resource.path("resourceType").asText());
            assertThat(resource.at("/meta/profile/0").asText()).as(resource.path("resourceType").asText())
                    .startsWith("http");
            assertThat(resource.at("/text/status").asText()).isEqualTo("generated");
        }
        assertThat(types).contains("Patient", "CareTeam", "CarePlan", "Goal", "Account", "ChargeItem", "ServiceRequest",
                "Consent", "AuditEvent");
    }
}
