package io.github.personalcare.fhir;

import io.github.personalcare.record.PatientRecord;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.fhir.conformance.UkCoreValidator;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.patient.Patient;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every resource the adapter exports validates with 0 errors against FHIR R4 and the UK Core
 * profiles it claims, with the HAPI validator offline (unknown code systems are warnings).
 */
class ConformanceTest {
    private final UkCoreValidator validator = UkCoreValidator.shared();
    private final PatientRecordMapper records = new PatientRecordMapper();
    private final PatientRecord ada = PatientRecord.of(Fixtures.ada(), Fixtures.adaAudit());

    @Test
    void exportedPatientHasNoValidationErrors() {
        assertThat(validator.errors(FhirWriter.toJson(new PatientMapper().toFhir(Fixtures.ada())))).isEmpty();
    }

    @Test
    void exportedSensitivePatientHasNoValidationErrors() {
        assertThat(validator.errors(FhirWriter.toJson(new PatientMapper().toFhir(Fixtures.sensitiveAda())))).isEmpty();
    }

    @Test
    void exportedDeceasedPatientHasNoValidationErrors() {
        var dead = Fixtures.ada().withDateOfDeath(java.time.LocalDate.of(2026, 1, 2));
        assertThat(validator.errors(FhirWriter.toJson(new PatientMapper().toFhir(dead)))).isEmpty();
    }

    @Test
    @DisplayName("R3 a patient traced in Wales (nn) is exported in the Wales code system without validation errors")
    void exportedPatientTracedInWalesHasNoValidationErrors() {
        var ada = Fixtures.ada();
        var tracedInWales = new Patient(ada.id(), ada.nhsNumber(), NhsNumberVerification.TRACED_WELSH_AR, ada.name(),
                ada.dateOfBirth(), ada.flags(), ada.registeredPractice(), ada.dateOfDeath());
        assertThat(validator.errors(FhirWriter.toJson(new PatientMapper().toFhir(tracedInWales)))).isEmpty();
    }

    @Test
    void exportedOrganizationHasNoValidationErrors() {
        assertThat(validator.errors(FhirWriter.toJson(new OrganizationMapper().toFhir(Fixtures.PRACTICE)))).isEmpty();
    }

    @Test
    @DisplayName("R5 an Organization known by its ODS site code has no validation errors")
    void exportedSiteOrganizationHasNoValidationErrors() {
        assertThat(validator.errors(FhirWriter.toJson(new OrganizationMapper().toFhir(OdsCode.site("RH802"))))).isEmpty();
    }

    @Test
    void exportedPractitionerHasNoValidationErrors() {
        assertThat(validator.errors(FhirWriter.toJson(new PractitionerMapper().toFhir(Fixtures.GP.user())))).isEmpty();
    }

    @Test
    void exportedPractitionerRoleHasNoValidationErrors() {
        assertThat(validator.errors(FhirWriter.toJson(new PractitionerRoleMapper().toFhir(Fixtures.NURSE)))).isEmpty();
    }

    @Test
    void everyExportedAuditEventHasNoValidationErrors() {
        AuditEventMapper mapper = new AuditEventMapper();
        for (var record : Fixtures.adaAudit()) {
            assertThat(validator.errors(FhirWriter.toJson(mapper.toFhir(record))))
                    .as("audit record %s", record.sequence()).isEmpty();
        }
    }

    @Test
    void wholeRecordCollectionBundleHasNoValidationErrors() {
        assertThat(validator.errors(FhirWriter.toJson(records.toFhir(ada)))).isEmpty();
    }

    @Test
    void wholeRecordTransactionBundleHasNoValidationErrors() {
        assertThat(validator.errors(FhirWriter.toJson(records.toTransaction(ada)))).isEmpty();
    }

    @Test
    void wholeRecordWithCareTeamCarePlanAndGoalsHasNoValidationErrors() {
        PatientRecord withCare = PatientRecord.builder(Fixtures.ada()).careTeams(List.of(CareFixtures.team()))
                .carePlans(List.of(CareFixtures.underReview())).audit(Fixtures.adaAudit()).build();
        assertThat(validator.errors(FhirWriter.toJson(records.toFhir(withCare)))).isEmpty();
    }

    @Test
    void exportedServiceRequestsHaveNoValidationErrors() {
        ServiceRequestMapper mapper = new ServiceRequestMapper();
        assertThat(validator.errors(FhirWriter.toJson(mapper.toFhir(ReferralConsentFixtures.bookedTwoWeekWait()))))
                .isEmpty();
        for (var state : io.github.personalcare.referral.ReferralState.values()) {
            var r = ReferralConsentFixtures.simple(state, io.github.personalcare.referral.Priority.ROUTINE,
                    io.github.personalcare.referral.RequestType.ADVICE_AND_GUIDANCE);
            assertThat(validator.errors(FhirWriter.toJson(mapper.toFhir(r)))).as("state %s", state).isEmpty();
        }
    }

    @Test
    void exportedConsentsHaveNoValidationErrors() {
        ConsentMapper mapper = new ConsentMapper();
        for (var c : List.of(ReferralConsentFixtures.carerMaySeeThePlan(),
                ReferralConsentFixtures.researchOptOutByAttorney())) {
            assertThat(validator.errors(FhirWriter.toJson(mapper.toFhir(c)))).isEmpty();
        }
    }

    @Test
    @DisplayName("R51 ServiceRequest and Consent claim their UK Core profiles; the Bundle holding them validates")
    void r51ReferralsAndConsentsInTheWholeRecordBundle() {
        PatientRecord record = PatientRecord.builder(Fixtures.ada()).audit(Fixtures.adaAudit())
                .referrals(List.of(ReferralConsentFixtures.bookedTwoWeekWait()))
                .consents(List.of(ReferralConsentFixtures.carerMaySeeThePlan(),
                        ReferralConsentFixtures.researchOptOutByAttorney()))
                .build();
        for (JsonNode r : records.resources(record)) {
            String type = r.get("resourceType").asText();
            assertThat(r.at("/meta/profile/0").asText())
                    .isEqualTo("https://fhir.hl7.org.uk/StructureDefinition/UKCore-" + type);
        }
        assertThat(validator.errors(FhirWriter.toJson(records.toFhir(record)))).isEmpty();
        assertThat(validator.errors(FhirWriter.toJson(records.toTransaction(record)))).isEmpty();
    }

    @Test
    void wholeRecordWithABudgetAndItsLedgerHasNoValidationErrors() {
        assertThat(validator.errors(FhirWriter.toJson(records.toFhir(BudgetFixtures.record())))).isEmpty();
    }

    @Test
    void validatorReallyReportsErrorsForABrokenPatient() {
        // Guards the guard: a validator that reports nothing would make every test above pass.
        ObjectNode broken = new PatientMapper().toFhir(Fixtures.ada());
        broken.put("birthDate", "10/12/1950");
        ((ObjectNode) broken.get("identifier").get(0)).remove("value");
        assertThat(validator.errors(FhirWriter.toJson(broken))).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    @DisplayName("R51 every exported resource claims its UK Core profile in meta.profile")
    void r51EveryExportedResourceClaimsItsUkCoreProfile() {
        List<ObjectNode> resources = records.resources(ada);
        assertThat(resources).extracting(r -> r.get("resourceType").asText())
                .contains("Patient", "Organization", "Practitioner", "PractitionerRole", "AuditEvent");
        for (JsonNode r : resources) {
            String type = r.get("resourceType").asText();
            assertThat(r.at("/meta/profile/0").asText())
                    .isEqualTo("https://fhir.hl7.org.uk/StructureDefinition/UKCore-" + type);
        }
    }
}
