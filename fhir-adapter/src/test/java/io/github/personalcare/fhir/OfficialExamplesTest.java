package io.github.personalcare.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.personalcare.fhir.conformance.UkCoreValidator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The official HL7 R4 and UK Core examples of the resource types mapped so far: each either
 * imports or fails with a precise list of problems, never with any other exception.
 */
class OfficialExamplesTest {
    /** The copied official examples (src/test/resources/fhir/examples; source and licence in the module's NOTICE). */
    static final Path EXAMPLES = examplesFolder();
    static final Map<String, FhirMapper<?>> MAPPERS = Map.of(
            "Patient", new PatientMapper(),
            "Organization", new OrganizationMapper(),
            "Practitioner", new PractitionerMapper(),
            "PractitionerRole", new PractitionerRoleMapper(),
            "AuditEvent", new AuditEventMapper(),
            "CareTeam", new CareTeamMapper(),
            "CarePlan", new CarePlanMapper(),
            "Goal", new GoalMapper(),
            "ServiceRequest", new ServiceRequestMapper(),
            "Consent", new ConsentMapper());

    private final FhirImporter importer = new FhirImporter(FhirLimits.DEFAULT);

    private static Path examplesFolder() {
        try {
            return Path.of(OfficialExamplesTest.class.getResource("/fhir/examples").toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Path> examples() throws IOException {
        List<Path> files = new java.util.ArrayList<>();
        for (String folder : List.of("r4", "ukcore")) {
            try (Stream<Path> list = Files.list(EXAMPLES.resolve(folder))) {
                list.filter(f -> MAPPERS.containsKey(typeOf(f))).sorted().forEach(files::add);
            }
        }
        return files.stream();
    }

    // "Patient-example.json" (r4) and "UKCore-Patient-RichardSmith-Example.json" (ukcore).
    static String typeOf(Path file) {
        String name = file.getFileName().toString();
        if (name.startsWith("UKCore-")) {
            name = name.substring("UKCore-".length());
        }
        int dash = name.indexOf('-');
        return dash < 0 ? "" : name.substring(0, dash);
    }

    @Test
    void thereAreExamplesOfEveryMappedType() throws IOException {
        assertThat(examples().map(OfficialExamplesTest::typeOf).distinct())
                .containsExactlyInAnyOrderElementsOf(MAPPERS.keySet());
    }

    @ParameterizedTest
    @MethodSource("examples")
    void exampleImportsOrListsItsProblemsWithPaths(Path file) throws IOException {
        FhirMapper<?> mapper = MAPPERS.get(typeOf(file));
        try (InputStream in = Files.newInputStream(file)) {
            FhirImport<?> result = importer.read(in, mapper);
            assertThat(result.ignored()).allSatisfy(p -> assertThat(p).startsWith("$."));
            // What imports must export again as a conformant resource.
            assertThat(UkCoreValidator.shared().errors(FhirWriter.toJson(reexport(mapper, result.value())))).isEmpty();
        } catch (FhirImportException e) {
            assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
                assertThat(p.jsonPath()).startsWith("$");
                assertThat(p.rule()).isNotBlank();
                assertThat(p.message()).isNotBlank();
            });
        }
    }

    @Test
    void ukCoreRichardSmithImportsWithItsIdDerivedAndAWarningSayingSo() {
        // A good UK Core Patient: its non-UUID id is read by the stated rule (ForeignIds), not refused.
        var patient = read("ukcore/UKCore-Patient-RichardSmith-Example.json", new PatientMapper());
        assertThat(patient.value().id().value())
                .isEqualTo(ForeignIds.derived("Patient", "UKCore-Patient-RichardSmith-Example"));
        assertThat(patient.warnings()).extracting(ImportProblem::jsonPath, ImportProblem::rule, ImportProblem::severity)
                .contains(org.assertj.core.groups.Tuple.tuple("$.id", "ID_DERIVED", ImportProblem.Severity.WARNING));
    }

    @Test
    void ukCoreOrganizationImportsItsOdsCode() {
        var org = read("ukcore/UKCore-Organization-LeedsTeachingHospital-Example.json", new OrganizationMapper());
        assertThat(org.value().value()).isEqualTo("RR8");
        assertThat(org.ignored()).contains("$.name", "$.address");
    }

    @Test
    void r4PatientExampleListsEveryMissingSdkElement() {
        assertThatExceptionOfType(FhirImportException.class)
                .isThrownBy(() -> read("r4/Patient-example.json", new PatientMapper()))
                .satisfies(e -> assertThat(e.problems()).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("$.identifier", "R2")));
    }

    @SuppressWarnings("unchecked") // the mapper and the value come from the same read
    private static <D> com.fasterxml.jackson.databind.node.ObjectNode reexport(FhirMapper<D> mapper, Object value) {
        return mapper.toFhir((D) value);
    }

    private <D> FhirImport<D> read(String file, FhirMapper<D> mapper) {
        try (InputStream in = Files.newInputStream(EXAMPLES.resolve(file))) {
            return importer.read(in, mapper);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
