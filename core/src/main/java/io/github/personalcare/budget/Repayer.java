package io.github.personalcare.budget;

/** Who must repay under a repayment notice (reg. 15, R24, R26). */
public enum Repayer {
    /** The patient. */
    PATIENT,
    /** The representative who received the direct payments. */
    REPRESENTATIVE,
    /** The nominee who received the direct payments. */
    NOMINEE,
    /** The personal representatives, after the patient's death (R26). */
    PERSONAL_REPRESENTATIVES
}
