package io.github.personalcare.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A count as a population report gives it: {@link Exact}, {@link Rounded} by the
 * {@link SmallNumbers} rule, or {@link Suppressed} because it was a small number that could
 * identify people. Exact counts go only to callers acting for
 * {@link io.github.personalcare.access.Purpose#ADMINISTRATION administration}; see
 * {@link ReportService} for who gets what.
 *
 * <pre>{@code
 * switch (report.withAgreed()) { ... }                  // or:
 * String shown = report.withAgreed().value().isPresent()
 *         ? Long.toString(report.withAgreed().value().getAsLong()) : "*";
 * }</pre>
 */
public sealed interface ReportCount permits ReportCount.Exact, ReportCount.Rounded, ReportCount.Suppressed {

    /**
     * The count as it was.
     *
     * @param count the count, never negative
     */
    record Exact(long count) implements ReportCount {
        /**
         * Checks the count.
         *
         * @param count the count
         * @throws IllegalArgumentException if negative
         */
        public Exact {
            if (count < 0) {
                throw new IllegalArgumentException("a count is never negative");
            }
        }
    }

    /**
     * The count rounded to a multiple of the rule's base (zero is never rounded).
     *
     * @param count the rounded count, never negative
     */
    record Rounded(long count) implements ReportCount {
        /**
         * Checks the count.
         *
         * @param count the rounded count
         * @throws IllegalArgumentException if negative
         */
        public Rounded {
            if (count < 0) {
                throw new IllegalArgumentException("a count is never negative");
            }
        }
    }

    /** A small number withheld: shown as {@code *} in published tables. */
    record Suppressed() implements ReportCount {
    }

    /**
     * An exact count.
     *
     * @param count the count, never negative
     * @return the count
     * @throws IllegalArgumentException if negative
     */
    static ReportCount exact(long count) {
        return new Exact(count);
    }

    /** {@return the count to show, exact or rounded; empty when suppressed} */
    default OptionalLong value() {
        if (this instanceof Exact e) {
            return OptionalLong.of(e.count());
        }
        if (this instanceof Rounded r) {
            return OptionalLong.of(r.count());
        }
        return OptionalLong.empty();
    }

    /** {@return true if the count was withheld} */
    default boolean isSuppressed() {
        return this instanceof Suppressed;
    }

    /**
     * The percentage {@code part} is of {@code whole}, one decimal place, half up, computed from the
     * counts as given (so a rounded count gives a percentage of rounded figures, which discloses no
     * more than the counts): empty if either is suppressed or {@code whole} is zero.
     *
     * @param part  the numerator
     * @param whole the denominator
     * @return the percentage, or empty
     */
    static Optional<BigDecimal> percent(ReportCount part, ReportCount whole) {
        OptionalLong p = part.value();
        OptionalLong w = whole.value();
        if (p.isEmpty() || w.isEmpty() || w.getAsLong() == 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(p.getAsLong()).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(w.getAsLong()), 1, RoundingMode.HALF_UP));
    }
}
