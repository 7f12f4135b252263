package io.github.personalcare.budget;

/** The written notices a health body gives about a direct payment (R24). */
public enum NoticeKind {
    /** The amount of a direct-payment line will be reduced (reg. 13). */
    REDUCTION,
    /** Money must be repaid (reg. 15). */
    REPAYMENT
}
