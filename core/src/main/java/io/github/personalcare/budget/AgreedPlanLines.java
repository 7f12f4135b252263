package io.github.personalcare.budget;

import io.github.personalcare.identity.PatientId;
import io.github.personalcare.spi.Transaction;

import java.util.Optional;

/**
 * Where budgets learn of the patient's current agreed care plan (R15), read in the same
 * transaction as the budget command. {@code PersonalCare} wires the care-plan store behind it;
 * tests may supply their own.
 */
@FunctionalInterface
public interface AgreedPlanLines {

    /**
     * The patient's current AGREED plan, if there is one (R6: at most one).
     *
     * @param tx      the open transaction of the budget command
     * @param patient the patient
     * @return the plan's lines, or empty if the patient has no agreed plan in force
     */
    Optional<AgreedPlan> currentAgreed(Transaction tx, PatientId patient);

    /** {@return the source that reads the care-plan store: what {@code PersonalCare} wires} */
    static AgreedPlanLines carePlans() {
        return new CarePlanLines();
    }
}
