package io.github.personalcare.budget;

/** The reasoned outcome of a reconsideration of a notice (R24). */
public enum ReconsiderationOutcome {
    /** The notice stands. */
    UPHELD,
    /** The notice is withdrawn: nothing may be reduced or recovered under it. */
    WITHDRAWN
}
