package io.github.personalcare.careplan;

/** Where a goal stands (§1.6); the FHIR module maps it to {@code Goal.lifecycleStatus}. */
public enum GoalStatus {
    PROPOSED,
    ACTIVE,
    ON_HOLD,
    ACHIEVED,
    CANCELLED
}
