package io.github.personalcare.budget;

/** Who holds the budget as a whole and answers for it. */
public enum HolderKind {
    /** The patient. */
    PATIENT,
    /** A representative of the patient (a child's parent, a deputy, an attorney). */
    REPRESENTATIVE,
    /** A nominee chosen by the patient or representative. */
    NOMINEE,
    /** An organisation: the ICB for a notional budget, or a third-party organisation. */
    ORGANISATION
}
