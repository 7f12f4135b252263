package io.github.personalcare.feedback;

import io.github.personalcare.lang.InvalidInputException;

/**
 * The smallest group of responses a feedback aggregate may reveal: every published count is zero
 * or at least this, and so is every count derivable from published counts (see
 * {@link FeedbackSummary}). Default {@link #DEFAULT}, 5. Set it with
 * {@code PersonalCare.builder().feedbackMinimumGroup(...)}.
 *
 * @param size the minimum group size, from 2 to 100
 */
public record MinimumGroup(int size) {
    /** Groups of fewer than 5 are never revealed. */
    public static final MinimumGroup DEFAULT = new MinimumGroup(5);

    /**
     * Checks the size.
     *
     * @param size the minimum group size
     * @throws InvalidInputException if below 2 or above 100
     */
    public MinimumGroup {
        if (size < 2 || size > 100) {
            throw new InvalidInputException("size", "MINIMUM_GROUP", "must be from 2 to 100");
        }
    }
}
