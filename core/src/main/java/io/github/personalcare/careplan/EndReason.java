package io.github.personalcare.careplan;

/** Why a care plan ended. */
public enum EndReason {
    /** The plan's outcomes were met or care finished. */
    COMPLETED,
    /** Withdrawn (by the person, or before it was ever agreed). */
    WITHDRAWN,
    /** Care moved to another organisation that keeps its own plan. */
    TRANSFERRED,
    /** The person died. */
    DECEASED
}
