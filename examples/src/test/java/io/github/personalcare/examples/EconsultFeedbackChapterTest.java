package io.github.personalcare.examples;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.econsult.EconsultStatus;
import io.github.personalcare.econsult.Econsultation;
import io.github.personalcare.econsult.TriageOutcome;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class EconsultFeedbackChapterTest {
    private static final OdsCode PRACTICE = OdsCode.of("A81001");
    private static final AccessContext GP = AccessContext.of(Actor.professional(UserId.of("gp-1"),
            ProfessionalRole.GENERAL_PRACTITIONER, PRACTICE), Purpose.DIRECT_CARE);

    @Test
    void thePatientsEconsultationIsAnsweredAndSheLeavesFeedback() {
        StoryClock clock = new StoryClock(Instant.parse("2026-11-23T10:00:00Z"), ZoneId.of("Europe/London"));
        PersonalCare care = PersonalCare.builder().clock(clock).build();
        PatientId patient = care.patients().register(GP, NhsNumber.parse("9434765870"), NhsNumberVerification.VERIFIED,
                new PersonName("Ada", "Example"), LocalDate.of(1950, 12, 10), Set.of(), Optional.of(PRACTICE))
                .value().id();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Econsultation seen = EconsultFeedbackChapter.run(care, new PrintStream(bytes, true, StandardCharsets.UTF_8),
                clock::advance, patient, GP, PRACTICE);
        String story = bytes.toString(StandardCharsets.UTF_8);

        assertThat(seen.status()).isEqualTo(EconsultStatus.TRIAGED);
        assertThat(seen.outcome()).get().isInstanceOf(TriageOutcome.AppointmentOffered.class);
        assertThat(care.feedback().forPatient(AccessContext.patientSelf(patient), patient)).hasSize(1);
        assertThat(story).contains("Amara sends an e-consultation: AWAITING_TRIAGE, due within 48 hours")
                .contains("Practice queue after 20 hours: 0 overdue")
                .contains("Amara reads the practice's answer: TRIAGED, outcome APPOINTMENT_OFFERED")
                .contains("Amara leaves feedback on her care planning: Very good; involved in decisions: Yes")
                .contains("groups under 5 suppressed")
                .doesNotContain("ankles").doesNotContain("blood pressure").doesNotContain("daughter")
                .doesNotContain("9434765870");
    }
}
