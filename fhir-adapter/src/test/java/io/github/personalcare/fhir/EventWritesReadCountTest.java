package io.github.personalcare.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.careplan.CarePlanContent;
import io.github.personalcare.careplan.CarePlanEvent;
import io.github.personalcare.careplan.CarePlanId;
import io.github.personalcare.careplan.GoalStatus;
import io.github.personalcare.careteam.CareTeam;
import io.github.personalcare.event.DomainEvent;
import io.github.personalcare.fhir.rest.FhirEventRenderer;
import io.github.personalcare.fhir.rest.FhirRequest;
import io.github.personalcare.fhir.rest.RecordReader;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.lang.Versioned;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.patient.PatientEvent;
import io.github.personalcare.patient.PatientFlag;
import io.github.personalcare.store.memory.InMemoryStorage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: {@code eventWrites(RecordReader)} reads only what an event names, so what an event
 * reads from storage does not grow with the patient's record; the whole-record renderer's reads do.
 * Counted at the storage (read calls and records returned), never timed.
 */
class EventWritesReadCountTest {
    private final CountingStorage storage = new CountingStorage(new InMemoryStorage());
    private final PersonalCare care = PersonalCare.builder().storage(storage)
            .clock(Clock.fixed(CareFixtures.T0, ZoneOffset.UTC)).build();
    private final AccessContext gp = AccessContext.of(Actor.professional(UserId.of("U100001"),
            ProfessionalRole.GENERAL_PRACTITIONER, OdsCode.of("A81001")), Purpose.DIRECT_CARE);
    private final Patient ada = care.patients().register(gp, NhsNumber.parse("943 476 5870"),
            NhsNumberVerification.VERIFIED, new PersonName("Ada", "Lovelace"), LocalDate.of(1950, 12, 10),
            Set.of(PatientFlag.COMPLEX_NEEDS), Optional.of(OdsCode.of("A81001"))).value();

    private final FhirEventRenderer parts = FhirEventRenderer.eventWrites(RecordReader.through(() -> care, gp));
    private final FhirEventRenderer whole = FhirEventRenderer.eventWrites(
            id -> Optional.of(PatientRecords.read(care, gp, id)));

    /** Read calls and records read while rendering. */
    private record Reads(long calls, long rows, List<String> sent) {
    }

    private Reads render(FhirEventRenderer renderer, DomainEvent event) {
        long calls = storage.calls();
        long rows = storage.rows();
        List<String> sent = keys(renderer.render(event));
        return new Reads(storage.calls() - calls, storage.rows() - rows, sent);
    }

    static List<String> keys(List<FhirRequest> requests) {
        List<String> keys = new ArrayList<>();
        for (FhirRequest r : requests) {
            if (r.method() == FhirRequest.Method.PUT) {
                keys.add(r.body().path("resourceType").asText() + "/" + r.body().path("id").asText());
            } else {
                for (JsonNode e : r.body().path("entry")) {
                    keys.add(e.path("request").path("url").asText());
                }
            }
        }
        return keys;
    }

    private CarePlanId draftPlan() {
        CarePlanContent c = CareFixtures.content(LocalDate.of(2026, 6, 1), GoalStatus.PROPOSED);
        CarePlanContent patientsActionsOnly = new CarePlanContent(c.aboutMe(), c.whatMattersToMe(), c.goals(),
                c.actions().subList(0, 1), c.supportAndServices(), c.contingency(), c.information(), c.review(), List.of());
        return care.carePlans().draft(gp, ada.id(), patientsActionsOnly).value().id();
    }

    /** More care team members, and a longer audit trail (every read of the record adds to it). */
    private void grow(CareTeam team) {
        for (int i = 0; i < 5; i++) {
            Versioned<CareTeam> current = care.careTeams().get(gp, team.id());
            care.careTeams().addProfessional(gp, team.id(), UserId.of("U30000" + i), ProfessionalRole.NURSE,
                    OdsCode.of("RX1"), current.version());
            PatientRecords.read(care, gp, ada.id());
        }
    }

    @Test
    void aCarePlanEventReadsThePlanAndThePatientHoweverBigTheRecordGrows() {
        Versioned<CareTeam> team = care.careTeams().establish(gp, ada.id());
        care.careTeams().addProfessional(gp, team.value().id(), UserId.of("U200002"),
                ProfessionalRole.CARE_COORDINATOR, OdsCode.of("RX1"), team.version());
        CarePlanId plan = draftPlan();
        DomainEvent drafted = new CarePlanEvent.Drafted(UUID.randomUUID(), CareFixtures.T0, ada.id(), plan.value());

        Reads small = render(parts, drafted);
        Reads wholeSmall = render(whole, drafted);
        grow(team.value());
        Reads big = render(parts, drafted);
        Reads wholeBig = render(whole, drafted);

        assertThat(small.sent()).contains("CarePlan/" + plan.value(), "Patient/" + ada.id().value());
        assertThat(big.sent()).isEqualTo(small.sent()).isEqualTo(wholeBig.sent());
        assertThat(big.calls()).as("read calls per event: the plan, the patient and the access decisions")
                .isEqualTo(small.calls()).isLessThan(wholeSmall.calls());
        assertThat(big.rows()).as("records read per event do not grow with the record").isEqualTo(small.rows());
        assertThat(wholeBig.rows()).as("the whole-record renderer reads the whole audit trail")
                .isGreaterThan(wholeSmall.rows() + 5);
    }

    @Test
    void aPatientEventReadsThePatientOnly() {
        grow(care.careTeams().establish(gp, ada.id()).value());
        draftPlan();
        DomainEvent updated = new PatientEvent.Updated(UUID.randomUUID(), CareFixtures.T0, ada.id());

        Reads onlyPatient = render(parts, updated);
        Reads wholeRecord = render(whole, updated);

        assertThat(onlyPatient.sent()).isEqualTo(wholeRecord.sent()).endsWith("Patient/" + ada.id().value());
        assertThat(onlyPatient.rows()).isLessThan(wholeRecord.rows());
        assertThat(onlyPatient.calls()).isLessThan(wholeRecord.calls());
    }

    @org.junit.jupiter.api.Test
    void aMissingReaderSupplierOrContextIsATypedErrorNamingIt() {
        AccessContext ctx = AccessContext.of(Actor.system("relay"), Purpose.DIRECT_CARE);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FhirEventRenderer.eventWrites((RecordReader) null))
                .isInstanceOf(io.github.personalcare.lang.InvalidInputException.class)
                .hasFieldOrPropertyWithValue("field", "reader");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RecordReader.through(null, ctx))
                .isInstanceOf(io.github.personalcare.lang.InvalidInputException.class)
                .hasFieldOrPropertyWithValue("field", "care");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RecordReader.through(() -> null, null))
                .isInstanceOf(io.github.personalcare.lang.InvalidInputException.class)
                .hasFieldOrPropertyWithValue("field", "ctx");
    }
}
