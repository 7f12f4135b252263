package io.github.personalcare.referral;

/** Where an appointment of a referral stands. Only a {@link #BOOKED} appointment is current. */
public enum AppointmentStatus {
    /** Booked and still to happen: the current appointment. */
    BOOKED,
    /** Cancelled by the patient; the referral may be rebooked. */
    CANCELLED_BY_PATIENT,
    /** Cancelled by the provider, or with the provider's rejection of the referral. */
    CANCELLED_BY_PROVIDER,
    /** Cancelled together with its referral (R31). */
    CANCELLED_WITH_REFERRAL,
    /** The patient did not attend. */
    DID_NOT_ATTEND,
    /** Took place (recorded when the referral completes). */
    ATTENDED
}
