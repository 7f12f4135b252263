package io.github.personalcare.careplan;

import io.github.personalcare.access.SensitivityLabel;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * A goal or outcome the person wants, agreed in partnership with professionals (§1.2 criterion 3):
 * the outcome in words (at most {@link Require#LONG_TEXT} characters), how progress is measured
 * (at most {@link Require#SHORT_TEXT}), an optional target date and a status. A goal may carry
 * sensitivity labels: one labelled {@link SensitivityLabel#THIRD_PARTY third party} or
 * {@link SensitivityLabel#SERIOUS_HARM serious harm} is never shown to the patient or a proxy (R48).
 */
public record Goal(GoalId id, String outcome, String measure, Optional<LocalDate> targetDate, GoalStatus status,
        Set<SensitivityLabel> labels) {
    /**
     * Checks the goal; an absent target date becomes empty, absent labels none.
     *
     * @param id         the goal's id, kept across versions
     * @param outcome    the outcome in the person's words
     * @param measure    how progress is measured
     * @param targetDate when it should be achieved, if agreed
     * @param status     where it stands
     * @param labels     sensitivity labels (R48)
     * @throws io.github.personalcare.lang.InvalidInputException naming {@code goal.outcome},
     *                                                           {@code goal.measure}...
     */
    public Goal {
        Require.present("goal.id", id);
        outcome = Require.text("goal.outcome", outcome, Require.LONG_TEXT);
        measure = Require.text("goal.measure", measure, Require.SHORT_TEXT);
        targetDate = targetDate == null ? Optional.empty() : targetDate;
        Require.present("goal.status", status);
        labels = Require.set("goal.labels", labels);
    }

    /**
     * A goal with no sensitivity labels.
     *
     * @param id         the goal's id, kept across versions
     * @param outcome    the outcome in the person's words
     * @param measure    how progress is measured
     * @param targetDate when it should be achieved, if agreed
     * @param status     where it stands
     * @throws InvalidInputException if the outcome or measure is blank or too long, or the status missing
     */
    public Goal(GoalId id, String outcome, String measure, Optional<LocalDate> targetDate, GoalStatus status) {
        this(id, outcome, measure, targetDate, status, Set.of());
    }

    /**
     * A new active goal with a fresh id.
     *
     * @param outcome    the outcome in the person's words
     * @param measure    how progress is measured
     * @param targetDate when it should be achieved, if agreed
     * @return the goal, {@link GoalStatus#ACTIVE}
     * @throws InvalidInputException if the outcome or measure is blank or too long
     */
    public static Goal of(String outcome, String measure, Optional<LocalDate> targetDate) {
        return new Goal(GoalId.random(), outcome, measure, targetDate, GoalStatus.ACTIVE);
    }

    /**
     * A copy with another status (the id stays, so the change shows as a change to this goal).
     *
     * @param next the new status
     * @return the copy
     * @throws InvalidInputException if {@code next} is missing
     */
    public Goal withStatus(GoalStatus next) {
        return new Goal(id, outcome, measure, targetDate, next, labels);
    }

    /**
     * A copy that also carries {@code more} labels (R48).
     *
     * @param more the labels to add to those it already carries
     * @return the labelled copy
     * @throws InvalidInputException if one of the labels is missing
     */
    public Goal labelled(SensitivityLabel... more) {
        return new Goal(id, outcome, measure, targetDate, status, Labels.with(labels, more));
    }
}
