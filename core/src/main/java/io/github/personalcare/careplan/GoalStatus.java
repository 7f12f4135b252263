package io.github.personalcare.careplan;

/** Where a goal stands (§1.6); the FHIR module maps it to {@code Goal.lifecycleStatus}. */
public enum GoalStatus {
    /** Suggested, not yet taken on by the person. */
    PROPOSED,
    /** Being worked towards. */
    ACTIVE,
    /** Paused for now. */
    ON_HOLD,
    /** Achieved. */
    ACHIEVED,
    /** No longer pursued. */
    CANCELLED
}
