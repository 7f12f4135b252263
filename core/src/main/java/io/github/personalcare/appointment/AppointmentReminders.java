package io.github.personalcare.appointment;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;

import java.time.Duration;
import java.util.List;

/**
 * When appointment reminders fall due: each offset before the start gives one reminder, unless it
 * is already past when the appointment is booked. The reminder sweep
 * ({@link AppointmentService#sendDueReminders}) publishes an {@link AppointmentEvent.ReminderDue}
 * for each appointment whose next reminder is due.
 *
 * @param offsets how long before the start each reminder falls due, 0 to 10 of them, each positive
 *                and at most 60 days
 */
public record AppointmentReminders(List<Duration> offsets) {
    /** The default: 7 days and 1 day before. */
    public static final AppointmentReminders DEFAULT = new AppointmentReminders(
            List.of(Duration.ofDays(7), Duration.ofDays(1)));

    /**
     * Checks the offsets.
     *
     * @param offsets how long before the start each reminder falls due
     * @throws InvalidInputException if the list is longer than 10, holds an empty item, or an offset is not positive or longer
     *                               than 60 days (field {@code reminderOffsets}, rule {@code RANGE})
     */
    public AppointmentReminders {
        offsets = Require.list("reminderOffsets", offsets, 10);
        for (Duration d : offsets) {
            if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofDays(60)) > 0) {
                throw new InvalidInputException("reminderOffsets", "RANGE", "each must be positive and at most 60 days");
            }
        }
    }

    /**
     * Reminders at these offsets before the start.
     *
     * @param offsets how long before the start each reminder falls due
     * @return the reminders
     * @throws InvalidInputException as the constructor
     */
    public static AppointmentReminders at(Duration... offsets) {
        return new AppointmentReminders(List.of(offsets));
    }
}
