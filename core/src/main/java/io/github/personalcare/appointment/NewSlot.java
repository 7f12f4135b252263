package io.github.personalcare.appointment;

import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;

import java.time.Duration;
import java.time.Instant;

/**
 * A slot to publish on a schedule: an instant range (stored in UTC; see {@link Slot}), the kind of
 * appointment, how it takes place and which staff role sees the patient.
 *
 * @param startsAt  when it starts
 * @param endsAt    when it ends: after the start, at most {@link #MAX_LENGTH} later
 * @param type      the kind of appointment
 * @param mode      in person (with a location), video or telephone
 * @param staffRole the role of the professional who sees the patient
 */
public record NewSlot(Instant startsAt, Instant endsAt, AppointmentType type, AppointmentMode mode,
        ProfessionalRole staffRole) {
    /** The longest slot: 12 hours. */
    public static final Duration MAX_LENGTH = Duration.ofHours(12);

    /**
     * Checks every component is present and the range is sensible.
     *
     * @param startsAt  when it starts
     * @param endsAt    when it ends
     * @param type      the kind of appointment
     * @param mode      how it takes place
     * @param staffRole the role of the professional who sees the patient
     * @throws InvalidInputException if a component is missing (rule {@code REQUIRED}), or the end is not after the
     *                               start or more than 12 hours after it (field {@code slot.endsAt}, rule {@code RANGE})
     */
    public NewSlot {
        Require.present("slot.startsAt", startsAt);
        Require.present("slot.endsAt", endsAt);
        Require.present("slot.type", type);
        Require.present("slot.mode", mode);
        Require.present("slot.staffRole", staffRole);
        if (!endsAt.isAfter(startsAt) || Duration.between(startsAt, endsAt).compareTo(MAX_LENGTH) > 0) {
            throw new InvalidInputException("slot.endsAt", "RANGE", "must be after the start and at most 12 hours later");
        }
    }
}
