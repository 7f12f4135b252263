package io.github.personalcare;

import io.github.personalcare.lang.RuleViolationException;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.access.AccessDeniedException;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.support.CapturedLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogCleanlinessTest {
    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();

    @Test
    void registeringReadingAndBeingDeniedLogsNoPersonalData() {
        var care = PersonalCare.builder().build();
        var gp = AccessContext.of(Actor.professional(UserId.of("U1"), ProfessionalRole.GENERAL_PRACTITIONER,
                OdsCode.of("A81001")), Purpose.DIRECT_CARE, "patient asked about her plan");
        Patient patient = care.patients().register(gp, NhsNumber.parse("943 476 5870"), NhsNumberVerification.VERIFIED,
                new PersonName("Adelina", "Quarterman"), LocalDate.of(1950, 12, 10), Set.of(), Optional.empty()).value();
        care.patients().get(AccessContext.patientSelf(patient.id()), patient.id());
        var emergency = AccessContext.of(Actor.professional(UserId.of("U2"), ProfessionalRole.EMERGENCY_CLINICIAN,
                OdsCode.of("RH8")), Purpose.EMERGENCY, "collapsed in the waiting room");
        care.patients().get(emergency, patient.id());
        var stranger = AccessContext.of(Actor.professional(UserId.of("U3"), ProfessionalRole.NURSE, OdsCode.of("RH8")),
                Purpose.DIRECT_CARE, "wants to look");
        assertThatThrownBy(() -> care.patients().get(stranger, patient.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> care.patients().register(gp, NhsNumber.parse("9434765870"),
                NhsNumberVerification.VERIFIED, new PersonName("Adelina", "Quarterman"), LocalDate.of(1950, 12, 10),
                Set.of(), Optional.empty())).isInstanceOf(RuleViolationException.class);

        assertThat(logs.lines()).isNotEmpty();
        assertThat(String.join("\n", logs.lines()))
                .doesNotContain("9434765870").doesNotContain("943 476 5870")
                .doesNotContain("Adelina").doesNotContain("Quarterman")
                .doesNotContain("waiting room").doesNotContain("asked about");
    }
}
