package io.github.personalcare.budget;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.careplan.CarePlanId;

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
    public AgreedPlan {
        Require.present("plan", plan);
        lineCodes = Set.copyOf(Require.present("lineCodes", lineCodes));
        nextReviewDue = nextReviewDue == null ? Optional.empty() : nextReviewDue;
    }

    /** True if the plan references the line (R15). */
    public boolean references(BudgetLineCode line) {
        return lineCodes.contains(line);
    }
}
