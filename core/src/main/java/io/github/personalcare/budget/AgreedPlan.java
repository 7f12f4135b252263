package io.github.personalcare.budget;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.careplan.CarePlanId;
import io.github.personalcare.lang.InvalidInputException;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * What a budget needs to know of the patient's current agreed care plan (R15): its id, the
 * budget line codes its support-and-services section references, and its next review date
 * (which budgets other than direct payments follow, R22).
 *
 * @param plan          the plan's id
 * @param lineCodes     the budget line codes the plan's support section references
 * @param nextReviewDue the plan's next review date, if set
 */
public record AgreedPlan(CarePlanId plan, Set<BudgetLineCode> lineCodes, Optional<LocalDate> nextReviewDue) {
    /**
     * Checks the plan and the codes are present; copies the codes. An absent review date becomes
     * empty.
     *
     * @param plan          the plan's id
     * @param lineCodes     the budget line codes the plan's support section references
     * @param nextReviewDue the plan's next review date, if set
     * @throws InvalidInputException if the plan or the codes are missing
     */
    public AgreedPlan {
        Require.present("plan", plan);
        lineCodes = Set.copyOf(Require.present("lineCodes", lineCodes));
        nextReviewDue = nextReviewDue == null ? Optional.empty() : nextReviewDue;
    }

    /**
     * {@return whether the plan references the line (R15)}
     *
     * @param line the line code
     */
    public boolean references(BudgetLineCode line) {
        return lineCodes.contains(line);
    }
}
