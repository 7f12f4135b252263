package io.github.personalcare.examples;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.prescription.Refusal;
import io.github.personalcare.prescription.RequestStatus;
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

class PrescriptionChapterTest {
    private static final OdsCode PRACTICE = OdsCode.of("A81001");
    private static final AccessContext GP = AccessContext.of(Actor.professional(UserId.of("gp-1"),
            ProfessionalRole.GENERAL_PRACTITIONER, PRACTICE), Purpose.DIRECT_CARE);

    @Test
    void theDaughterOrdersARepeatThePracticeIssuesAndAnEarlyOrderIsRefused() {
        StoryClock clock = new StoryClock(Instant.parse("2026-11-23T10:00:00Z"), ZoneId.of("Europe/London"));
        PersonalCare care = PersonalCare.builder().clock(clock).build();
        PatientId patient = care.patients().register(GP, NhsNumber.parse("9434765870"), NhsNumberVerification.VERIFIED,
                new PersonName("Ada", "Example"), LocalDate.of(1950, 12, 10), Set.of(), Optional.of(PRACTICE))
                .value().id();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        PrescriptionChapter.Outcome outcome = PrescriptionChapter.run(care,
                new PrintStream(bytes, true, StandardCharsets.UTF_8), clock::advance, patient, GP);
        String story = bytes.toString(StandardCharsets.UTF_8);

        assertThat(outcome.issued().value().status()).isEqualTo(RequestStatus.ISSUED);
        assertThat(outcome.issued().value().requestedBy()).isEqualTo(PrescriptionChapter.DAUGHTER.reference());
        assertThat(outcome.repeat().issuesUsed()).isEqualTo(1);
        assertThat(outcome.refusal()).isEqualTo(new Refusal.TooEarly(outcome.repeat().id(),
                LocalDate.of(2026, 11, 23), LocalDate.of(2026, 12, 14)));
        assertThat(story).contains("daughter orders without a consent: denied by R47")
                .contains("daughter orders the repeat online: request SUBMITTED")
                .contains("the GP approves it: APPROVED")
                .contains("the practice issues it on 2026-11-23: issue 1 of 6")
                .contains("a week later she orders again: refused TOO_EARLY, may order from 2026-12-14")
                .doesNotContain("9434765870");
    }
}
