package io.github.personalcare.careplan;

import io.github.personalcare.access.SensitivityLabel;
import io.github.personalcare.internal.check.Require;

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
    /** @throws io.github.personalcare.lang.InvalidInputException naming {@code goal.outcome}, {@code goal.measure}... */
    public Goal {
        Require.present("goal.id", id);
        outcome = Require.text("goal.outcome", outcome, Require.LONG_TEXT);
        measure = Require.text("goal.measure", measure, Require.SHORT_TEXT);
        targetDate = targetDate == null ? Optional.empty() : targetDate;
        Require.present("goal.status", status);
        labels = labels == null || labels.isEmpty() ? Set.of() : Set.copyOf(labels);
    }

    /** A goal with no sensitivity labels. */
    public Goal(GoalId id, String outcome, String measure, Optional<LocalDate> targetDate, GoalStatus status) {
        this(id, outcome, measure, targetDate, status, Set.of());
    }

    /** A new active goal with a fresh id. */
    public static Goal of(String outcome, String measure, Optional<LocalDate> targetDate) {
        return new Goal(GoalId.random(), outcome, measure, targetDate, GoalStatus.ACTIVE);
    }

    /** A copy with another status (the id stays, so the change shows as a change to this goal). */
    public Goal withStatus(GoalStatus next) {
        return new Goal(id, outcome, measure, targetDate, next, labels);
    }

    /** A copy that also carries {@code more} labels (R48). */
    public Goal labelled(SensitivityLabel... more) {
        return new Goal(id, outcome, measure, targetDate, status, Labels.with(labels, more));
    }
}
