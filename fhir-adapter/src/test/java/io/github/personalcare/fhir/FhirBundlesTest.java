package io.github.personalcare.fhir;

import io.github.personalcare.record.PatientRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.lang.RuleViolationException;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.UserId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FhirBundlesTest {
    private final PatientRecordMapper mapper = new PatientRecordMapper();
    private final PatientRecord ada = PatientRecord.of(Fixtures.ada(), Fixtures.adaAudit());

    private List<String> fullUrls(JsonNode bundle) {
        List<String> urls = new ArrayList<>();
        bundle.get("entry").forEach(e -> urls.add(e.get("fullUrl").asText()));
        return urls;
    }

    @Test
    void fullUrlsAreUrnUuidsOfTheInternalIds() {
        JsonNode bundle = mapper.toFhir(ada);
        assertThat(bundle.at("/entry/0/fullUrl").asText()).isEqualTo("urn:uuid:" + Fixtures.ADA_ID);
        assertThat(fullUrls(bundle)).allSatisfy(u -> assertThat(u).matches("urn:uuid:[0-9a-f-]{36}")).doesNotHaveDuplicates();
    }

    @Test
    void theSameRecordAlwaysGivesTheSameBundle() {
        assertThat(FhirWriter.toJson(mapper.toFhir(ada))).isEqualTo(FhirWriter.toJson(mapper.toFhir(ada)));
    }

    @Test
    void referencesBetweenEntriesPointAtFullUrls() {
        JsonNode bundle = mapper.toFhir(ada);
        List<String> urls = fullUrls(bundle);
        List<String> references = new ArrayList<>();
        collectReferences(bundle, references);
        assertThat(references).isNotEmpty().allSatisfy(r -> assertThat(urls).contains(r));
    }

    @Test
    void aResourceInTheRecordTwiceIsWrittenOnce() {
        // Ada's GP works at her registered practice: one Organization entry for A81001.
        JsonNode bundle = mapper.toFhir(ada);
        String practice = "urn:uuid:" + OrganizationMapper.idFor(Fixtures.PRACTICE);
        assertThat(fullUrls(bundle)).filteredOn(practice::equals).hasSize(1);
    }

    @Test
    void transactionEntriesAreIdempotentPuts() {
        JsonNode bundle = mapper.toTransaction(ada);
        assertThat(bundle.get("type").asText()).isEqualTo("transaction");
        bundle.get("entry").forEach(e -> {
            assertThat(e.at("/request/method").asText()).isEqualTo("PUT");
            assertThat(e.at("/request/url").asText())
                    .isEqualTo(e.at("/resource/resourceType").asText() + "/" + e.at("/resource/id").asText());
        });
    }

    @Test
    @DisplayName("R49 the Bundle of an S-flagged patient holds no registered-practice Organization")
    void r49SensitivePatientsBundleHasNoPracticeOrganization() {
        PatientRecord sensitive = PatientRecord.builder(Fixtures.sensitiveAda()).build();
        JsonNode bundle = mapper.toFhir(sensitive);
        assertThat(bundle.get("entry")).hasSize(1);
        assertThat(FhirWriter.toJson(bundle)).doesNotContain("A81001");
    }

    @Test
    @DisplayName("R49 an S-flagged patient's record is refused when her GP practice would show through its professionals")
    void r49SensitivePatientsPracticeNeverShowsThroughItsProfessionals() {
        PatientRecord viaProfessional = PatientRecord.builder(Fixtures.sensitiveAda())
                .professionals(List.of(Fixtures.GP)).build();
        PatientRecord viaAudit = PatientRecord.builder(Fixtures.sensitiveAda()).audit(Fixtures.adaAudit()).build();

        for (PatientRecord record : List.of(viaProfessional, viaAudit)) {
            assertThatExceptionOfType(RuleViolationException.class).isThrownBy(() -> mapper.toFhir(record))
                    .satisfies(e -> assertThat(e.rule()).isEqualTo("R49"));
            assertThatExceptionOfType(RuleViolationException.class).isThrownBy(() -> mapper.toTransaction(record));
        }
    }

    @Test
    @DisplayName("R49 professionals of other organisations do not stop an S-flagged patient's export")
    void r49OtherOrganisationsAreExported() {
        Actor.Professional hospital = Actor.professional(UserId.of("U300003"), ProfessionalRole.CONSULTANT,
                OdsCode.of("RH8"));
        PatientRecord record = PatientRecord.builder(Fixtures.sensitiveAda()).professionals(List.of(hospital)).build();

        assertThat(FhirWriter.toJson(mapper.toFhir(record))).contains("RH8").doesNotContain("A81001");
    }

    @Test
    void aResourceWithoutAUuidIdCannotBeBundled() {
        ObjectNode odd = new OrganizationMapper().toFhir(Fixtures.PRACTICE);
        odd.put("id", "example");
        assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> FhirBundles.collection(List.of(odd)));
    }

    @Test
    void aBundleWithTwoPatientsIsRefused() {
        ObjectNode bundle = FhirBundles.collection(List.of(new PatientMapper().toFhir(Fixtures.ada()),
                new PatientMapper().toFhir(new io.github.personalcare.patient.Patient(
                        io.github.personalcare.identity.PatientId.random(), Fixtures.ada().nhsNumber(),
                        Fixtures.ada().verification(), Fixtures.ada().name(), Fixtures.ada().dateOfBirth(),
                        java.util.Set.of(), java.util.Optional.empty(), java.util.Optional.empty()))));
        assertThatExceptionOfType(FhirImportException.class)
                .isThrownBy(() -> new FhirImporter(FhirLimits.DEFAULT).read(FhirWriter.toJson(bundle), mapper))
                .satisfies(e -> assertThat(e.problems()).containsExactly(
                        new ImportProblem("$.entry", "ONE_PATIENT", "must hold exactly one Patient")));
    }

    @Test
    void problemsInsideABundleNameTheEntry() {
        ObjectNode bundle = mapper.toFhir(ada);
        ((ObjectNode) bundle.at("/entry/0/resource")).put("birthDate", "1950");
        assertThatExceptionOfType(FhirImportException.class)
                .isThrownBy(() -> new FhirImporter(FhirLimits.DEFAULT).read(FhirWriter.toJson(bundle), mapper))
                .satisfies(e -> assertThat(e.problems()).extracting(ImportProblem::jsonPath)
                        .containsExactly("$.entry[0].resource.birthDate"));
    }

    private static void collectReferences(JsonNode node, List<String> out) {
        if (node.isObject()) {
            JsonNode ref = node.get("reference");
            if (ref != null && ref.isTextual()) {
                out.add(ref.asText());
            }
        }
        node.forEach(child -> collectReferences(child, out));
    }
}
