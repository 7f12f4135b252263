package io.github.personalcare.appointment;

/** The kind of appointment a slot is for (HL7 v2 table 0276, as FHIR's {@code appointmentType}). */
public enum AppointmentType {
    /** A routine appointment. */
    ROUTINE,
    /** A follow-up of an earlier appointment or treatment. */
    FOLLOWUP,
    /** A routine check-up, such as a health check. */
    CHECKUP,
    /** An urgent, same-day appointment. */
    EMERGENCY,
    /** A walk-in session. */
    WALKIN
}
