package io.github.personalcare.budget;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A completed review of a budget: does the plan still meet the needs, was the money used
 * effectively, is the amount sufficient, were the obligations met (reg. 14, R22).
 *
 * @param on                when it was completed
 * @param needsMet          the plan still meets the person's needs
 * @param moneyUsedWell     the money was used effectively and as the plan says
 * @param amountSufficient  the amount is sufficient for the plan
 * @param notes             the reviewer's words (free text, never logged)
 */
public record BudgetReview(LocalDate on, boolean needsMet, boolean moneyUsedWell, boolean amountSufficient,
        Optional<String> notes) {
    /**
     * Checks the date is present and the notes, if any, are at most {@link Require#LONG_TEXT}
     * characters. Absent notes become empty.
     *
     * @param on               when it was completed
     * @param needsMet         the plan still meets the person's needs
     * @param moneyUsedWell    the money was used effectively and as the plan says
     * @param amountSufficient the amount is sufficient for the plan
     * @param notes            the reviewer's words (free text, never logged)
     * @throws InvalidInputException if the date is missing or the notes are blank or too long
     */
    public BudgetReview {
        Require.present("review.on", on);
        notes = Require.optionalText("review.notes", notes == null ? Optional.empty() : notes, Require.LONG_TEXT);
    }
}
