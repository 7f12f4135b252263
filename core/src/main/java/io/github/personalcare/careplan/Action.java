package io.github.personalcare.careplan;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Who does what by when (§1.2): a description (at most {@link Require#LONG_TEXT} characters), an
 * owner (required: the patient or a care team member), an optional due date, and the goals it
 * works towards (at most {@link CarePlanContent#MAX_ITEMS}).
 */
public record Action(ActionId id, String description, ActionOwner owner, Optional<LocalDate> dueBy,
        List<GoalId> goals) {
    /**
     * Checks the action: id and owner are required, the description is at most
     * {@link Require#LONG_TEXT} characters, at most {@link CarePlanContent#MAX_ITEMS} goals. An
     * absent due date becomes empty.
     *
     * @param id          the action's id, kept across versions
     * @param description what is to be done
     * @param owner       who does it
     * @param dueBy       by when, if agreed
     * @param goals       the goals it works towards
     * @throws InvalidInputException naming {@code action.owner}, {@code action.description} or the
     *                               other component that is wrong
     */
    public Action {
        Require.present("action.id", id);
        description = Require.text("action.description", description, Require.LONG_TEXT);
        Require.present("action.owner", owner);
        dueBy = dueBy == null ? Optional.empty() : dueBy;
        goals = Require.list("action.goals", goals, CarePlanContent.MAX_ITEMS);
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
