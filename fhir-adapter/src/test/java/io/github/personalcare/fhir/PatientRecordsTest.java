package io.github.personalcare.fhir;

import io.github.personalcare.record.PatientRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.AccessDeniedException;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.careteam.CareTeam;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.patient.PatientFlag;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.lang.Versioned;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PatientRecordsTest {
    private final PersonalCare care = PersonalCare.builder().build();
    private final AccessContext gp = AccessContext.of(Actor.professional(UserId.of("U100001"),
            ProfessionalRole.GENERAL_PRACTITIONER, OdsCode.of("A81001")), Purpose.DIRECT_CARE);
    private final Patient ada = care.patients().register(gp, NhsNumber.parse("943 476 5870"),
            NhsNumberVerification.VERIFIED, new PersonName("Ada", "Lovelace"), LocalDate.of(1950, 12, 10),
            Set.of(PatientFlag.COMPLEX_NEEDS), Optional.of(OdsCode.of("A81001"))).value();

    @Test
    void theRecordHoldsEveryPartReadThroughTheServicesAndTheAuditOfThoseReads() {
        Versioned<CareTeam> team = care.careTeams().establish(gp, ada.id());
        care.careTeams().addProfessional(gp, team.value().id(), UserId.of("U200002"),
                ProfessionalRole.CARE_COORDINATOR, OdsCode.of("RX1"), team.version());

        PatientRecord record = PatientRecords.read(care, gp, ada.id());

        assertThat(record.patient()).isEqualTo(ada);
        assertThat(record.careTeams()).singleElement().extracting(CareTeam::id).isEqualTo(team.value().id());
        assertThat(record.carePlans()).isEmpty();
        assertThat(record.budgets()).isEmpty();
        assertThat(record.referrals()).isEmpty();
        assertThat(record.consents()).isEmpty();
        assertThat(record.audit()).extracting(r -> r.event().action())
                .contains("patient.read", "careteam.read", "consent.list");
    }

    @Test
    void aCallerRefusedAnyPartGetsNoRecordAtAll() {
        AccessContext stranger = AccessContext.of(Actor.professional(UserId.of("U999999"),
                ProfessionalRole.GENERAL_PRACTITIONER, OdsCode.of("B99999")), Purpose.DIRECT_CARE);

        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> PatientRecords.read(care, stranger, ada.id()));
    }
}
