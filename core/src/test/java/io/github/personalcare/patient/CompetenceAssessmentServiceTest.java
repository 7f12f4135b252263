package io.github.personalcare.patient;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.AccessDeniedException;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.audit.AuditOutcome;
import io.github.personalcare.careplan.CareWorld;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.lang.RuleViolationException;
import io.github.personalcare.lang.Versioned;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** R46: Gillick competence is a clinical assessment recorded per young person and per kind of decision. */
class CompetenceAssessmentServiceTest {
    /** A 14-year-old registered at the practice, and the practice's GP. */
    private static final class Child {
        final PersonalCare care = PersonalCare.builder().clock(Clock.fixed(CareWorld.START, ZoneOffset.UTC)).build();
        final AccessContext gp = AccessContext.of(Actor.professional(UserId.of("GP-1"),
                ProfessionalRole.GENERAL_PRACTITIONER, OdsCode.of("A81001")), Purpose.DIRECT_CARE);
        final PatientId patient = care.patients().register(gp, NhsNumber.parse("9434765870"),
                NhsNumberVerification.VERIFIED, new PersonName("Sam", "Example"), LocalDate.of(2012, 6, 1), Set.of(),
                Optional.of(OdsCode.of("A81001"))).value().id();
        final AccessContext self = AccessContext.patientSelf(patient);

        LocalDate today() {
            return LocalDate.ofInstant(CareWorld.START, ZoneOffset.UTC);
        }
    }

    private final Child child = new Child();

    private Versioned<Patient> current(Child w) {
        return w.care.patients().get(w.gp, w.patient);
    }

    @Test
    @DisplayName("R46 a professional records a child's competence for one kind of decision, with who and when")
    void r46AProfessionalRecordsTheAssessment() {
        Versioned<Patient> before = current(child);

        Versioned<Patient> after = child.care.patients().recordCompetence(child.gp, child.patient,
                CompetenceDecision.SHARING_CONSENT, true, before.version());

        assertThat(after.version()).isGreaterThan(before.version());
        assertThat(after.value().competence()).singleElement().satisfies(a -> {
            assertThat(a.decision()).isEqualTo(CompetenceDecision.SHARING_CONSENT);
            assertThat(a.competent()).isTrue();
            assertThat(a.assessedBy()).isEqualTo(UserId.of("GP-1"));
            assertThat(a.assessedOn()).isEqualTo(child.today());
        });
        assertThat(after.value().gillickCompetenceFor(CompetenceDecision.SHARING_CONSENT, child.today())).isPresent();
        assertThat(after.value().gillickCompetenceFor(CompetenceDecision.OWN_RECORD_ACCESS, child.today())).isEmpty();
    }

    @Test
    @DisplayName("R46 only a professional assesses; the child, a carer or a parent cannot record it")
    void r46OnlyAProfessionalAssesses() {
        long version = current(child).version();

        // The child may not change their own record: the guard refuses before the rule is reached.
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> child.care.patients().recordCompetence(child.self, child.patient,
                        CompetenceDecision.OWN_RECORD_ACCESS, true, version));
        assertThat(current(child).value().competence()).isEmpty();
        assertThat(child.care.audit().accessLog(child.gp, child.patient))
                .filteredOn(entry -> entry.action().equals("patient.competence")).singleElement()
                .satisfies(entry -> assertThat(entry.outcome()).isEqualTo(AuditOutcome.DENY));
    }

    @Test
    @DisplayName("R46 no assessment for someone aged 16 or over: they are presumed competent")
    void r46NoAssessmentFromSixteen() {
        CareWorld adult = new CareWorld();

        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> adult.care.patients().recordCompetence(adult.gp, adult.patient,
                        CompetenceDecision.SHARING_CONSENT, true,
                        adult.care.patients().get(adult.gp, adult.patient).version()))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R46"));
        assertThat(adult.care.audit().accessLog(adult.gp, adult.patient))
                .filteredOn(entry -> entry.action().equals("patient.competence")).singleElement()
                .satisfies(entry -> {
                    assertThat(entry.outcome()).isEqualTo(AuditOutcome.REJECTED);
                    assertThat(entry.rule()).isEqualTo("R46");
                });
    }

    @Test
    @SuppressWarnings("deprecation")
    @DisplayName("R46 the old global flag can no longer be set")
    void r46TheGlobalFlagIsRefused() {
        Versioned<Patient> before = current(child);

        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> child.care.patients().updateFlags(child.gp, child.patient,
                        Set.of(PatientFlag.GILLICK_COMPETENT), before.version()))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R46"));
        assertThat(current(child).version()).isEqualTo(before.version());
    }

    @Test
    @DisplayName("R46 an administrator, or a clinician acting for administration, cannot record a clinical assessment")
    void r46AdministrationCannotAssess() {
        long version = current(child).version();
        AccessContext admin = AccessContext.of(Actor.professional(UserId.of("ADMIN-1"), ProfessionalRole.ADMINISTRATOR,
                OdsCode.of("A81001")), Purpose.ADMINISTRATION);
        AccessContext gpForAdministration = AccessContext.of(child.gp.actor(), Purpose.ADMINISTRATION);

        for (AccessContext ctx : java.util.List.of(admin, gpForAdministration)) {
            assertThatExceptionOfType(RuleViolationException.class)
                    .isThrownBy(() -> child.care.patients().recordCompetence(ctx, child.patient,
                            CompetenceDecision.OWN_RECORD_ACCESS, true, version))
                    .satisfies(e -> assertThat(e.rule()).isEqualTo("R46"));
        }
        assertThat(current(child).value().competence()).isEmpty();
    }

    @Test
    @DisplayName("R39 administration records the patient's opt-out but changes no clinical or safeguarding flag")
    void r39AdministrationChangesOnlyTheOptOutFlag() {
        AccessContext admin = AccessContext.of(Actor.professional(UserId.of("ADMIN-1"), ProfessionalRole.ADMINISTRATOR,
                OdsCode.of("A81001")), Purpose.ADMINISTRATION);
        Versioned<Patient> before = current(child);

        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> child.care.patients().updateFlags(admin, child.patient,
                        Set.of(PatientFlag.SENSITIVE), before.version()))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("ADMINISTRATION"));
        Versioned<Patient> after = child.care.patients().updateFlags(admin, child.patient,
                Set.of(PatientFlag.NATIONAL_DATA_OPT_OUT), before.version());
        assertThat(after.value().flags()).containsExactly(PatientFlag.NATIONAL_DATA_OPT_OUT);
    }

    @Test
    @SuppressWarnings("deprecation")
    @DisplayName("R46 a record flagged before assessments existed keeps what the flag granted until a clinician assesses")
    void r46TheLegacyFlagIsHonouredUntilReassessed() {
        Patient flagged = current(child).value().withFlags(Set.of(PatientFlag.GILLICK_COMPETENT));

        assertThat(flagged.gillickCompetenceFor(CompetenceDecision.CARE_PLAN_AGREEMENT, child.today()))
                .hasValueSatisfying(a -> assertThat(a.assessedBy()).isEqualTo(Patient.LEGACY_FLAG));
        Patient reassessed = flagged.withAssessment(new CompetenceAssessment(CompetenceDecision.CARE_PLAN_AGREEMENT,
                false, UserId.of("GP-1"), child.today()));
        assertThat(reassessed.gillickCompetenceFor(CompetenceDecision.CARE_PLAN_AGREEMENT, child.today())).isEmpty();
        assertThat(reassessed.gillickCompetenceFor(CompetenceDecision.SHARING_CONSENT, child.today())).isPresent();
    }
}
