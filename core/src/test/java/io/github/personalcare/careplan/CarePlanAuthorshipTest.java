package io.github.personalcare.careplan;

import io.github.personalcare.lang.RuleViolationException;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.careteam.AuthorityKind;
import io.github.personalcare.careteam.CarerMember;
import io.github.personalcare.careteam.CarerRole;
import io.github.personalcare.careteam.CareTeam;
import io.github.personalcare.careteam.CareTeamId;
import io.github.personalcare.careteam.MemberId;
import io.github.personalcare.careteam.MembershipPeriod;
import io.github.personalcare.careteam.ProfessionalMember;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.patient.CompetenceAssessment;
import io.github.personalcare.patient.CompetenceDecision;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.patient.PatientFlag;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CarePlanAuthorshipTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final PatientId ID = PatientId.random();
    private static final Actor REP = Actor.carer(UserId.of("REP-1"));

    private static Patient patient(LocalDate born, PatientFlag... flags) {
        return new Patient(ID, NhsNumber.parse("9434765870"), NhsNumberVerification.VERIFIED,
                new PersonName("Sam", "Example"), born, Set.of(flags), Optional.empty(), Optional.empty());
    }

    private static Optional<CareTeam> teamWith(Optional<AuthorityKind> authority) {
        var start = NOW.minusSeconds(3600);
        CareTeam team = CareTeam.establish(CareTeamId.random(), ID)
                .withProfessional(new ProfessionalMember(MemberId.random(), UserId.of("GP-1"),
                        ProfessionalRole.GENERAL_PRACTITIONER, OdsCode.of("A81001"), MembershipPeriod.from(start)))
                .withCarer(new CarerMember(MemberId.random(), UserId.of("REP-1"), CarerRole.REPRESENTATIVE, "parent",
                        true, authority, Optional.empty(), MembershipPeriod.from(start)));
        return Optional.of(team.withLead(team.professionals().get(0).id(), NOW));
    }

    @Test
    @DisplayName("R8 an adult patient with capacity agrees for themself")
    void r8AdultPatientAgrees() {
        var s = CarePlanAuthorship.personAgreement(Actor.patient(ID), patient(LocalDate.of(1960, 1, 1)),
                Optional.empty(), NOW, TODAY);

        assertThat(s.kind()).isEqualTo(SignatoryKind.PATIENT);
    }

    @Test
    @DisplayName("R8 a patient flagged as lacking capacity cannot agree alone")
    void r8PatientLackingCapacityCannotAgree() {
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> CarePlanAuthorship.personAgreement(Actor.patient(ID),
                        patient(LocalDate.of(1960, 1, 1), PatientFlag.LACKS_CAPACITY), Optional.empty(), NOW, TODAY))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R8"));
    }

    @Test
    @DisplayName("R8 an attorney under a health and welfare LPA agrees when the patient lacks capacity")
    void r8AttorneyAgreesWhenPatientLacksCapacity() {
        var s = CarePlanAuthorship.personAgreement(REP, patient(LocalDate.of(1940, 1, 1), PatientFlag.LACKS_CAPACITY),
                teamWith(Optional.of(AuthorityKind.LPA_HEALTH_WELFARE)), NOW, TODAY);

        assertThat(s.kind()).isEqualTo(SignatoryKind.REPRESENTATIVE);
        assertThat(s.authority()).contains(AuthorityKind.LPA_HEALTH_WELFARE);
    }

    @Test
    @DisplayName("R8 an LPA does not let the attorney agree for a patient who has capacity")
    void r8AttorneyCannotAgreeForPatientWithCapacity() {
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> CarePlanAuthorship.personAgreement(REP, patient(LocalDate.of(1940, 1, 1)),
                        teamWith(Optional.of(AuthorityKind.LPA_HEALTH_WELFARE)), NOW, TODAY));
    }

    @Test
    @DisplayName("R8 R46 a parent agrees for a child under 16 who is not Gillick competent; the child cannot")
    void r8ParentAgreesForYoungChild() {
        Patient child = patient(TODAY.minusYears(9));

        assertThat(CarePlanAuthorship.personAgreement(REP, child,
                teamWith(Optional.of(AuthorityKind.PARENTAL_RESPONSIBILITY)), NOW, TODAY).kind())
                .isEqualTo(SignatoryKind.REPRESENTATIVE);
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> CarePlanAuthorship.personAgreement(Actor.patient(ID), child, Optional.empty(), NOW, TODAY));
    }

    @Test
    @DisplayName("R8 R46 a Gillick-competent child agrees for themself and parental responsibility no longer applies")
    void r8GillickCompetentChildAgrees() {
        Patient child = patient(TODAY.minusYears(14)).withAssessment(new CompetenceAssessment(
                CompetenceDecision.CARE_PLAN_AGREEMENT, true, UserId.of("GP-1"), TODAY.minusDays(7)));

        assertThat(CarePlanAuthorship.personAgreement(Actor.patient(ID), child, Optional.empty(), NOW, TODAY).kind())
                .isEqualTo(SignatoryKind.PATIENT);
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> CarePlanAuthorship.personAgreement(REP, child,
                        teamWith(Optional.of(AuthorityKind.PARENTAL_RESPONSIBILITY)), NOW, TODAY));
    }

    @Test
    @DisplayName("R46 competence is decision-specific: assessed only for sharing, a 14-year-old cannot agree the plan alone")
    void r46ACompetenceAssessmentCoversOnlyItsDecision() {
        Patient child = patient(TODAY.minusYears(14)).withAssessment(new CompetenceAssessment(
                CompetenceDecision.SHARING_CONSENT, true, UserId.of("GP-1"), TODAY.minusDays(7)));

        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> CarePlanAuthorship.personAgreement(Actor.patient(ID), child, Optional.empty(), NOW, TODAY))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R8"));
        Patient withdrawn = child.withAssessment(new CompetenceAssessment(CompetenceDecision.CARE_PLAN_AGREEMENT, true,
                UserId.of("GP-1"), TODAY.minusDays(5))).withAssessment(new CompetenceAssessment(
                CompetenceDecision.CARE_PLAN_AGREEMENT, false, UserId.of("GP-2"), TODAY.minusDays(1)));
        assertThat(withdrawn.gillickCompetenceFor(CompetenceDecision.CARE_PLAN_AGREEMENT, TODAY)).isEmpty();
        assertThat(withdrawn.gillickCompetenceFor(CompetenceDecision.CARE_PLAN_AGREEMENT, TODAY.minusDays(3)))
                .hasValueSatisfying(a -> assertThat(a.assessedBy()).isEqualTo(UserId.of("GP-1")));
    }

    @Test
    @DisplayName("R8 a professional cannot agree, even the lead")
    void r8ProfessionalCannotAgree() {
        Actor gp = Actor.professional(UserId.of("GP-1"), ProfessionalRole.GENERAL_PRACTITIONER, OdsCode.of("A81001"));

        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> CarePlanAuthorship.personAgreement(gp, patient(LocalDate.of(1960, 1, 1)),
                        teamWith(Optional.empty()), NOW, TODAY));
        assertThat(CarePlanAuthorship.leadCoSignature(gp, teamWith(Optional.empty()), NOW).kind())
                .isEqualTo(SignatoryKind.LEAD_PROFESSIONAL);
    }

    @Test
    @DisplayName("R8 with no lead appointed nobody can co-sign")
    void r8NoLeadNoCoSignature() {
        Actor gp = Actor.professional(UserId.of("GP-1"), ProfessionalRole.GENERAL_PRACTITIONER, OdsCode.of("A81001"));
        var team = CareTeam.establish(CareTeamId.random(), ID).withProfessional(new ProfessionalMember(MemberId.random(),
                UserId.of("GP-1"), ProfessionalRole.GENERAL_PRACTITIONER, OdsCode.of("A81001"), MembershipPeriod.from(NOW)));

        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> CarePlanAuthorship.leadCoSignature(gp, Optional.of(team), NOW));
    }

    @Test
    @DisplayName("R9 R12 R13 who may do what to a plan")
    void whoMayDoWhat() {
        CarePlanAuthorship.requireMay(PlanCommand.EDIT, CarePlanAuthorship.Participant.CARER);
        CarePlanAuthorship.requireMay(PlanCommand.PROPOSE, CarePlanAuthorship.Participant.PROXY);
        CarePlanAuthorship.requireMay(PlanCommand.ENTER_IN_ERROR, CarePlanAuthorship.Participant.PROFESSIONAL);

        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> CarePlanAuthorship.requireMay(PlanCommand.PROPOSE, CarePlanAuthorship.Participant.CARER))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R9"));
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> CarePlanAuthorship.requireMay(PlanCommand.EDIT, CarePlanAuthorship.Participant.NONE))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R12"));
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> CarePlanAuthorship.requireMay(PlanCommand.ENTER_IN_ERROR, CarePlanAuthorship.Participant.PATIENT))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R13"));
    }
}
