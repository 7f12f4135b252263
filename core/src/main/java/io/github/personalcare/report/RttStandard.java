package io.github.personalcare.report;

import io.github.personalcare.lang.InvalidInputException;

import java.math.BigDecimal;

/**
 * The operational standard an RTT report is measured against: the percentage of incomplete
 * pathways that should have waited 18 weeks or less. Policy, so configurable (R37); the national
 * standard is {@link #NATIONAL}, 92%.
 *
 * @param percentWithin18Weeks between 0 and 100, for example {@code 92} or {@code 92.5}
 */
public record RttStandard(BigDecimal percentWithin18Weeks) {
    /** The NHS operational standard: 92% of incomplete pathways within 18 weeks. */
    public static final RttStandard NATIONAL = new RttStandard(BigDecimal.valueOf(92));

    /**
     * Checks the percentage (R37).
     *
     * @param percentWithin18Weeks between 0 and 100, for example {@code 92} or {@code 92.5}
     * @throws InvalidInputException if missing or outside 0 to 100
     */
    public RttStandard {
        if (percentWithin18Weeks == null || percentWithin18Weeks.signum() < 0
                || percentWithin18Weeks.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new InvalidInputException("percentWithin18Weeks", "R37", "must be between 0 and 100");
        }
    }

    /**
     * A standard of the given percentage.
     *
     * @param percent the percentage as decimal text, such as {@code "92"} or {@code "92.5"}
     * @return the standard
     * @throws InvalidInputException if {@code percent} is missing, not a number, or outside 0 to
     *                               100
     */
    public static RttStandard of(String percent) {
        try {
            return new RttStandard(new BigDecimal(percent));
        } catch (NumberFormatException | NullPointerException e) {
            throw new InvalidInputException("percentWithin18Weeks", "R37", "must be a number between 0 and 100");
        }
    }
}
