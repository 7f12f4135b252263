package io.github.personalcare.referral;

/** What the referrer asks the provider for. */
public enum RequestType {
    /** A referral for a first appointment (e-RS category {@code referral}). */
    APPOINTMENT,
    /**
     * Advice and guidance: a clinician-to-clinician question before or instead of a referral;
     * the provider may convert it into a referral keeping its UBRN and history (R34).
     */
    ADVICE_AND_GUIDANCE
}
