package io.github.personalcare.fhir;

import io.github.personalcare.record.PatientRecord;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.personalcare.fhir.conformance.UkCoreValidator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.careplan.CarePlan;
import io.github.personalcare.careplan.EndReason;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * CareTeam, RelatedPerson, CarePlan (with its version snapshots) and Goal validate with 0 errors
 * against FHIR R4 and the profiles they claim, with the shared offline HAPI validator.
 */
class CareConformanceTest {
    private final UkCoreValidator validator = UkCoreValidator.shared();

    @Test
    void exportedCareTeamAndItsCarersHaveNoValidationErrors() {
        for (ObjectNode r : new CareTeamMapper().resources(CareFixtures.team())) {
            assertThat(validator.errors(FhirWriter.toJson(r))).as(r.get("resourceType").asText()).isEmpty();
        }
    }

    @Test
    void exportedCarePlansGoalsAndSnapshotsHaveNoValidationErrorsInEveryState() {
        CarePlanMapper mapper = new CarePlanMapper();
        for (CarePlan plan : List.of(CareFixtures.draft(), CareFixtures.proposed(), CareFixtures.agreed(),
                CareFixtures.underReview(), CareFixtures.ended(EndReason.COMPLETED), CareFixtures.withdrawnDraft(),
                CareFixtures.enteredInError())) {
            for (ObjectNode r : mapper.resources(plan)) {
                assertThat(validator.errors(FhirWriter.toJson(r)))
                        .as("%s of a %s plan", r.get("resourceType").asText(), plan.status()).isEmpty();
            }
        }
    }

    @Test
    void wholeRecordWithCareTeamAndPlansHasNoValidationErrors() {
        PatientRecord record = PatientRecord.builder(Fixtures.ada()).careTeams(List.of(CareFixtures.team()))
                .carePlans(List.of(CareFixtures.underReview())).audit(Fixtures.adaAudit()).build();
        PatientRecordMapper mapper = new PatientRecordMapper();
        assertThat(validator.errors(FhirWriter.toJson(mapper.toFhir(record)))).isEmpty();
        assertThat(validator.errors(FhirWriter.toJson(mapper.toTransaction(record)))).isEmpty();
    }

    @Property(tries = 15)
    void everyGeneratedRecordWithCareValidates(@ForAll("records") PatientRecord record) {
        assertThat(validator.errors(FhirWriter.toJson(new PatientRecordMapper().toFhir(record)))).isEmpty();
    }

    @Provide
    Arbitrary<PatientRecord> records() {
        return GeneratedRecords.records().filter(r -> !r.carePlans().isEmpty());
    }
}
