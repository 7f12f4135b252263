package io.github.personalcare.careplan;

/** Who signed a care plan version (R8). */
public enum SignatoryKind {
    /** The patient themself. */
    PATIENT,
    /** A representative with recorded legal authority (parental responsibility, LPA, deputy). */
    REPRESENTATIVE,
    /** The lead professional of the care team, co-signing. */
    LEAD_PROFESSIONAL
}
