package io.github.personalcare.report;

import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.internal.check.Require;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * Care plan coverage on a date (domain notes §6), the SDK's own definition, not a national one.
 *
 * <p>The headline figure is the domain's measure, the 95% commitment: of the people alive on that
 * date and flagged with {@link io.github.personalcare.patient.PatientFlag#COMPLEX_NEEDS complex
 * needs}, how many had an agreed personalised care and support plan in force, and how many of
 * those were overdue for review (the date is after the review date, R11). The accessors
 * {@link #cohort()}, {@link #withAgreed()}, {@link #overdue()}, {@link #agreedPercent()} and
 * {@link #overduePercent()} give that measure. The wider cohort, complex needs <em>or</em> a
 * {@link io.github.personalcare.patient.PatientFlag#LONG_TERM_CONDITION long-term condition}, is a
 * second, named figure: {@link #complexNeedsOrLongTermCondition()}. Plans entered in error never
 * count (R13).
 *
 * @param asOf                            the date the report describes
 * @param complexNeeds                    coverage of people with complex needs: the domain's measure
 * @param complexNeedsOrLongTermCondition coverage of people with complex needs or a long-term condition
 */
public record CarePlanCoverageReport(LocalDate asOf, Coverage complexNeeds, Coverage complexNeedsOrLongTermCondition) {
    /**
     * Checks the report: every component is present and the domain measure's cohort is not larger
     * than the wider one.
     *
     * @param asOf                            the date the report describes
     * @param complexNeeds                    coverage of people with complex needs
     * @param complexNeedsOrLongTermCondition coverage of people with complex needs or a long-term condition
     * @throws InvalidInputException if a component is missing, or the complex needs cohort is the larger
     */
    public CarePlanCoverageReport {
        Require.present("asOf", asOf);
        Require.present("complexNeeds", complexNeeds);
        Require.present("complexNeedsOrLongTermCondition", complexNeedsOrLongTermCondition);
        if (complexNeeds.cohort() > complexNeedsOrLongTermCondition.cohort()) {
            throw new InvalidInputException("complexNeeds", "COUNTS", "cannot be a larger cohort than the wider one");
        }
    }

    /**
     * Coverage of one cohort.
     *
     * @param cohort     people in the cohort
     * @param withAgreed of those, people with an agreed plan in force at the end of the report date
     * @param overdue    of those with an agreed plan, people whose plan was overdue for review on that date
     */
    public record Coverage(int cohort, int withAgreed, int overdue) {
        /**
         * Checks the counts are consistent.
         *
         * @param cohort     people in the cohort
         * @param withAgreed of those, people with an agreed plan in force
         * @param overdue    of those with an agreed plan, people whose plan was overdue for review
         * @throws InvalidInputException unless {@code 0 <= overdue <= withAgreed <= cohort}
         */
        public Coverage {
            if (cohort < 0 || withAgreed < 0 || overdue < 0 || withAgreed > cohort || overdue > withAgreed) {
                throw new InvalidInputException("counts", "COUNTS", "must satisfy 0 <= overdue <= withAgreed <= cohort");
            }
        }

        /**
         * {@return the percentage of the cohort with an agreed plan, one decimal place, half up; zero for an
         * empty cohort}
         */
        public BigDecimal agreedPercent() {
            return percent(withAgreed, cohort);
        }

        /**
         * {@return the percentage of the cohort whose agreed plan is overdue for review, one decimal place,
         * half up; zero for an empty cohort}
         */
        public BigDecimal overduePercent() {
            return percent(overdue, cohort);
        }
    }

    /** {@return the number of people with complex needs, alive on the report date: the domain measure's cohort} */
    public int cohort() {
        return complexNeeds.cohort();
    }

    /**
     * {@return of {@link #cohort()}, the number of people with an agreed plan in force at the end of the
     * report date}
     */
    public int withAgreed() {
        return complexNeeds.withAgreed();
    }

    /** {@return of {@link #withAgreed()}, the number of people whose plan was overdue for review on the report date} */
    public int overdue() {
        return complexNeeds.overdue();
    }

    /**
     * {@return the domain's measure: the percentage of people with complex needs who have an agreed plan, one
     * decimal place, half up; zero for an empty cohort}
     */
    public BigDecimal agreedPercent() {
        return complexNeeds.agreedPercent();
    }

    /**
     * {@return the percentage of people with complex needs whose agreed plan is overdue for review, one decimal
     * place, half up; zero for an empty cohort}
     */
    public BigDecimal overduePercent() {
        return complexNeeds.overduePercent();
    }

    private static BigDecimal percent(int part, int whole) {
        if (whole == 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
