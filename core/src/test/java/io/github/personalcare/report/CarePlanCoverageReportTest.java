package io.github.personalcare.report;

import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.AccessDeniedException;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.careplan.CarePlanId;
import io.github.personalcare.careplan.CareWorld;
import io.github.personalcare.careplan.TestPatients;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.patient.PatientFlag;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Cohort: the CareWorld patient (complex needs, agreed, review in 6 months), B (long-term condition,
 * agreed, review in 10 days), C (complex needs, agreed then entered in error), D (complex needs,
 * draft only). E has no flags and an agreed plan, so is outside the cohort.
 */
class CarePlanCoverageReportTest {
    private final CareWorld w = new CareWorld();
    private final AccessContext commissioner = AccessContext.of(Actor.professional(UserId.of("ICB-1"),
            ProfessionalRole.COMMISSIONER, OdsCode.of("QWE")), Purpose.PLANNING);
    /** Administration gets exact counts; every other purpose the small-number rule. */
    private final AccessContext admin = AccessContext.of(Actor.professional(UserId.of("ADMIN-1"),
            ProfessionalRole.ADMINISTRATOR, OdsCode.of("A81001")), Purpose.ADMINISTRATION);

    private void agree(PatientId patient, LocalDate reviewDue) {
        var plans = w.care.carePlans();
        var v = plans.draft(w.gp, patient, CareWorld.complete(reviewDue));
        CarePlanId id = v.value().id();
        v = plans.propose(w.gp, id, v.version());
        v = plans.agree(AccessContext.patientSelf(patient), id, v.version());
        plans.coSign(w.gp, id, v.version());
    }

    @BeforeEach
    void population() {
        w.agreedPlan(w.today().plusMonths(6));
        PatientId b = TestPatients.registerWithTeam(w.care, w.gp, 1, Set.of(PatientFlag.LONG_TERM_CONDITION));
        agree(b, w.today().plusDays(10));
        PatientId c = TestPatients.registerWithTeam(w.care, w.gp, 2, Set.of(PatientFlag.COMPLEX_NEEDS));
        agree(c, w.today().plusMonths(6));
        var cPlan = w.care.carePlans().plansOf(w.gp, c).get(0);
        w.care.carePlans().enterInError(w.gp, cPlan.value().id(), cPlan.version());
        PatientId d = TestPatients.registerWithTeam(w.care, w.gp, 3, Set.of(PatientFlag.COMPLEX_NEEDS));
        w.care.carePlans().draft(w.gp, d, CareWorld.complete(w.today().plusMonths(6)));
        PatientId e = TestPatients.registerWithTeam(w.care, w.gp, 4, Set.of());
        agree(e, w.today().plusMonths(6));
    }

    @Test
    @DisplayName("R11 R13 coverage counts agreed plans in force and overdue ones; entered-in-error never counts")
    void coverageOfTheCohort() {
        var report = w.care.reports().carePlanCoverage(admin, w.today().plusDays(20));

        assertThat(report.complexNeedsOrLongTermCondition())
                .isEqualTo(CarePlanCoverageReport.Coverage.exact(4, 2, 1));
        assertThat(report.complexNeedsOrLongTermCondition().agreedPercent()).contains(new BigDecimal("50.0"));
        assertThat(report.complexNeedsOrLongTermCondition().overduePercent()).contains(new BigDecimal("25.0"));
    }

    @Test
    @DisplayName("§6 the headline coverage is the domain's measure: people with complex needs; the wider cohort is named")
    void theHeadlineIsThePeopleWithComplexNeeds() {
        var report = w.care.reports().carePlanCoverage(admin, w.today().plusDays(20));

        // Complex needs: the world's patient (agreed), one entered in error, one only drafted.
        assertThat(report.complexNeeds()).isEqualTo(CarePlanCoverageReport.Coverage.exact(3, 1, 0));
        assertThat(report.cohort()).isEqualTo(ReportCount.exact(3));
        assertThat(report.withAgreed()).isEqualTo(ReportCount.exact(1));
        assertThat(report.agreedPercent()).contains(new BigDecimal("33.3"));
        // The long-term-condition patient is only in the wider cohort.
        assertThat(report.complexNeedsOrLongTermCondition().cohort()).isEqualTo(ReportCount.exact(4));
    }

    @Test
    void coverageIsAsOfTheDateAsked() {
        var report = w.care.reports().carePlanCoverage(admin, w.today().minusDays(1));

        assertThat(report.withAgreed()).isEqualTo(ReportCount.exact(0));
        assertThat(report.cohort()).isEqualTo(ReportCount.exact(3));
        assertThat(report.complexNeedsOrLongTermCondition().cohort()).isEqualTo(ReportCount.exact(4));
    }

    @Test
    @DisplayName("R42 a planning caller gets small numbers suppressed, and no percentage built from them")
    void aPlanningCallerGetsSmallNumbersSuppressed() {
        var report = w.care.reports().carePlanCoverage(commissioner, w.today().plusDays(20));

        assertThat(report.cohort().isSuppressed()).isTrue();
        assertThat(report.complexNeedsOrLongTermCondition().cohort()).isEqualTo(new ReportCount.Suppressed());
        assertThat(report.agreedPercent()).isEmpty();
    }

    @Test
    @DisplayName("R42 a clinician's population report is not direct care: it is suppressed too")
    void aClinicianGetsSuppressedFiguresToo() {
        var report = w.care.reports().carePlanCoverage(w.gp, w.today().plusDays(20));

        assertThat(report.withAgreed().isSuppressed()).isTrue();
    }

    @Test
    @DisplayName("R42 the builder's small-number rule applies: suppress nothing, round to 2")
    void theSmallNumberRuleIsConfigurable() {
        var care = io.github.personalcare.PersonalCare.builder().storage(w.storage).clock(w.clock)
                .smallNumbers(new SmallNumbers(0, 2)).build();

        var report = care.reports().carePlanCoverage(commissioner, w.today().plusDays(20));

        assertThat(report.complexNeedsOrLongTermCondition())
                .isEqualTo(new CarePlanCoverageReport.Coverage(new ReportCount.Rounded(4), new ReportCount.Rounded(2),
                        new ReportCount.Rounded(2)));
    }

    @Test
    void aPatientCannotRunAPopulationReport() {
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> w.care.reports().carePlanCoverage(w.self, w.today()));
    }

    @Test
    void anEmptyCohortReportsZeroPercent() {
        var none = CarePlanCoverageReport.Coverage.exact(0, 0, 0);
        var empty = new CarePlanCoverageReport(w.today(), none, none);

        assertThat(empty.agreedPercent()).isEmpty();
    }
}
