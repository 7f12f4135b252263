package io.github.personalcare.referral;

/** How a service takes referrals (e-RS service types). */
public enum BookingMode {
    /** Slots can be booked now; the referral may be deferred to the provider only as R33 allows. */
    DIRECTLY_BOOKABLE,
    /** The patient arranges the appointment with the provider, who records the booking. */
    INDIRECTLY_BOOKABLE,
    /** A referral assessment service: the provider triages and records a review outcome (R32). */
    TRIAGE
}
