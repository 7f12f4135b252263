package io.github.personalcare.careplan;

import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.internal.check.Require;

import java.time.LocalDate;
import java.util.Optional;

/**
 * When, how often and how the plan is reviewed (§1.5): the next review date (required on
 * agreement and then in the future, R7, R11), an optional frequency in months (1–60) and an
 * optional note of where and how (at most {@link Require#SHORT_TEXT} characters).
 */
public record ReviewArrangements(LocalDate nextReviewDue, Optional<Integer> frequencyMonths, Optional<String> how) {
    /** Longest review frequency accepted, in months. */
    public static final int MAX_FREQUENCY_MONTHS = 60;

    /**
     * Checks the arrangements; absent optionals become empty.
     *
     * @param nextReviewDue   the next review date
     * @param frequencyMonths how often, in months (1 to {@value #MAX_FREQUENCY_MONTHS}), if agreed
     * @param how             where and how, if noted
     * @throws InvalidInputException naming {@code review.nextReviewDue},
     *                               {@code review.frequencyMonths}...
     */
    public ReviewArrangements {
        Require.date("review.nextReviewDue", nextReviewDue);
        frequencyMonths = frequencyMonths == null ? Optional.empty() : frequencyMonths;
        if (frequencyMonths.isPresent() && (frequencyMonths.get() < 1 || frequencyMonths.get() > MAX_FREQUENCY_MONTHS)) {
            throw new InvalidInputException("review.frequencyMonths", "R11", "must be 1 to " + MAX_FREQUENCY_MONTHS);
        }
        how = Require.optionalText("review.how", how == null ? Optional.empty() : how, Require.SHORT_TEXT);
    }

    /**
     * A review on {@code nextReviewDue}, with no frequency or note.
     *
     * @param nextReviewDue the next review date
     * @return the arrangements
     * @throws InvalidInputException if {@code nextReviewDue} is missing
     */
    public static ReviewArrangements on(LocalDate nextReviewDue) {
        return new ReviewArrangements(nextReviewDue, Optional.empty(), Optional.empty());
    }
}
