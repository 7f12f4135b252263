package io.github.personalcare.report;

import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.internal.check.Require;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * Care plan coverage on a date (§6): of the cohort (people alive on that date and flagged with
 * complex needs or a long-term condition), how many had an agreed personalised care and support
 * plan in force, and how many of those were overdue for review (the date is after the review date,
 * R11). Plans entered in error never count (R13). The SDK's own definition, not a national one.
 *
 * @param asOf         the date the report describes
 * @param cohort       people in the cohort
 * @param withAgreed   of those, people with an agreed plan in force at the end of {@code asOf}
 * @param overdue      of those with an agreed plan, people whose plan was overdue for review on {@code asOf}
 */
public record CarePlanCoverageReport(LocalDate asOf, int cohort, int withAgreed, int overdue) {
    /**
     * Checks the counts are consistent: {@code 0 <= overdue <= withAgreed <= cohort}.
     *
     * @param asOf       the date the report describes
     * @param cohort     people in the cohort
     * @param withAgreed of those, people with an agreed plan in force at the end of {@code asOf}
     * @param overdue    of those with an agreed plan, people whose plan was overdue for review on
     *                   {@code asOf}
     * @throws InvalidInputException if {@code asOf} is missing or the counts are inconsistent
     */
    public CarePlanCoverageReport {
        Require.present("asOf", asOf);
        if (cohort < 0 || withAgreed < 0 || overdue < 0 || withAgreed > cohort || overdue > withAgreed) {
            throw new InvalidInputException("counts", "COUNTS", "must satisfy 0 <= overdue <= withAgreed <= cohort");
        }
    }

    /**
     * {@return the percentage of the cohort with an agreed plan} One decimal place, half up; zero
     * for an empty cohort.
     */
    public BigDecimal agreedPercent() {
        return percent(withAgreed, cohort);
    }

    /**
     * {@return the percentage of the cohort whose agreed plan is overdue for review} One decimal
     * place, half up; zero for an empty cohort.
     */
    public BigDecimal overduePercent() {
        return percent(overdue, cohort);
    }

    private static BigDecimal percent(int part, int whole) {
        if (whole == 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
