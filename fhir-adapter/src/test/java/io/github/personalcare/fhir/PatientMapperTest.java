package io.github.personalcare.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.patient.PatientFlag;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PatientMapperTest {
    private final PatientMapper mapper = new PatientMapper();
    private final FhirImporter importer = new FhirImporter(FhirLimits.DEFAULT);

    private ObjectNode ada() {
        return mapper.toFhir(Fixtures.ada());
    }

    private FhirImport<Patient> read(JsonNode json) {
        return importer.read(FhirWriter.toJson(json), mapper);
    }

    private FhirImportException refused(JsonNode json) {
        return FhirJsonForTests.refused(FhirWriter.toJson(json), mapper);
    }

    @Test
    @DisplayName("R2 the NHS number is emitted once, with the https UK Core system")
    void r2NhsNumberIsEmittedWithTheUkCoreSystem() {
        JsonNode identifiers = ada().get("identifier");
        assertThat(identifiers).hasSize(1);
        assertThat(identifiers.get(0).get("system").asText()).isEqualTo("https://fhir.nhs.uk/Id/nhs-number");
        assertThat(identifiers.get(0).get("value").asText()).isEqualTo("9434765870");
    }

    @Test
    @DisplayName("R2 the legacy nhs.net system is accepted on input and never emitted")
    void r2LegacySystemIsAcceptedOnInputOnly() {
        ObjectNode json = ada();
        ((ObjectNode) json.get("identifier").get(0)).put("system", "http://fhir.nhs.net/Id/nhs-number");
        Patient back = read(json).value();
        assertThat(back.nhsNumber().value()).isEqualTo("9434765870");
        assertThat(mapper.toFhir(back).at("/identifier/0/system").asText()).isEqualTo("https://fhir.nhs.uk/Id/nhs-number");
    }

    @Test
    @DisplayName("R2 a patient with two NHS numbers is refused")
    void r2TwoNhsNumbersAreRefused() {
        ObjectNode json = ada();
        ((com.fasterxml.jackson.databind.node.ArrayNode) json.get("identifier")).add(json.get("identifier").get(0).deepCopy());
        assertThat(refused(json).problems())
                .containsExactly(new ImportProblem("$.identifier[1]", "R2", "a patient has at most one NHS number"));
    }

    @Test
    @DisplayName("R2 a patient without an NHS number is refused")
    void r2PatientWithoutNhsNumberIsRefused() {
        ObjectNode json = ada();
        ((ObjectNode) json.get("identifier").get(0)).put("system", "https://example.org/mrn");
        assertThat(refused(json).problems())
                .containsExactly(new ImportProblem("$.identifier", "R2", "an NHS number identifier is required"));
    }

    @Test
    @DisplayName("R3 the verification status is emitted as the UK Core extension with the England code")
    void r3VerificationStatusIsEmittedAsTheUkCoreExtension() {
        JsonNode extension = ada().at("/identifier/0/extension/0");
        assertThat(extension.get("url").asText())
                .isEqualTo("https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus");
        assertThat(extension.at("/valueCodeableConcept/coding/0/system").asText())
                .isEqualTo("https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland");
        assertThat(extension.at("/valueCodeableConcept/coding/0/code").asText()).isEqualTo("01");
    }

    @Test
    @DisplayName("R3 a verification code outside 01-08 is refused at its path")
    void r3UnknownVerificationCodeIsRefused() {
        ObjectNode json = ada();
        ((ObjectNode) json.at("/identifier/0/extension/0/valueCodeableConcept/coding/0")).put("code", "09");
        assertThat(refused(json).problems()).containsExactly(new ImportProblem(
                "$.identifier[0].extension[0].valueCodeableConcept.coding[0].code", "R3",
                "nhsNumberVerification: must be a UK Core code 01-08 (R3)"));
    }

    @Test
    @DisplayName("R3 a Wales 01-08 code is accepted as the same status")
    void r3WalesCodeIsAccepted() {
        ObjectNode json = ada();
        ObjectNode coding = (ObjectNode) json.at("/identifier/0/extension/0/valueCodeableConcept/coding/0");
        coding.put("system", "https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusWales");
        coding.put("code", "02");
        assertThat(read(json).value().verification()).isEqualTo(NhsNumberVerification.NOT_TRACED);
    }

    @Test
    @DisplayName("R3 the Wales code nn is accepted and written back with the Wales code system")
    void r3WalesNnCodeIsAcceptedAndWrittenBackAsWales() {
        ObjectNode json = ada();
        ObjectNode coding = (ObjectNode) json.at("/identifier/0/extension/0/valueCodeableConcept/coding/0");
        coding.put("system", "https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusWales");
        coding.put("code", "nn");
        coding.put("display", "Number present and traced using Welsh NHS AR");
        Patient back = read(json).value();
        JsonNode written = mapper.toFhir(back).at("/identifier/0/extension/0/valueCodeableConcept/coding/0");
        assertThat(written.get("system").asText())
                .isEqualTo("https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusWales");
        assertThat(written.get("code").asText()).isEqualTo("nn");
        assertThat(written.get("display").asText()).isEqualTo("Number present and traced using Welsh NHS AR");
    }

    @Test
    @DisplayName("R3 nn is read as its own status, never as verified")
    void r3WalesNnCodeIsNotReadAsVerified() {
        ObjectNode json = ada();
        ObjectNode coding = (ObjectNode) json.at("/identifier/0/extension/0/valueCodeableConcept/coding/0");
        coding.put("system", "https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusWales");
        coding.put("code", "nn");
        assertThat(read(json).value().verification()).isEqualTo(NhsNumberVerification.TRACED_WELSH_AR);
    }

    @Test
    @DisplayName("R3 nn is a Wales code only: in the England code system it is refused")
    void r3NnInTheEnglandCodeSystemIsRefused() {
        ObjectNode json = ada();
        ((ObjectNode) json.at("/identifier/0/extension/0/valueCodeableConcept/coding/0")).put("code", "nn");
        assertThat(refused(json).problems()).containsExactly(new ImportProblem(
                "$.identifier[0].extension[0].valueCodeableConcept.coding[0].code", "R3",
                "nhsNumberVerification: must be a UK Core code 01-08 (R3)"));
    }

    @Test
    @DisplayName("R3 a code outside the Wales code system is refused at its path")
    void r3UnknownWalesCodeIsRefused() {
        ObjectNode json = ada();
        ObjectNode coding = (ObjectNode) json.at("/identifier/0/extension/0/valueCodeableConcept/coding/0");
        coding.put("system", "https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusWales");
        coding.put("code", "NN");
        assertThat(refused(json).problems()).containsExactly(new ImportProblem(
                "$.identifier[0].extension[0].valueCodeableConcept.coding[0].code", "R3",
                "nhsNumberVerification: must be a UK Core Wales code 01-08 or nn (R3)"));
    }

    @Test
    @DisplayName("R5 a registered practice read with the ODS site code system is written back with it")
    void r5PracticeReadAsASiteCodeIsWrittenBackAsOne() {
        ObjectNode json = ada();
        ((ObjectNode) json.at("/generalPractitioner/0/identifier")).put("system", "https://fhir.nhs.uk/Id/ods-site-code");
        Patient back = read(json).value();
        JsonNode practice = mapper.toFhir(back).at("/generalPractitioner/0/identifier");
        assertThat(practice.get("system").asText()).isEqualTo("https://fhir.nhs.uk/Id/ods-site-code");
        assertThat(practice.get("value").asText()).isEqualTo("A81001");
    }

    @Test
    @DisplayName("R49 an S-flagged patient is marked restricted and exported without registered practice")
    void r49SensitivePatientHasNoPracticeAddressOrTelecom() {
        ObjectNode json = mapper.toFhir(Fixtures.sensitiveAda());
        assertThat(json.has("generalPractitioner")).isFalse();
        assertThat(json.has("address")).isFalse();
        assertThat(json.has("telecom")).isFalse();
        assertThat(FhirWriter.toJson(json)).doesNotContain("A81001");
        assertThat(json.at("/meta/security/0/code").asText()).isEqualTo("R");
    }

    @Test
    @DisplayName("R49 an S-flagged patient's practice is not taken in even if the sender included it")
    void r49SensitivePatientsPracticeIsDroppedOnImport() {
        ObjectNode json = ada();
        ((ObjectNode) json.get("meta")).putArray("security").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/v3-Confidentiality").put("code", "R");
        Patient back = read(json).value();
        assertThat(back.has(PatientFlag.SENSITIVE)).isTrue();
        assertThat(back.registeredPractice()).isEmpty();
    }

    @Test
    void registeredPracticeIsAReferenceCarryingTheOdsCode() {
        JsonNode gp = ada().at("/generalPractitioner/0");
        assertThat(gp.get("reference").asText()).isEqualTo("Organization/" + OrganizationMapper.idFor(Fixtures.PRACTICE));
        assertThat(gp.at("/identifier/system").asText()).isEqualTo("https://fhir.nhs.uk/Id/ods-organization-code");
        assertThat(gp.at("/identifier/value").asText()).isEqualTo("A81001");
    }

    @Test
    void flagsTravelAsSdkExtensions() {
        assertThat(read(ada()).value().flags())
                .containsExactlyInAnyOrder(PatientFlag.COMPLEX_NEEDS, PatientFlag.LONG_TERM_CONDITION);
    }

    @Test
    void elementsTheSdkDoesNotKeepAreListedAsIgnored() {
        ObjectNode json = ada();
        json.putArray("telecom").addObject().put("system", "phone").put("value", "0113 000 0000");
        json.put("gender", "female");
        assertThat(read(json).ignored()).containsExactly("$.telecom", "$.gender");
    }

    @Test
    void dateOfDeathIsTakenFromADeceasedDateTime() {
        ObjectNode json = ada();
        json.put("deceasedDateTime", "2026-01-02T10:00:00+00:00");
        assertThat(read(json).value().dateOfDeath()).contains(java.time.LocalDate.of(2026, 1, 2));
    }

    @Test
    void aDeathWithoutADateIsRefusedRatherThanDropped() {
        ObjectNode json = ada();
        json.put("deceasedBoolean", true);
        assertThat(refused(json).problems()).containsExactly(new ImportProblem("$.deceasedBoolean", "DECEASED",
                "a date of death is required to record a death"));
    }

    @Test
    void aPartialBirthDateIsRefusedForTheAgeRulesR46() {
        for (String partial : List.of("1950", "1950-06")) {
            ObjectNode json = ada();
            json.put("birthDate", partial);
            assertThat(refused(json).problems()).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                    .containsExactly(tuple("$.birthDate", "BIRTH_DATE_PARTIAL"));
        }
        ObjectNode json = ada();
        json.put("birthDate", "1950-6-1");
        assertThat(refused(json).problems()).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(tuple("$.birthDate", "DATE"));
    }

    @Test
    void severalGivenNamesAreJoinedAndTheOfficialNameIsChosen() {
        ObjectNode json = ada();
        json.withArray("name").insertObject(0).put("use", "nickname").put("family", "L").putArray("given").add("Ads");
        ((ObjectNode) json.at("/name/1")).putArray("given").add("Ada").add("Augusta");
        FhirImport<Patient> result = read(json);
        assertThat(result.value().name().given()).isEqualTo("Ada Augusta");
        assertThat(result.ignored()).containsExactly("$.name[0]");
    }

    @Test
    void nothingIsImportedWhenAnyProblemIsFound() {
        ObjectNode json = ada();
        json.put("id", "not a FHIR id");
        assertThatExceptionOfType(FhirImportException.class).isThrownBy(() -> read(json))
                .satisfies(e -> assertThat(e.field()).isEqualTo("$.id"));
    }

    @Test
    void theImportedPatientHasTheExportedId() {
        assertThat(read(ada()).value().id()).isEqualTo(Fixtures.ADA_ID);
        assertThat(read(ada()).value().registeredPractice()).isEqualTo(Optional.of(Fixtures.PRACTICE));
    }
}
