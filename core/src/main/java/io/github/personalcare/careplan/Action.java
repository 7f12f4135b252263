package io.github.personalcare.careplan;

import io.github.personalcare.access.SensitivityLabel;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who does what by when (§1.2): a description (at most {@link Require#LONG_TEXT} characters), an
 * owner (required: the patient or a care team member), an optional due date, and the goals it
 * works towards (at most {@link CarePlanContent#MAX_ITEMS}). An action may carry sensitivity labels:
 * one labelled {@link SensitivityLabel#THIRD_PARTY third party} or
 * {@link SensitivityLabel#SERIOUS_HARM serious harm} is never shown to the patient or a proxy (R48).
 */
public record Action(ActionId id, String description, ActionOwner owner, Optional<LocalDate> dueBy,
        List<GoalId> goals, Set<SensitivityLabel> labels) {
    /**
     * Checks the action; an absent due date becomes empty, absent labels none.
     *
     * @param id          the action's id, kept across versions
     * @param description what is to be done
     * @param owner       who does it: the patient or a care team member
     * @param dueBy       by when, if agreed
     * @param goals       the goals it works towards
     * @param labels      sensitivity labels (R48)
     * @throws io.github.personalcare.lang.InvalidInputException naming {@code action.owner},
     *                                                           {@code action.description}...
     */
    public Action {
        Require.present("action.id", id);
        description = Require.text("action.description", description, Require.LONG_TEXT);
        Require.present("action.owner", owner);
        dueBy = dueBy == null ? Optional.empty() : dueBy;
        goals = Require.list("action.goals", goals, CarePlanContent.MAX_ITEMS);
        labels = Require.set("action.labels", labels);
    }

    /**
     * An action with no sensitivity labels.
     *
     * @param id          the action's id, kept across versions
     * @param description what is to be done
     * @param owner       who does it: the patient or a care team member
     * @param dueBy       by when, if agreed
     * @param goals       the goals it works towards
     * @throws InvalidInputException if a component is wrong
     */
    public Action(ActionId id, String description, ActionOwner owner, Optional<LocalDate> dueBy, List<GoalId> goals) {
        this(id, description, owner, dueBy, goals, Set.of());
    }

    /**
     * A copy that also carries {@code more} labels (R48).
     *
     * @param more the labels to add to those it already carries
     * @return the labelled copy
     * @throws InvalidInputException if one of the labels is missing
     */
    public Action labelled(SensitivityLabel... more) {
        return new Action(id, description, owner, dueBy, goals, Labels.with(labels, more));
    }

    /** A copy that works towards only the given goals (the others withheld from this viewer). */
    Action towards(List<GoalId> visible) {
        return new Action(id, description, owner, dueBy, visible, labels);
    }

    /**
     * A new action with a fresh id.
     *
     * @param description what is to be done
     * @param owner       who does it
     * @param dueBy       by when, if agreed
     * @param goals       the goals it works towards
     * @return the action
     * @throws InvalidInputException if a component is wrong
     */
    public static Action of(String description, ActionOwner owner, Optional<LocalDate> dueBy, List<GoalId> goals) {
        return new Action(ActionId.random(), description, owner, dueBy, goals);
    }
}
