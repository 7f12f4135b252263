package io.github.personalcare.referral;

/**
 * What started an RTT clock (R35, domain notes §3.6), so a reader of the pathway knows which date
 * the wait counts from.
 */
public enum RttStart {
    /**
     * The e-Referral Service UBRN was converted: the patient booked an appointment, or the referral
     * was deferred to the provider or sent for triage, at a consultant-led service. The clock
     * starts on that UK date.
     */
    UBRN_CONVERSION,
    /**
     * The referral arrived from another system with its pathway start (for example an
     * inter-provider transfer, where the clock was already running): the clock starts on the
     * supplied date, never later than the day the referral was drafted here.
     */
    SUPPLIED_PATHWAY_START,
    /** A decision to treat after a period of active monitoring started a new clock. */
    DECISION_TO_TREAT
}
