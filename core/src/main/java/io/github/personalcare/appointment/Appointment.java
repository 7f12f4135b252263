package io.github.personalcare.appointment;

import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.IllegalTransitionException;
import io.github.personalcare.lang.RuleViolationException;
import io.github.personalcare.referral.ReasonCode;
import io.github.personalcare.referral.ReferralId;
import io.github.personalcare.referral.ServiceId;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A patient's appointment in a published slot, with what the slot said when it was booked (so the
 * appointment reads the same after the slot is released), who booked it, its status and the
 * reminders still to send. Immutable: each command returns a new value.
 *
 * @param id          the appointment's id
 * @param patient     whose appointment
 * @param slot        the slot it holds (the latest one after rebooking)
 * @param service     the slot's service
 * @param organisation the slot's organisation
 * @param startsAt    when it starts (an instant; UK local time for display with {@link Slot#UK})
 * @param endsAt      when it ends
 * @param type        the kind of appointment
 * @param mode        in person, video or telephone
 * @param staffRole   the role of the professional who sees the patient
 * @param referral    the referral this is the booking of, if any (its RTT clock sees the booking)
 * @param bookedBy    which side booked it
 * @param bookedAt    when it was booked or last rebooked (command time)
 * @param status      where it stands
 * @param cancellation who cancelled and why, once cancelled
 * @param reminders   when the reminders still to send fall due, earliest first
 * @param rebookings  how many times it moved to another slot
 */
public record Appointment(AppointmentId id, PatientId patient, SlotId slot, ServiceId service, OdsCode organisation,
        Instant startsAt, Instant endsAt, AppointmentType type, AppointmentMode mode, ProfessionalRole staffRole,
        Optional<ReferralId> referral, Party bookedBy, Instant bookedAt, AppointmentStatus status,
        Optional<Cancellation> cancellation, List<Instant> reminders, int rebookings) {
    /**
     * Checks every component is present.
     *
     * @param id           the appointment's id
     * @param patient      whose appointment
     * @param slot         the slot it holds
     * @param service      the slot's service
     * @param organisation the slot's organisation
     * @param startsAt     when it starts
     * @param endsAt       when it ends
     * @param type         the kind of appointment
     * @param mode         how it takes place
     * @param staffRole    the role of the professional who sees the patient
     * @param referral     the referral, if any
     * @param bookedBy     which side booked it
     * @param bookedAt     when it was booked
     * @param status       where it stands
     * @param cancellation who cancelled and why, if cancelled
     * @param reminders    reminders still to send
     * @param rebookings   how many times it moved, not negative
     * @throws io.github.personalcare.lang.InvalidInputException if a component is missing
     */
    public Appointment {
        Require.present("appointment.id", id);
        Require.present("patient", patient);
        Require.present("appointment.slot", slot);
        Require.present("appointment.service", service);
        Require.present("appointment.organisation", organisation);
        new NewSlot(startsAt, endsAt, type, mode, staffRole);
        referral = referral == null ? Optional.empty() : referral;
        Require.present("appointment.bookedBy", bookedBy);
        Require.present("appointment.bookedAt", bookedAt);
        Require.present("appointment.status", status);
        cancellation = cancellation == null ? Optional.empty() : cancellation;
        reminders = reminders == null ? List.of() : reminders.stream().sorted().toList();
        if (rebookings < 0) {
            throw new io.github.personalcare.lang.InvalidInputException("appointment.rebookings", "RANGE",
                    "must not be negative");
        }
    }

    /**
     * A new appointment in a free slot, with a reminder due at each offset before the start that is
     * still in the future.
     *
     * @param id       the appointment's id
     * @param patient  whose appointment
     * @param slot     the free slot, starting after {@code now}
     * @param referral the referral it is the booking of, if any
     * @param by       which side books it
     * @param now      command time
     * @param offsets  how long before the start each reminder falls due
     * @return the booked appointment
     * @throws RuleViolationException with rule {@code SLOT} if the slot is not free or has started
     */
    public static Appointment book(AppointmentId id, PatientId patient, Slot slot, Optional<ReferralId> referral,
            Party by, Instant now, List<Duration> offsets) {
        requireBookable(slot, now);
        return new Appointment(id, patient, slot.id(), slot.service(), slot.organisation(), slot.startsAt(),
                slot.endsAt(), slot.type(), slot.mode(), slot.staffRole(), referral, by, now,
                AppointmentStatus.BOOKED, Optional.empty(), reminders(slot.startsAt(), now, offsets), 0);
    }

    /**
     * The appointment moved to another free slot, its reminders recomputed.
     *
     * @param next    the new slot, free and starting after {@code now}
     * @param by      which side rebooks it
     * @param now     command time
     * @param offsets how long before the start each reminder falls due
     * @return the rebooked appointment
     * @throws IllegalTransitionException unless the appointment is booked
     * @throws RuleViolationException with rule {@code SLOT} if the new slot is this one, taken or has started
     */
    public Appointment rebook(Slot next, Party by, Instant now, List<Duration> offsets) {
        requireBooked("REBOOK");
        if (next.id().equals(slot)) {
            throw new RuleViolationException("SLOT", "the appointment already holds this slot");
        }
        requireBookable(next, now);
        return new Appointment(id, patient, next.id(), next.service(), next.organisation(), next.startsAt(),
                next.endsAt(), next.type(), next.mode(), next.staffRole(), referral, by, now, status, cancellation,
                reminders(next.startsAt(), now, offsets), rebookings + 1);
    }

    /**
     * The appointment cancelled; allowed until it starts.
     *
     * @param by     the patient's side or the service's
     * @param reason why
     * @param now    command time
     * @return the cancelled appointment, without reminders
     * @throws IllegalTransitionException unless the appointment is booked
     * @throws RuleViolationException with rule {@code CANCEL} once the appointment has started
     */
    public Appointment cancel(Party by, ReasonCode reason, Instant now) {
        requireBooked("CANCEL");
        if (!now.isBefore(startsAt)) {
            throw new RuleViolationException("CANCEL", "an appointment that has started is recorded as attended or "
                    + "missed, not cancelled");
        }
        return ended(AppointmentStatus.CANCELLED, Optional.of(new Cancellation(by, reason, now)));
    }

    /**
     * The patient did not attend; recorded once the appointment has started.
     *
     * @param now command time
     * @return the appointment, {@link AppointmentStatus#DID_NOT_ATTEND}
     * @throws IllegalTransitionException unless the appointment is booked
     * @throws RuleViolationException with rule {@code DNA} before the appointment starts
     */
    public Appointment didNotAttend(Instant now) {
        requireStarted("RECORD_DID_NOT_ATTEND", now);
        return ended(AppointmentStatus.DID_NOT_ATTEND, Optional.empty());
    }

    /**
     * The patient attended; recorded once the appointment has started.
     *
     * @param now command time
     * @return the appointment, {@link AppointmentStatus#ATTENDED}
     * @throws IllegalTransitionException unless the appointment is booked
     * @throws RuleViolationException with rule {@code DNA} before the appointment starts
     */
    public Appointment attended(Instant now) {
        requireStarted("RECORD_ATTENDED", now);
        return ended(AppointmentStatus.ATTENDED, Optional.empty());
    }

    /**
     * The reminders due at {@code now} marked sent: every reminder due at or before it is dropped.
     *
     * @param now the sweep time
     * @return the appointment without the reminders due
     */
    public Appointment remindersSentUpTo(Instant now) {
        return new Appointment(id, patient, slot, service, organisation, startsAt, endsAt, type, mode, staffRole,
                referral, bookedBy, bookedAt, status, cancellation,
                reminders.stream().filter(r -> r.isAfter(now)).toList(), rebookings);
    }

    /** {@return when the next reminder falls due, while booked} */
    public Optional<Instant> nextReminder() {
        return status == AppointmentStatus.BOOKED && !reminders.isEmpty() ? Optional.of(reminders.get(0))
                : Optional.empty();
    }

    /** {@return the UK local date the appointment starts on (Europe/London)} */
    public LocalDate ukDate() {
        return LocalDate.ofInstant(startsAt, Slot.UK);
    }

    private Appointment ended(AppointmentStatus next, Optional<Cancellation> why) {
        return new Appointment(id, patient, slot, service, organisation, startsAt, endsAt, type, mode, staffRole,
                referral, bookedBy, bookedAt, next, why, List.of(), rebookings);
    }

    private void requireBooked(String command) {
        if (status != AppointmentStatus.BOOKED) {
            throw new IllegalTransitionException("APPOINTMENT", status.name(), command);
        }
    }

    private void requireStarted(String command, Instant now) {
        requireBooked(command);
        if (now.isBefore(startsAt)) {
            throw new RuleViolationException("DNA", "attendance is recorded once the appointment has started");
        }
    }

    private static void requireBookable(Slot slot, Instant now) {
        if (slot.isWithdrawn()) {
            throw new RuleViolationException("SLOT_WITHDRAWN", "the slot was withdrawn by its organisation");
        }
        if (!slot.isFree()) {
            throw new RuleViolationException("SLOT", "the slot is already booked");
        }
        if (!slot.startsAt().isAfter(now)) {
            throw new RuleViolationException("SLOT", "the slot has started");
        }
    }

    private static List<Instant> reminders(Instant start, Instant now, List<Duration> offsets) {
        return offsets.stream().map(start::minus).filter(now::isBefore).distinct().sorted().toList();
    }
}
