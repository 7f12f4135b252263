package io.github.personalcare.budget;

import io.github.personalcare.access.SensitivityLabel;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * A completed review of a budget: does the plan still meet the needs, was the money used
 * effectively, is the amount sufficient, were the obligations met (reg. 14, R22).
 *
 * @param on                when it was completed
 * @param needsMet          the plan still meets the person's needs
 * @param moneyUsedWell     the money was used effectively and as the plan says
 * @param amountSufficient  the amount is sufficient for the plan
 * @param notes             the reviewer's words (free text, never logged)
 * @param labels            sensitivity labels of the notes: notes labelled third party or serious
 *                          harm are never shown to the patient or a proxy (R48)
 */
public record BudgetReview(LocalDate on, boolean needsMet, boolean moneyUsedWell, boolean amountSufficient,
        Optional<String> notes, Set<SensitivityLabel> labels) {
    /**
     * Checks the date is present and the notes, if any, are at most {@link Require#LONG_TEXT}
     * characters. Absent notes become empty.
     *
     * @param on               when it was completed
     * @param needsMet         the plan still meets the person's needs
     * @param moneyUsedWell    the money was used effectively and as the plan says
     * @param amountSufficient the amount is sufficient for the plan
     * @param notes            the reviewer's words (free text, never logged)
     * @param labels           sensitivity labels of the notes (R48)
     * @throws InvalidInputException if the date is missing or the notes are blank or too long
     */
    public BudgetReview {
        Require.present("review.on", on);
        notes = Require.optionalText("review.notes", notes == null ? Optional.empty() : notes, Require.LONG_TEXT);
        labels = Require.set("review.labels", labels);
    }

    /**
     * A review whose notes carry no sensitivity label.
     *
     * @param on               when it was completed
     * @param needsMet         the plan still meets the person's needs
     * @param moneyUsedWell    the money was used effectively and as the plan says
     * @param amountSufficient the amount is sufficient for the plan
     * @param notes            the reviewer's words (free text, never logged)
     */
    public BudgetReview(LocalDate on, boolean needsMet, boolean moneyUsedWell, boolean amountSufficient,
            Optional<String> notes) {
        this(on, needsMet, moneyUsedWell, amountSufficient, notes, Set.of());
    }

    /**
     * A copy whose notes carry {@code more} labels as well (R48).
     *
     * @param more the labels to add
     * @return the labelled review
     */
    public BudgetReview labelled(SensitivityLabel... more) {
        Set<SensitivityLabel> all = new java.util.HashSet<>(labels);
        all.addAll(java.util.Arrays.asList(more));
        return new BudgetReview(on, needsMet, moneyUsedWell, amountSufficient, notes, all);
    }

    /** This review as a viewer from whom {@code withheld} labels are kept sees it: its notes left out if labelled so. */
    BudgetReview withNotesWithheldFrom(Set<SensitivityLabel> withheld) {
        for (SensitivityLabel l : labels) {
            if (withheld.contains(l)) {
                return new BudgetReview(on, needsMet, moneyUsedWell, amountSufficient, Optional.empty(), labels);
            }
        }
        return this;
    }
}
