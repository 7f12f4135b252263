package io.github.personalcare.appointment;

import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.lang.RuleViolationException;
import io.github.personalcare.referral.ServiceId;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A published slot: free until an appointment takes it, free again when that appointment is
 * cancelled or moved; its organisation may withdraw it while it is free (a clinic cancelled), and
 * then it is never booked. <b>Times are instants</b> (UTC on the time line, stored as ISO-8601 UTC text
 * in the document and as epoch seconds in the {@code starts_at} index); the UK local date and time
 * for display and search are derived with {@link #UK} (Europe/London), so a slot at 09:00 BST and
 * one at 09:00 GMT are both 09:00 in the UK.
 *
 * <p>A slot is an aggregate with its own version: booking it is an update at the version read, so
 * of two bookings of one slot at the same instant only one commits, on every store.
 *
 * @param id           the slot's id
 * @param schedule     the schedule it is published on
 * @param service      the schedule's service, copied for the search index
 * @param organisation the schedule's organisation, copied so the service checks who manages it
 * @param startsAt     when it starts
 * @param endsAt       when it ends
 * @param type         the kind of appointment
 * @param mode         how it takes place
 * @param staffRole    the role of the professional who sees the patient
 * @param appointment  the appointment holding it, empty while free
 * @param withdrawnAt  when the organisation withdrew it, if it did; a withdrawn slot is never booked
 */
public record Slot(SlotId id, ScheduleId schedule, ServiceId service, OdsCode organisation, Instant startsAt,
        Instant endsAt, AppointmentType type, AppointmentMode mode, ProfessionalRole staffRole,
        Optional<AppointmentId> appointment, Optional<Instant> withdrawnAt) {
    /** The zone of UK local times: Europe/London (GMT in winter, BST in summer). */
    public static final ZoneId UK = ZoneId.of("Europe/London");

    /**
     * Checks every component is present.
     *
     * @param id           the slot's id
     * @param schedule     the schedule it is published on
     * @param service      the schedule's service
     * @param organisation the schedule's organisation
     * @param startsAt     when it starts
     * @param endsAt       when it ends
     * @param type         the kind of appointment
     * @param mode         how it takes place
     * @param staffRole    the role of the professional who sees the patient
     * @param appointment  the appointment holding it, empty while free
     * @param withdrawnAt  when the organisation withdrew it (a clinic cancelled), if it did; a
     *                     withdrawn slot is never booked again
     * @throws io.github.personalcare.lang.InvalidInputException if a component is missing or the range is not sensible
     */
    public Slot {
        Require.present("slot.id", id);
        Require.present("slot.schedule", schedule);
        Require.present("slot.service", service);
        Require.present("slot.organisation", organisation);
        new NewSlot(startsAt, endsAt, type, mode, staffRole);
        appointment = appointment == null ? Optional.empty() : appointment;
        withdrawnAt = withdrawnAt == null ? Optional.empty() : withdrawnAt;
        if (appointment.isPresent() && withdrawnAt.isPresent()) {
            throw new InvalidInputException("slot.withdrawnAt", "SLOT_WITHDRAWN",
                    "a withdrawn slot holds no appointment");
        }
    }

    /**
     * A slot that was never withdrawn.
     *
     * @param id           the slot's id
     * @param schedule     the schedule it is published on
     * @param service      the schedule's service
     * @param organisation the schedule's organisation
     * @param startsAt     when it starts
     * @param endsAt       when it ends
     * @param type         the kind of appointment
     * @param mode         how it takes place
     * @param staffRole    the role of the professional who sees the patient
     * @param appointment  the appointment holding it, empty while free
     * @throws io.github.personalcare.lang.InvalidInputException if a component is missing or the range is not sensible
     */
    public Slot(SlotId id, ScheduleId schedule, ServiceId service, OdsCode organisation, Instant startsAt,
            Instant endsAt, AppointmentType type, AppointmentMode mode, ProfessionalRole staffRole,
            Optional<AppointmentId> appointment) {
        this(id, schedule, service, organisation, startsAt, endsAt, type, mode, staffRole, appointment,
                Optional.empty());
    }

    /**
     * A new free slot on the schedule.
     *
     * @param id       the slot's id
     * @param schedule the schedule
     * @param slot     what to publish
     * @return the free slot
     */
    public static Slot publish(SlotId id, Schedule schedule, NewSlot slot) {
        return new Slot(id, schedule.id(), schedule.service(), schedule.organisation(), slot.startsAt(),
                slot.endsAt(), slot.type(), slot.mode(), slot.staffRole(), Optional.empty());
    }

    /** {@return whether the slot may be booked: no appointment holds it and it was not withdrawn} */
    public boolean isFree() {
        return appointment.isEmpty() && withdrawnAt.isEmpty();
    }

    /** {@return whether the organisation withdrew the slot} */
    public boolean isWithdrawn() {
        return withdrawnAt.isPresent();
    }

    /**
     * The slot withdrawn by its organisation (a clinic cancelled, a professional away).
     *
     * @param at when
     * @return the withdrawn slot
     * @throws RuleViolationException with rule {@code SLOT} if an appointment holds the slot (cancel the
     *                                appointment first, so the patient is told), or {@code SLOT_WITHDRAWN} if it
     *                                was already withdrawn
     */
    public Slot withdrawn(Instant at) {
        if (appointment.isPresent()) {
            throw new RuleViolationException("SLOT", "the slot is booked: cancel the appointment first, so the patient "
                    + "is told");
        }
        if (withdrawnAt.isPresent()) {
            throw new RuleViolationException("SLOT_WITHDRAWN", "the slot was already withdrawn");
        }
        return new Slot(id, schedule, service, organisation, startsAt, endsAt, type, mode, staffRole,
                Optional.empty(), Optional.of(Require.present("at", at)));
    }

    /** {@return the UK local date the slot starts on (Europe/London)} */
    public LocalDate ukDate() {
        return LocalDate.ofInstant(startsAt, UK);
    }

    /**
     * The slot taken by an appointment.
     *
     * @param by the appointment
     * @return the taken slot
     * @throws RuleViolationException with rule {@code SLOT} if the slot is already booked, or
     *                                {@code SLOT_WITHDRAWN} if its organisation withdrew it
     */
    public Slot takenBy(AppointmentId by) {
        if (withdrawnAt.isPresent()) {
            throw new RuleViolationException("SLOT_WITHDRAWN", "the slot was withdrawn by its organisation");
        }
        if (!isFree()) {
            throw new RuleViolationException("SLOT", "the slot is already booked");
        }
        return new Slot(id, schedule, service, organisation, startsAt, endsAt, type, mode, staffRole,
                Optional.of(Require.present("appointment", by)));
    }

    /** {@return the slot free again} */
    public Slot released() {
        return new Slot(id, schedule, service, organisation, startsAt, endsAt, type, mode, staffRole,
                Optional.empty());
    }
}
