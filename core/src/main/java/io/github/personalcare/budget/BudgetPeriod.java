package io.github.personalcare.budget;

import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.internal.check.Require;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * One allocation period of a budget: from {@code start} (inclusive) to {@code end} (exclusive).
 * Periods follow each other from the budget's start date, each the configured number of months
 * long (12 by default, {@link BudgetPolicy#periodMonths()}).
 *
 * @param start first day of the period
 * @param end   first day after the period
 */
public record BudgetPeriod(LocalDate start, LocalDate end) {
    /**
     * Checks both days are present and the end is after the start.
     *
     * @param start first day of the period
     * @param end   first day after the period
     * @throws InvalidInputException if a day is missing or the end is not after the start
     */
    public BudgetPeriod {
        Require.present("period.start", start);
        Require.present("period.end", end);
        if (!end.isAfter(start)) {
            throw new InvalidInputException("period.end", "PERIOD", "must be after the start");
        }
    }

    /**
     * The period containing {@code date} when periods of {@code months} months run from
     * {@code first}; empty if the date is before {@code first}.
     *
     * @param first  the first day of the first period: the budget's start date
     * @param months the length of each period in months, at least 1
     * @param date   the date to find the period of
     * @return the period, or empty if {@code date} is before {@code first}
     */
    public static Optional<BudgetPeriod> containing(LocalDate first, int months, LocalDate date) {
        if (date.isBefore(first)) {
            return Optional.empty();
        }
        long n = ChronoUnit.MONTHS.between(first, date) / months;
        // Month arithmetic clamps day-of-month (31 January + 1 month = 28 February): settle on
        // the period whose bounds, computed from the first start each time, contain the date.
        while (n > 0 && date.isBefore(first.plusMonths(n * months))) {
            n--;
        }
        while (!date.isBefore(first.plusMonths((n + 1) * months))) {
            n++;
        }
        return Optional.of(new BudgetPeriod(first.plusMonths(n * months), first.plusMonths((n + 1) * months)));
    }

    /**
     * {@return whether the date falls in the period}
     *
     * @param date the date
     */
    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && date.isBefore(end);
    }

    /** {@return the number of days in the period} */
    public long days() {
        return ChronoUnit.DAYS.between(start, end);
    }

    /** {@return the last day of the period} */
    public LocalDate lastDay() {
        return end.minusDays(1);
    }
}
