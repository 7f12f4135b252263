package io.github.personalcare.report;

import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.internal.check.Require;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

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
 * count (R13). Counts are {@link ReportCount}s: suppressed or rounded by {@link SmallNumbers} for
 * every caller but administration.
 *
 * @param asOf                            the date the report describes
 * @param complexNeeds                    coverage of people with complex needs: the domain's measure
 * @param complexNeedsOrLongTermCondition coverage of people with complex needs or a long-term condition
 */
public record CarePlanCoverageReport(LocalDate asOf, Coverage complexNeeds, Coverage complexNeedsOrLongTermCondition) {
    /**
     * Checks every component is present.
     *
     * @param asOf                            the date the report describes
     * @param complexNeeds                    coverage of people with complex needs
     * @param complexNeedsOrLongTermCondition coverage of people with complex needs or a long-term condition
     * @throws InvalidInputException if a component is missing
     */
    public CarePlanCoverageReport {
        Require.present("asOf", asOf);
        Require.present("complexNeeds", complexNeeds);
        Require.present("complexNeedsOrLongTermCondition", complexNeedsOrLongTermCondition);
    }

    /**
     * Coverage of one cohort, each count exact, rounded or suppressed as {@link SmallNumbers} says.
     *
     * @param cohort     people in the cohort
     * @param withAgreed of those, people with an agreed plan in force at the end of the report date
     * @param overdue    of those with an agreed plan, people whose plan was overdue for review on that date
     */
    public record Coverage(ReportCount cohort, ReportCount withAgreed, ReportCount overdue) {
        /**
         * Checks the counts are present and, where shown, consistent.
         *
         * @param cohort     people in the cohort
         * @param withAgreed of those, people with an agreed plan in force
         * @param overdue    of those with an agreed plan, people whose plan was overdue for review
         * @throws InvalidInputException if a count is missing, or shown counts break
         *                               {@code overdue <= withAgreed <= cohort}
         */
        public Coverage {
            Require.present("cohort", cohort);
            Require.present("withAgreed", withAgreed);
            Require.present("overdue", overdue);
            if (above(withAgreed, cohort) || above(overdue, withAgreed)) {
                throw new InvalidInputException("counts", "COUNTS", "must satisfy overdue <= withAgreed <= cohort");
            }
        }

        /**
         * Exact counts.
         *
         * @param cohort     people in the cohort
         * @param withAgreed of those, people with an agreed plan in force
         * @param overdue    of those with an agreed plan, people whose plan was overdue for review
         * @return the coverage
         * @throws IllegalArgumentException if a count is negative
         */
        public static Coverage exact(long cohort, long withAgreed, long overdue) {
            return new Coverage(ReportCount.exact(cohort), ReportCount.exact(withAgreed), ReportCount.exact(overdue));
        }

        private static boolean above(ReportCount part, ReportCount whole) {
            return part.value().isPresent() && whole.value().isPresent()
                    && part.value().getAsLong() > whole.value().getAsLong();
        }

        /**
         * {@return the percentage of the cohort with an agreed plan, one decimal place, half up, from the counts
         * as given; empty for an empty cohort or when either count is suppressed}
         */
        public Optional<BigDecimal> agreedPercent() {
            return ReportCount.percent(withAgreed, cohort);
        }

        /**
         * {@return the percentage of the cohort whose agreed plan is overdue for review, one decimal place,
         * half up; empty for an empty cohort or when either count is suppressed}
         */
        public Optional<BigDecimal> overduePercent() {
            return ReportCount.percent(overdue, cohort);
        }
    }

    /** {@return the number of people with complex needs, alive on the report date: the domain measure's cohort} */
    public ReportCount cohort() {
        return complexNeeds.cohort();
    }

    /**
     * {@return of {@link #cohort()}, the number of people with an agreed plan in force at the end of the
     * report date}
     */
    public ReportCount withAgreed() {
        return complexNeeds.withAgreed();
    }

    /** {@return of {@link #withAgreed()}, the number of people whose plan was overdue for review on the report date} */
    public ReportCount overdue() {
        return complexNeeds.overdue();
    }

    /**
     * {@return the domain's measure: the percentage of people with complex needs who have an agreed plan, one
     * decimal place, half up; empty for an empty cohort or a suppressed count}
     */
    public Optional<BigDecimal> agreedPercent() {
        return complexNeeds.agreedPercent();
    }

    /**
     * {@return the percentage of people with complex needs whose agreed plan is overdue for review, one decimal
     * place, half up; empty for an empty cohort or a suppressed count}
     */
    public Optional<BigDecimal> overduePercent() {
        return complexNeeds.overduePercent();
    }
}
