package io.github.personalcare.appointment;

import io.github.personalcare.event.DomainEvent;
import io.github.personalcare.identity.PatientId;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Events about appointments, published through the outbox in the transaction of the change. They
 * carry ids, times and codes only: never a location, a name or a reason's free text.
 */
public sealed interface AppointmentEvent extends DomainEvent permits AppointmentEvent.Booked,
        AppointmentEvent.Rebooked, AppointmentEvent.Cancelled, AppointmentEvent.DidNotAttend,
        AppointmentEvent.Attended, AppointmentEvent.ReminderDue {

    /** {@return the appointment concerned} */
    AppointmentId appointment();

    /**
     * An appointment was booked in a slot.
     *
     * @param eventId     the unique id of the event
     * @param occurredAt  when it was booked
     * @param patient     whose appointment
     * @param appointment the appointment's id
     * @param slot        the slot taken
     * @param startsAt    when the appointment starts
     * @param by          which side booked it
     */
    record Booked(UUID eventId, Instant occurredAt, PatientId patient, AppointmentId appointment, SlotId slot,
            Instant startsAt, Party by) implements AppointmentEvent {
        /**
         * Checks every component is present.
         *
         * @param eventId     the unique id of the event
         * @param occurredAt  when it was booked
         * @param patient     whose appointment
         * @param appointment the appointment's id
         * @param slot        the slot taken
         * @param startsAt    when the appointment starts
         * @param by          which side booked it
         * @throws NullPointerException if a component is null
         */
        public Booked {
            check(eventId, occurredAt, patient, appointment);
            Objects.requireNonNull(slot, "slot");
            Objects.requireNonNull(startsAt, "startsAt");
            Objects.requireNonNull(by, "by");
        }

        @Override
        public String type() {
            return "appointment.booked";
        }
    }

    /**
     * An appointment moved to another slot; the old one is free again.
     *
     * @param eventId     the unique id of the event
     * @param occurredAt  when it was moved
     * @param patient     whose appointment
     * @param appointment the appointment's id
     * @param from        the slot released
     * @param to          the slot taken
     * @param startsAt    when the appointment now starts
     */
    record Rebooked(UUID eventId, Instant occurredAt, PatientId patient, AppointmentId appointment, SlotId from,
            SlotId to, Instant startsAt) implements AppointmentEvent {
        /**
         * Checks every component is present.
         *
         * @param eventId     the unique id of the event
         * @param occurredAt  when it was moved
         * @param patient     whose appointment
         * @param appointment the appointment's id
         * @param from        the slot released
         * @param to          the slot taken
         * @param startsAt    when the appointment now starts
         * @throws NullPointerException if a component is null
         */
        public Rebooked {
            check(eventId, occurredAt, patient, appointment);
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(startsAt, "startsAt");
        }

        @Override
        public String type() {
            return "appointment.rebooked";
        }
    }

    /**
     * An appointment was cancelled; its slot is free again.
     *
     * @param eventId     the unique id of the event
     * @param occurredAt  when it was cancelled
     * @param patient     whose appointment
     * @param appointment the appointment's id
     * @param by          which side cancelled it
     * @param reason      the reason code
     */
    record Cancelled(UUID eventId, Instant occurredAt, PatientId patient, AppointmentId appointment, Party by,
            String reason) implements AppointmentEvent {
        /**
         * Checks every component is present.
         *
         * @param eventId     the unique id of the event
         * @param occurredAt  when it was cancelled
         * @param patient     whose appointment
         * @param appointment the appointment's id
         * @param by          which side cancelled it
         * @param reason      the reason code
         * @throws NullPointerException if a component is null
         */
        public Cancelled {
            check(eventId, occurredAt, patient, appointment);
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String type() {
            return "appointment.cancelled";
        }
    }

    /**
     * The patient did not attend.
     *
     * @param eventId     the unique id of the event
     * @param occurredAt  when it was recorded
     * @param patient     whose appointment
     * @param appointment the appointment's id
     */
    record DidNotAttend(UUID eventId, Instant occurredAt, PatientId patient, AppointmentId appointment)
            implements AppointmentEvent {
        /**
         * Checks every component is present.
         *
         * @param eventId     the unique id of the event
         * @param occurredAt  when it was recorded
         * @param patient     whose appointment
         * @param appointment the appointment's id
         * @throws NullPointerException if a component is null
         */
        public DidNotAttend {
            check(eventId, occurredAt, patient, appointment);
        }

        @Override
        public String type() {
            return "appointment.did_not_attend";
        }
    }

    /**
     * The patient attended.
     *
     * @param eventId     the unique id of the event
     * @param occurredAt  when it was recorded
     * @param patient     whose appointment
     * @param appointment the appointment's id
     */
    record Attended(UUID eventId, Instant occurredAt, PatientId patient, AppointmentId appointment)
            implements AppointmentEvent {
        /**
         * Checks every component is present.
         *
         * @param eventId     the unique id of the event
         * @param occurredAt  when it was recorded
         * @param patient     whose appointment
         * @param appointment the appointment's id
         * @throws NullPointerException if a component is null
         */
        public Attended {
            check(eventId, occurredAt, patient, appointment);
        }

        @Override
        public String type() {
            return "appointment.attended";
        }
    }

    /**
     * A reminder fell due: the transport sends it to the patient (by the channel the supplier
     * chooses). Written by the reminder sweep ({@link AppointmentService#sendDueReminders}).
     *
     * @param eventId     the unique id of the event
     * @param occurredAt  when the sweep found it due
     * @param patient     whose appointment
     * @param appointment the appointment's id
     * @param startsAt    when the appointment starts
     * @param dueAt       when the reminder fell due (the start minus a configured offset)
     */
    record ReminderDue(UUID eventId, Instant occurredAt, PatientId patient, AppointmentId appointment,
            Instant startsAt, Instant dueAt) implements AppointmentEvent {
        /**
         * Checks every component is present.
         *
         * @param eventId     the unique id of the event
         * @param occurredAt  when the sweep found it due
         * @param patient     whose appointment
         * @param appointment the appointment's id
         * @param startsAt    when the appointment starts
         * @param dueAt       when the reminder fell due
         * @throws NullPointerException if a component is null
         */
        public ReminderDue {
            check(eventId, occurredAt, patient, appointment);
            Objects.requireNonNull(startsAt, "startsAt");
            Objects.requireNonNull(dueAt, "dueAt");
        }

        @Override
        public String type() {
            return "appointment.reminder_due";
        }
    }

    private static void check(UUID eventId, Instant occurredAt, PatientId patient, AppointmentId appointment) {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(appointment, "appointment");
    }
}
