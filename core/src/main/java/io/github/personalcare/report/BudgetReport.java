package io.github.personalcare.report;

import io.github.personalcare.budget.EligibilityReason;
import io.github.personalcare.budget.ManagementOption;
import io.github.personalcare.budget.Money;
import io.github.personalcare.budget.SpendCategory;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Commissioner reports on personal health budgets, computed from the SDK's own data (the
 * definitions are the SDK's, not national ones): how many are active, by management option
 * and by why the person has one, and what was spent on what, by month. Counts are
 * {@link ReportCount}s, suppressed or rounded by {@link SmallNumbers} for every caller but
 * administration; an amount is withheld wherever its count is suppressed.
 */
public final class BudgetReport {
    private BudgetReport() {
    }

    /**
     * Active budgets: the total, by management option (a budget mixing options counts under
     * each) and by eligibility reason (legal-right cohort or discretionary).
     *
     * @param total    active budgets
     * @param byOption active budgets using each option
     * @param byCohort active budgets per eligibility reason
     */
    public record ActiveBudgets(ReportCount total, Map<ManagementOption, ReportCount> byOption,
            Map<EligibilityReason, ReportCount> byCohort) {
        /**
         * Checks the total is present and copies the maps; a missing key counts as zero.
         *
         * @param total    active budgets
         * @param byOption active budgets using each option
         * @param byCohort active budgets per eligibility reason
         */
        public ActiveBudgets {
            Require.present("total", total);
            byOption = copy(ManagementOption.class, byOption);
            byCohort = copy(EligibilityReason.class, byCohort);
        }

        /**
         * {@return the number of active budgets using the option}
         *
         * @param option the management option
         */
        public ReportCount using(ManagementOption option) {
            return byOption.getOrDefault(option, ReportCount.exact(0));
        }

        /**
         * {@return the number of active budgets held for the reason}
         *
         * @param reason the eligibility reason
         */
        public ReportCount heldFor(EligibilityReason reason) {
            return byCohort.getOrDefault(reason, ReportCount.exact(0));
        }
    }

    /**
     * Spends in a date range by month and category, and refunds by month.
     *
     * @param from    first day (inclusive)
     * @param to      last day (exclusive)
     * @param spend   one row per month and category with spends
     * @param refunds one row per month with refunds
     */
    public record SpendByCategory(LocalDate from, LocalDate to, List<CategorySpend> spend, List<MonthRefunds> refunds) {
        /**
         * Checks both dates are present and copies the rows.
         *
         * @param from    first day (inclusive)
         * @param to      last day (exclusive)
         * @param spend   one row per month and category with spends
         * @param refunds one row per month with refunds
         * @throws InvalidInputException if {@code from} or {@code to} is missing
         */
        public SpendByCategory {
            Require.present("from", from);
            Require.present("to", to);
            spend = List.copyOf(spend);
            refunds = List.copyOf(refunds);
        }

        /**
         * {@return the total spent in the category over the whole range, over the months whose amount is
         * shown (a month with a suppressed count adds nothing)}
         *
         * @param category the spend category
         */
        public Money total(SpendCategory category) {
            return spend.stream().filter(r -> r.category().equals(category)).flatMap(r -> r.amount().stream())
                    .reduce(Money.ZERO, Money::plus);
        }
    }

    /**
     * Spends in one category in one month.
     *
     * @param month    the calendar month
     * @param category the category
     * @param amount   total spent, empty when the count is suppressed
     * @param count    number of spends
     */
    public record CategorySpend(YearMonth month, SpendCategory category, Optional<Money> amount, ReportCount count) {
    }

    /**
     * Refunds in one month.
     *
     * @param month  the calendar month
     * @param amount total refunded, empty when the count is suppressed
     * @param count  number of refunds
     */
    public record MonthRefunds(YearMonth month, Optional<Money> amount, ReportCount count) {
    }

    private static <K extends Enum<K>> Map<K, ReportCount> copy(Class<K> type, Map<K, ReportCount> values) {
        Map<K, ReportCount> m = new EnumMap<>(type);
        m.putAll(values);
        return java.util.Collections.unmodifiableMap(m);
    }
}
