package io.github.personalcare.budget;

import io.github.personalcare.careplan.CarePlan;
import io.github.personalcare.careplan.CarePlanStores;
import io.github.personalcare.careplan.CarePlanVersion;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.spi.Transaction;

import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads the patient's current agreed care plan from the care-plan store, in the budget
 * command's transaction: the version in force, the budget line codes its support-and-services
 * items reference, and its review date (R15, R22).
 */
final class CarePlanLines implements AgreedPlanLines {

    @Override
    public Optional<AgreedPlan> currentAgreed(Transaction tx, PatientId patient) {
        return CarePlanStores.currentAgreed(tx, patient).flatMap(v -> {
            CarePlan plan = v.value();
            return plan.currentAgreed().map(version -> toAgreedPlan(plan, version));
        });
    }

    private static AgreedPlan toAgreedPlan(CarePlan plan, CarePlanVersion version) {
        return new AgreedPlan(plan.id(), version.content().budgetLines().stream().map(BudgetLineCode::of)
                .collect(Collectors.toSet()), Optional.of(version.nextReviewDue()));
    }
}
