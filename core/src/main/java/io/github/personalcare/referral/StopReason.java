package io.github.personalcare.referral;

/**
 * Why an RTT clock stopped (R36): first definitive treatment, or one of the non-treatment stops
 * of the national rules (domain notes §3.6). The SDK adds two administrative stops for referrals
 * that leave the provider: {@link #RETURNED_TO_REFERRER} and {@link #REFERRAL_CANCELLED}.
 */
public enum StopReason {
    /** First definitive treatment started (including a therapeutic intervention or drug therapy). */
    FIRST_DEFINITIVE_TREATMENT(true),
    /** A clinical decision to start a period of active monitoring; a later decision to treat restarts the clock. */
    ACTIVE_MONITORING(false),
    /** The patient declined treatment. */
    PATIENT_DECLINED_TREATMENT(false),
    /** A clinical decision not to treat. */
    DECISION_NOT_TO_TREAT(false),
    /** Discharged back to primary care without treatment. */
    DISCHARGED_WITHOUT_TREATMENT(false),
    /** The patient died. */
    PATIENT_DIED(false),
    /** SDK: the provider rejected the referral or returned it to the referrer with advice. */
    RETURNED_TO_REFERRER(false),
    /** SDK: the referral was cancelled. */
    REFERRAL_CANCELLED(false);

    private final boolean treatment;

    StopReason(boolean treatment) {
        this.treatment = treatment;
    }

    /** {@return whether this is a stop for treatment; false for a non-treatment stop} */
    public boolean isTreatment() {
        return treatment;
    }
}
