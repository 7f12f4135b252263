package io.github.personalcare.budget;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A review the health body has to carry out or consider (R23), open until a review is
 * completed.
 *
 * @param id       internal id
 * @param kind     health change (consider) or shortfall (must review)
 * @param raisedOn when it was raised
 * @param line     the line concerned, for a shortfall on one line
 * @param closedOn when a completed review closed it
 */
public record ReviewTask(ReviewTaskId id, ReviewTaskKind kind, LocalDate raisedOn, Optional<BudgetLineCode> line,
        Optional<LocalDate> closedOn) {
    /**
     * Checks the id, kind and date are present; absent optionals become empty.
     *
     * @param id       internal id
     * @param kind     health change (consider) or shortfall (must review)
     * @param raisedOn when it was raised
     * @param line     the line concerned, for a shortfall on one line
     * @param closedOn when a completed review closed it
     * @throws InvalidInputException if the id, kind or date is missing
     */
    public ReviewTask {
        Require.present("id", id);
        Require.present("kind", kind);
        Require.present("raisedOn", raisedOn);
        line = line == null ? Optional.empty() : line;
        closedOn = closedOn == null ? Optional.empty() : closedOn;
    }

    /** {@return whether the task is still open: no review has closed it} */
    public boolean isOpen() {
        return closedOn.isEmpty();
    }

    /** {@return whether the review is obligatory} */
    public boolean isMandatory() {
        return kind.isMandatory();
    }

    ReviewTask closedOn(LocalDate date) {
        return new ReviewTask(id, kind, raisedOn, line, Optional.of(date));
    }
}
