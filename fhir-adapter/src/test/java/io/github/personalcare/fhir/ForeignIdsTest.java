package io.github.personalcare.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.patient.Patient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Any FHIR id form is read (ForeignIds): a non-UUID id becomes a derived UUID with a warning, never a refusal. */
class ForeignIdsTest {
    private final FhirImporter importer = new FhirImporter(FhirLimits.DEFAULT);
    private final PatientMapper patients = new PatientMapper();

    private ObjectNode adaWithId(String id) {
        ObjectNode json = patients.toFhir(Fixtures.ada());
        json.put("id", id);
        return json;
    }

    @Test
    @DisplayName("a non-UUID id is read as the name-based UUID of Type/id, with an ID_DERIVED warning at its path")
    void aNonUuidIdIsDerivedWithAWarning() {
        FhirImport<Patient> result = importer.read(FhirWriter.toJson(adaWithId("ada.lovelace-1")), patients);

        assertThat(result.value().id().value()).isEqualTo(ForeignIds.derived("Patient", "ada.lovelace-1"));
        assertThat(result.warnings()).extracting(ImportProblem::jsonPath, ImportProblem::rule, ImportProblem::severity)
                .containsExactly(tuple("$.id", "ID_DERIVED", ImportProblem.Severity.WARNING));
        assertThat(result.warnings().get(0).message()).doesNotContain("ada.lovelace-1");
    }

    @Test
    @DisplayName("the same foreign id always gives the same SDK id, and ids of other types differ")
    void derivedIdsAreStableAndTyped() {
        assertThat(ForeignIds.derived("Patient", "example")).isEqualTo(ForeignIds.derived("Patient", "example"));
        assertThat(ForeignIds.derived("Patient", "example")).isNotEqualTo(ForeignIds.derived("Consent", "example"));
    }

    @Test
    @DisplayName("a UUID id is kept as it is, without a warning")
    void aUuidIdIsKept() {
        FhirImport<Patient> result = importer.read(FhirWriter.toJson(adaWithId(Fixtures.ADA_ID.toString())), patients);

        assertThat(result.value().id()).isEqualTo(Fixtures.ADA_ID);
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    @DisplayName("an id that is not a FHIR id at all is still refused with ID")
    void anIdThatIsNotAFhirIdIsRefused() {
        assertThat(FhirJsonForTests.problems(adaWithId("has spaces"), patients))
                .extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(tuple("$.id", "ID"));
    }

    @Test
    @DisplayName("a reference Patient/<foreign id> reads as the same patient as the Patient with that id")
    void referencesToAForeignIdReadAsTheSamePatient() {
        ObjectNode consent = new ConsentMapper().toFhir(ReferralConsentFixtures.carerMaySeeThePlan());
        String foreign = FhirWriter.toJson(consent).replace("Patient/" + Fixtures.ADA_ID, "Patient/ada.lovelace-1");

        FhirImport<io.github.personalcare.consent.ConsentRecord> result = importer.read(foreign, new ConsentMapper());

        assertThat(result.value().patient().value()).isEqualTo(ForeignIds.derived("Patient", "ada.lovelace-1"));
        assertThat(result.warnings()).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .contains(tuple("$.patient.reference", "ID_DERIVED"));
    }
}
