package io.github.personalcare.referral;

import io.github.personalcare.internal.check.Require;

import java.time.Instant;

/**
 * An appointment booked for a referral at a shortlisted service.
 *
 * @param service  where
 * @param startsAt when it starts
 * @param bookedAt when it was booked (command time)
 * @param status   where it stands
 */
public record Appointment(ServiceId service, Instant startsAt, Instant bookedAt, AppointmentStatus status) {
    /**
     * Checks every component is present.
     *
     * @param service  where
     * @param startsAt when it starts
     * @param bookedAt when it was booked (command time)
     * @param status   where it stands
     * @throws io.github.personalcare.lang.InvalidInputException if a field is missing
     */
    public Appointment {
        Require.present("appointment.service", service);
        Require.present("appointment.startsAt", startsAt);
        Require.present("appointment.bookedAt", bookedAt);
        Require.present("appointment.status", status);
    }

    /** {@return whether the appointment is booked and not cancelled, attended or missed} */
    public boolean isCurrent() {
        return status == AppointmentStatus.BOOKED;
    }

    /**
     * A copy with another status.
     *
     * @param next the new status
     * @return the copy
     */
    public Appointment withStatus(AppointmentStatus next) {
        return new Appointment(service, startsAt, bookedAt, next);
    }
}
