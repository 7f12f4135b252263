package io.github.personalcare.appointment;

import io.github.personalcare.identity.PatientId;
import io.github.personalcare.spi.AggregateType;
import io.github.personalcare.spi.Index;

import java.time.Instant;
import java.util.List;

/**
 * How schedules, slots and appointments are stored.
 *
 * <p>Schedules and slots are directory data, not a patient's: they are stored under
 * {@link #NO_PATIENT}, an id no patient has (all zeros). Slot indexes:
 * <ul>
 *   <li>{@code service}: the directory service id; {@code schedule}: the schedule id.</li>
 *   <li>{@code starts_at}: the start as epoch seconds (UTC), for range search.</li>
 *   <li>{@code uk_date}: the UK local date of the start (Europe/London).</li>
 *   <li>{@code bookable}: true while no appointment holds the slot.</li>
 * </ul>
 * A database adapter should also index {@code (service, bookable, starts_at)} together, the free-slot
 * search ({@link #SLOT_SEARCH_INDEX}); the JDBC migration does.
 *
 * <p>Appointment indexes: {@code slot}, {@code status}, {@code organisation} (ODS code), {@code referral} (null when none),
 * {@code uk_date} and {@code next_reminder} (epoch seconds of the next reminder due, null when none
 * or no longer booked) for the reminder sweep.
 */
public final class AppointmentStores {
    /** The patient id schedules and slots are stored under: {@link PatientId#NONE}, no patient's. */
    public static final PatientId NO_PATIENT = PatientId.NONE;

    /** The index columns of the free-slot search, in the order a composite database index takes them. */
    public static final List<String> SLOT_SEARCH_INDEX = List.of("service", "bookable", "starts_at");

    /** Schedules. */
    public static final AggregateType<ScheduleId, Schedule> SCHEDULES = new AggregateType<>(
            "appointment_schedule", Schedule.class, Schedule::id, s -> NO_PATIENT,
            List.of(Index.text("service", Schedule::service),
                    Index.text("organisation", s -> s.organisation().value())));

    /** Slots, one aggregate each, so booking one is an optimistic update of its own version. */
    public static final AggregateType<SlotId, Slot> SLOTS = new AggregateType<>(
            "appointment_slot", Slot.class, Slot::id, s -> NO_PATIENT,
            List.of(Index.text("service", Slot::service),
                    Index.text("schedule", Slot::schedule),
                    Index.number("starts_at", s -> s.startsAt().getEpochSecond()),
                    Index.date("uk_date", Slot::ukDate),
                    Index.bool("bookable", Slot::isFree)));

    /** Appointments, the patient's data ({@link io.github.personalcare.access.DataClass#APPOINTMENT}). */
    public static final AggregateType<AppointmentId, Appointment> APPOINTMENTS = new AggregateType<>(
            "appointment", Appointment.class, Appointment::id, Appointment::patient,
            List.of(Index.text("slot", Appointment::slot),
                    Index.text("status", Appointment::status),
                    Index.text("organisation", a -> a.organisation().value()),
                    Index.text("referral", Appointment::referral),
                    Index.date("uk_date", Appointment::ukDate),
                    Index.number("next_reminder", a -> a.nextReminder().map(Instant::getEpochSecond).orElse(null))));

    private AppointmentStores() {
    }
}
