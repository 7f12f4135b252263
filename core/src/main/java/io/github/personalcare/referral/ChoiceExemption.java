package io.github.personalcare.referral;

/**
 * Why a patient was not offered a choice of provider: the exceptions to the legal right to choose
 * in the NHS Choice Framework. The exact list is not confirmed in detail (domain notes §3.4);
 * {@link #OTHER_DOCUMENTED} covers a documented local exception.
 */
public enum ChoiceExemption {
    /** Emergency or urgent care where speed matters (includes two-week-wait referrals). */
    URGENT_OR_EMERGENCY_CARE,
    /** Maternity services. */
    MATERNITY,
    /** Serving members of the armed forces. */
    ARMED_FORCES,
    /** Prisoners and other detained persons. */
    DETAINED_PERSON,
    /** Mental health services outside the scope of choice. */
    MENTAL_HEALTH,
    /** Cancer services outside the scope of choice. */
    CANCER,
    /** Another exception documented by the referrer. */
    OTHER_DOCUMENTED
}
