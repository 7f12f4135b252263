package io.github.personalcare.referral;

/** Why booking is deferred to the provider: the only three cases R33 allows. */
public enum DeferReason {
    /** The chosen directly bookable service has no slots (checked against the directory). */
    NO_SLOTS_AVAILABLE,
    /** The advertised slot was taken before the booking completed. */
    SLOT_LOST,
    /** The booking got no response within the message timeout. */
    BOOKING_TIMED_OUT
}
