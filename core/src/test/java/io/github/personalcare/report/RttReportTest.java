package io.github.personalcare.report;

import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.Ubrn;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.referral.BookingMode;
import io.github.personalcare.referral.ChoiceExemption;
import io.github.personalcare.referral.HealthcareService;
import io.github.personalcare.referral.PatientChoice;
import io.github.personalcare.referral.Priority;
import io.github.personalcare.referral.Referral;
import io.github.personalcare.referral.ReferralCommand;
import io.github.personalcare.referral.ReferralId;
import io.github.personalcare.referral.Referrer;
import io.github.personalcare.referral.RequestType;
import io.github.personalcare.referral.ServiceId;
import io.github.personalcare.referral.Specialty;
import io.github.personalcare.referral.StopReason;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** RTT performance and choice at a census date (R37), computed from referrals built with the pure aggregate. */
class RttReportTest {
    private static final Specialty CARDIOLOGY = Specialty.of("CARDIOLOGY");
    private static final HealthcareService LEEDS = new HealthcareService(ServiceId.of("LEEDS"), "Leeds Cardiology",
            OdsCode.of("RR8"), CARDIOLOGY, BookingMode.DIRECTLY_BOOKABLE, true, "LS1");
    private static final HealthcareService YORK = new HealthcareService(ServiceId.of("YORK"), "York Cardiology",
            OdsCode.of("RCB"), CARDIOLOGY, BookingMode.DIRECTLY_BOOKABLE, true, "YO31");
    private static final LocalDate CENSUS = LocalDate.of(2026, 6, 30);

    private static Instant on(int year, int month, int day) {
        return LocalDate.of(year, month, day).atTime(10, 0).atZone(java.time.ZoneId.of("Europe/London")).toInstant();
    }

    private static Referral apply(Referral r, ReferralCommand c, Instant at) {
        return r.apply(c, at, UUID::randomUUID).referral();
    }

    private static Referral sent(Instant at, PatientChoice choice) {
        Referral r = Referral.draft(ReferralId.random(), Ubrn.parse("000000070000"), PatientId.random(),
                new Referrer(UserId.of("GP1"), OdsCode.of("A81001")), Priority.ROUTINE, CARDIOLOGY, "reason",
                RequestType.APPOINTMENT, List.of(), at);
        r = apply(r, new ReferralCommand.Shortlist(List.of(LEEDS, YORK), choice), at);
        return apply(r, new ReferralCommand.Submit(), at);
    }

    private static Referral bookedOn(Instant at, HealthcareService service) {
        return apply(sent(at, PatientChoice.choiceOffered()), new ReferralCommand.Book(service.id(),
                at.plus(Duration.ofDays(7))), at);
    }

    private static Referral stopped(Referral r, Instant at) {
        return apply(r, new ReferralCommand.StopClock(StopReason.FIRST_DEFINITIVE_TREATMENT), at);
    }

    /** The population of the census: see each line's comment for the wait on 30 June 2026. */
    private static List<Referral> population() {
        Referral c = bookedOn(on(2026, 2, 19), LEEDS);
        c = apply(c, new ReferralCommand.StartPatientChoiceDelay(), on(2026, 3, 1));
        c = apply(c, new ReferralCommand.EndPatientChoiceDelay(), on(2026, 3, 11));
        return List.of(
                bookedOn(on(2026, 1, 5), LEEDS),                                  // A: 176 days, week 25
                bookedOn(on(2026, 4, 15), LEEDS),                                 // B: 76 days, week 10
                c,                                                                // C: 131 days (a 10-day patient-choice delay does not count off), week 18
                bookedOn(on(2025, 5, 1), YORK),                                   // D: 425 days, over 52 weeks
                stopped(bookedOn(on(2026, 1, 5), LEEDS), on(2026, 3, 1)),         // E: treated before the census
                bookedOn(on(2026, 7, 10), LEEDS),                                 // F: referred after the census
                stopped(bookedOn(on(2026, 5, 1), LEEDS), on(2026, 7, 5)),         // G: treated after: 60 days, week 8
                sent(on(2026, 6, 1), PatientChoice.exempt(ChoiceExemption.URGENT_OR_EMERGENCY_CARE))); // H: no clock
    }

    private static RttReport report(RttStandard standard) {
        List<Referral> all = population();
        return RttReport.compute(CENSUS, Optional.empty(), standard, all, all);
    }

    @Test
    @DisplayName("R37 incomplete pathways are the clocks open at the census date")
    void incompletePathwaysAreClocksOpenAtTheCensus() {
        assertThat(report(RttStandard.NATIONAL).incompletePathways()).isEqualTo(ReportCount.exact(5));
    }

    @Test
    @DisplayName("R37 the share within 18 weeks is reported against the 92% standard")
    void shareWithinEighteenWeeksAgainstTheStandard() {
        RttReport report = report(RttStandard.NATIONAL);
        assertThat(report.within18Weeks()).isEqualTo(ReportCount.exact(2));
        assertThat(report.percentWithin18Weeks()).contains(new BigDecimal("40.0"));
        assertThat(report.meetsStandard()).contains(false);
    }

    @Test
    @DisplayName("R37 the standard is configurable and compared exactly")
    void theStandardIsConfigurable() {
        assertThat(report(RttStandard.of("40")).meetsStandard()).contains(true);
        assertThat(report(RttStandard.of("40.1")).meetsStandard()).contains(false);
    }

    @Test
    @DisplayName("R37 waits over 52 weeks are counted")
    void waitsOverFiftyTwoWeeksAreCounted() {
        assertThat(report(RttStandard.NATIONAL).over52Weeks()).isEqualTo(ReportCount.exact(1));
    }

    @Test
    @DisplayName("R36 R37 the distribution counts pathways by completed gross weeks waited, with no pauses")
    void distributionOfWeeksWaited() {
        assertThat(report(RttStandard.NATIONAL).distribution()).containsExactly(
                new RttReport.WeeksWaited(8, ReportCount.exact(1)), new RttReport.WeeksWaited(10, ReportCount.exact(1)), new RttReport.WeeksWaited(18, ReportCount.exact(1)),
                new RttReport.WeeksWaited(25, ReportCount.exact(1)), new RttReport.WeeksWaited(60, ReportCount.exact(1)));
    }

    @Test
    @DisplayName("R37 a wait of exactly 52 weeks (364 days) is not over 52 weeks; 365 days is")
    void r37TheFiftyTwoWeekBoundary() {
        LocalDate yearBefore = CENSUS.minusDays(364);
        Referral exactly = bookedOn(on(yearBefore.getYear(), yearBefore.getMonthValue(), yearBefore.getDayOfMonth()), YORK);
        LocalDate dayEarlier = CENSUS.minusDays(365);
        Referral over = bookedOn(on(dayEarlier.getYear(), dayEarlier.getMonthValue(), dayEarlier.getDayOfMonth()), YORK);
        assertThat(exactly.clock().orElseThrow().daysWaited(CENSUS)).isEqualTo(364);
        assertThat(over.clock().orElseThrow().daysWaited(CENSUS)).isEqualTo(365);
        List<Referral> both = List.of(exactly, over);
        RttReport report = RttReport.compute(CENSUS, Optional.empty(), RttStandard.NATIONAL, both, both);
        assertThat(report.incompletePathways()).isEqualTo(ReportCount.exact(2));
        assertThat(report.over52Weeks()).isEqualTo(ReportCount.exact(1));
    }

    @Test
    @DisplayName("R36 R37 a clock nullified after a first-appointment DNA is not an incomplete pathway")
    void r36ANullifiedClockIsNotCounted() {
        Referral r = bookedOn(on(2026, 3, 2), LEEDS);
        r = apply(r, new ReferralCommand.RecordDidNotAttend(), on(2026, 3, 10));
        r = apply(r, new ReferralCommand.NullifyClock(io.github.personalcare.identity.UserId.of("CONS-1")), on(2026, 3, 11));
        List<Referral> one = List.of(r);
        assertThat(RttReport.compute(CENSUS, Optional.empty(), RttStandard.NATIONAL, one, one).incompletePathways())
                .isEqualTo(ReportCount.exact(0));
    }

    @Test
    void theShareOfReferralsOfferedChoiceCountsReferralsSentByTheCensus() {
        RttReport report = report(RttStandard.NATIONAL);
        assertThat(report.referralsSent()).isEqualTo(ReportCount.exact(7));
        assertThat(report.choiceOffered()).isEqualTo(ReportCount.exact(6));
        assertThat(report.percentChoiceOffered()).contains(new BigDecimal("85.7"));
    }

    @Test
    void anEmptyPopulationHasNoPercentages() {
        RttReport report = RttReport.compute(CENSUS, Optional.empty(), RttStandard.NATIONAL, List.of(), List.of());
        assertThat(report.percentWithin18Weeks()).isEmpty();
        assertThat(report.percentChoiceOffered()).isEmpty();
        assertThat(report.meetsStandard()).contains(true);
    }

    @Test
    void aStandardOutsideZeroToOneHundredIsRejected() {
        assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> RttStandard.of("101"))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R37"));
        assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> RttStandard.of("ninety"));
    }
}
