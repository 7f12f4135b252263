package io.github.personalcare.careplan;

/** Where a goal stands; each maps to FHIR R4 {@code Goal.lifecycleStatus} (§1.6). */
public enum GoalStatus {
    PROPOSED("proposed"),
    ACTIVE("active"),
    ON_HOLD("on-hold"),
    ACHIEVED("completed"),
    CANCELLED("cancelled");

    private final String fhirLifecycleStatus;

    GoalStatus(String fhirLifecycleStatus) {
        this.fhirLifecycleStatus = fhirLifecycleStatus;
    }

    /** The FHIR R4 {@code Goal.lifecycleStatus} code. */
    public String fhirLifecycleStatus() {
        return fhirLifecycleStatus;
    }
}
