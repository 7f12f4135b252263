package io.github.personalcare.examples;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.audit.AuditOutcome;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.patient.PatientFlag;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ConsentChapterTest {
    private static final OdsCode PRACTICE = OdsCode.of("A81001");
    private static final Actor.Professional GP = Actor.professional(UserId.of("gp-1"),
            ProfessionalRole.GENERAL_PRACTITIONER, PRACTICE);

    @Test
    void theConsentChapterTellsItsStory() {
        PrivacyOfficerInbox inbox = new PrivacyOfficerInbox();
        PersonalCare care = PersonalCare.builder().transport(inbox)
                .clock(Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC)).build();
        Patient patient = care.patients().register(AccessContext.of(GP, Purpose.ADMINISTRATION),
                NhsNumber.parse("9434765870"), NhsNumberVerification.VERIFIED, new PersonName("Ada", "Example"),
                LocalDate.of(1950, 12, 10), Set.of(PatientFlag.LONG_TERM_CONDITION), Optional.of(PRACTICE)).value();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        ConsentChapter.Outcome outcome = ConsentChapter.run(care, inbox, patient, GP,
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String story = bytes.toString(StandardCharsets.UTF_8);

        assertThat(story).contains("patient grants carer proxy view: consent ACTIVE")
                .contains("carer views the record: permitted")
                .contains("carer changes the record's flags: denied by " + outcome.carerGrant().reference()
                        + "#provision")
                .contains("researcher reads the record for research: denied by R42")
                .contains("A&E clinician reads the record for direct care: denied by R39")
                .contains("break-glass alerts delivered to the privacy officer: 1")
                .contains("patient reads their access log:")
                .contains(ConsentChapter.AE_CLINICIAN.reference() + " patient.read EMERGENCY PERMIT R40")
                .contains(ConsentChapter.RESEARCHER.reference() + " patient.read RESEARCH DENY R42")
                .doesNotContain("9434765870")
                .doesNotContain("Ada")
                .doesNotContain("unconscious on arrival");
        assertThat(outcome.accessLog()).anySatisfy(e -> {
            assertThat(e.purpose()).isEqualTo(Purpose.EMERGENCY);
            assertThat(e.outcome()).isEqualTo(AuditOutcome.PERMIT);
            assertThat(e.rule()).isEqualTo("R40");
        });
    }
}
