package io.github.personalcare.budget;

/** Who receives a direct payment (SI 2013/1617 regs 4–6, R19). */
public enum RecipientKind {
    /** The patient: an adult (16 or over) with capacity who consents. */
    PATIENT,
    /** A representative, when the patient is under 16 or lacks capacity, who consents. */
    REPRESENTATIVE,
    /** A nominee chosen by the patient or representative, who has agreed to receive it. */
    NOMINEE
}
