package io.github.personalcare.budget;

/** Who must repay under a repayment notice (reg. 15, R24, R26). */
public enum Repayer {
    PATIENT,
    REPRESENTATIVE,
    NOMINEE,
    /** The personal representatives, after the patient's death (R26). */
    PERSONAL_REPRESENTATIVES
}
