package io.github.personalcare.report;

import io.github.personalcare.lang.InvalidInputException;

/**
 * The small-number rule population reports apply before a count leaves the SDK for anyone but
 * administration: counts from 1 to {@code suppressUpTo} are {@link ReportCount.Suppressed
 * suppressed}, larger counts are {@link ReportCount.Rounded rounded} to the nearest multiple of
 * {@code roundTo} (half up), and zero stays zero. The default, {@link #NHS_DIGITAL}, is the NHS
 * Digital convention for published statistics: suppress 1 to 7, round the rest to the nearest 5.
 * Percentages are then computed from the counts as given (see {@link ReportCount#percent}).
 *
 * <p>Together with it, aggregate counts are anonymised figures, which the national data opt-out does
 * not cover (domain notes §4.3, R42 "anonymised"): the counts include people who opted out, and
 * nothing a report returns identifies anyone. Set it with {@code PersonalCare.builder().smallNumbers}.
 *
 * @param suppressUpTo counts from 1 to this are suppressed; 0 suppresses nothing
 * @param roundTo      other counts are rounded to a multiple of this; 1 rounds nothing
 */
public record SmallNumbers(int suppressUpTo, int roundTo) {
    /** Suppress 1 to 7, round the rest to the nearest 5: the NHS Digital rule, and the default. */
    public static final SmallNumbers NHS_DIGITAL = new SmallNumbers(7, 5);

    /**
     * Checks the rule.
     *
     * @param suppressUpTo counts from 1 to this are suppressed; 0 suppresses nothing
     * @param roundTo      other counts are rounded to a multiple of this; 1 rounds nothing
     * @throws InvalidInputException if {@code suppressUpTo} is negative or {@code roundTo} below 1
     */
    public SmallNumbers {
        if (suppressUpTo < 0) {
            throw new InvalidInputException("suppressUpTo", "SMALL_NUMBERS", "must not be negative");
        }
        if (roundTo < 1) {
            throw new InvalidInputException("roundTo", "SMALL_NUMBERS", "must be at least 1");
        }
    }

    /**
     * Applies the rule to an exact count.
     *
     * @param count the exact count, never negative
     * @return zero, the count suppressed, or rounded (exact when neither applies)
     * @throws IllegalArgumentException if {@code count} is negative
     */
    public ReportCount apply(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("a count is never negative");
        }
        if (count == 0) {
            return ReportCount.exact(0);
        }
        if (count <= suppressUpTo) {
            return new ReportCount.Suppressed();
        }
        if (roundTo == 1) {
            return ReportCount.exact(count);
        }
        return new ReportCount.Rounded((count + roundTo / 2) / roundTo * roundTo);
    }
}
