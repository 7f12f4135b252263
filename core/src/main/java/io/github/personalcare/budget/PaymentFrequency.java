package io.github.personalcare.budget;

import java.time.LocalDate;

/**
 * How often a budget line's planned money is paid in (allocated) during a period: the payment
 * schedule the forecast follows (R23) and against which unused money may be offset (R27). A
 * schedule starts on the period's first day.
 */
public enum PaymentFrequency {
    /** Every 7 days. */
    WEEKLY,
    /** Every 28 days. */
    FOUR_WEEKLY,
    /** On the same day of each month (clamped to the month's end). */
    MONTHLY,
    /** Every 3 months. */
    QUARTERLY,
    /** Once, at the start of the period. */
    ONCE_PER_PERIOD;

    /** The {@code n}th payment date of a schedule starting on {@code start} (the first is {@code n = 0}). */
    LocalDate paymentDate(LocalDate start, int n) {
        return switch (this) {
            case WEEKLY -> start.plusDays(7L * n);
            case FOUR_WEEKLY -> start.plusDays(28L * n);
            case MONTHLY -> start.plusMonths(n);
            case QUARTERLY -> start.plusMonths(3L * n);
            case ONCE_PER_PERIOD -> n == 0 ? start : LocalDate.MAX;
        };
    }

    /** How many payments of the period fall on or before {@code date} (at least one once it started). */
    int paymentsBy(BudgetPeriod period, LocalDate date) {
        LocalDate last = date.isAfter(period.lastDay()) ? period.lastDay() : date;
        int n = 0;
        while (!paymentDate(period.start(), n).isAfter(last)) {
            n++;
        }
        return n;
    }

    /** How many payments the period holds. */
    int paymentsIn(BudgetPeriod period) {
        return paymentsBy(period, period.lastDay());
    }
}
