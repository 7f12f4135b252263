package io.github.personalcare.appointment;

/** Where an appointment stands. Only {@link #BOOKED} may change; the others are final. */
public enum AppointmentStatus {
    /** Booked and still to happen (or to be recorded as attended or missed). */
    BOOKED,
    /** Cancelled by the patient (or a proxy) or by the service; its slot is free again. */
    CANCELLED,
    /** The patient did not attend. */
    DID_NOT_ATTEND,
    /** The patient attended. */
    ATTENDED;

    /** {@return whether no further command applies} */
    public boolean isFinal() {
        return this != BOOKED;
    }
}
