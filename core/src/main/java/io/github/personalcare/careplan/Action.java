package io.github.personalcare.careplan;

import io.github.personalcare.internal.check.Require;

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
    /** @throws io.github.personalcare.lang.InvalidInputException naming {@code action.owner}, {@code action.description}... */
    public Action {
        Require.present("action.id", id);
        description = Require.text("action.description", description, Require.LONG_TEXT);
        Require.present("action.owner", owner);
        dueBy = dueBy == null ? Optional.empty() : dueBy;
        goals = Require.list("action.goals", goals, CarePlanContent.MAX_ITEMS);
    }

    /** A new action with a fresh id. */
    public static Action of(String description, ActionOwner owner, Optional<LocalDate> dueBy, List<GoalId> goals) {
        return new Action(ActionId.random(), description, owner, dueBy, goals);
    }
}
