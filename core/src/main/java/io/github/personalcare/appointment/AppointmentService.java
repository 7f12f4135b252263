package io.github.personalcare.appointment;

import io.github.personalcare.access.AccessAction;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.AccessDeniedException;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.DataClass;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.internal.AccessGuard;
import io.github.personalcare.internal.GuardedAggregates;
import io.github.personalcare.internal.GuardedCall;
import io.github.personalcare.internal.Permitted;
import io.github.personalcare.internal.ServiceWiring;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.lang.NotFoundException;
import io.github.personalcare.lang.RuleViolationException;
import io.github.personalcare.lang.VersionConflictException;
import io.github.personalcare.lang.Versioned;
import io.github.personalcare.referral.ReasonCode;
import io.github.personalcare.referral.Referral;
import io.github.personalcare.referral.ReferralCommand;
import io.github.personalcare.referral.ReferralId;
import io.github.personalcare.referral.ReferralStores;
import io.github.personalcare.referral.ServiceId;
import io.github.personalcare.spi.AggregateStore;
import io.github.personalcare.spi.Query;
import io.github.personalcare.spi.Storage;
import io.github.personalcare.spi.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Appointments in published slots: a service or practice publishes schedules and slots; the
 * patient, a proxy within the scope of a consent ({@link DataClass#APPOINTMENT}) or staff book a
 * free slot, rebook, cancel (either side, with a reason); staff record attendance or a
 * did-not-attend; a reminder sweep publishes reminders as outbox events.
 *
 * <p><b>No double booking.</b> Each slot is an aggregate with its own version; booking updates it
 * at the version read in the same transaction as the appointment is stored, so of two bookings of
 * one slot, even at the same instant and on different JVMs, exactly one commits and the other gets
 * {@link VersionConflictException} (or {@link RuleViolationException} with rule {@code SLOT} if it
 * read the slot already taken). No Java lock is involved: the store's optimistic version decides.
 *
 * <p><b>Times.</b> Slot and appointment times are {@link Instant}s (stored as UTC); UK local dates
 * and times are derived with {@link Slot#UK} (Europe/London). {@link #freeSlots} searches by UK
 * local date, so a day is 23 or 25 hours long across the clock changes.
 *
 * <p><b>Referrals.</b> {@link #bookForReferral} books a slot as the referral's appointment and
 * books the referral in the same transaction, so its RTT clock starts as for any booking (R35);
 * cancelling, rebooking or a did-not-attend of that appointment updates the referral too, and a
 * did-not-attend of the first appointment lets the deciding professional nullify the clock
 * ({@code care.referrals().apply(..., new ReferralCommand.NullifyClock(user), ...)}, R36).
 *
 * <p><b>Reminders.</b> Booking computes when reminders fall due from the configured
 * {@link AppointmentReminders} (default 7 days and 1 day before); {@link #sendDueReminders}, run by
 * a scheduler as a system actor, publishes a {@link AppointmentEvent.ReminderDue} for each booked
 * appointment whose next reminder is due and marks it sent, in one transaction.
 *
 * <pre>{@code
 * Versioned<Schedule> clinic = care.appointments().publishSchedule(admin, service, practice, "GP clinic");
 * care.appointments().publishSlots(admin, clinic.value().id(), List.of(new NewSlot(start, end,
 *         AppointmentType.ROUTINE, AppointmentMode.inPerson("Room 3"), ProfessionalRole.GENERAL_PRACTITIONER)));
 * Versioned<Slot> slot = care.appointments().freeSlots(service, today, today.plusWeeks(4)).get(0);
 * Versioned<Appointment> booked = care.appointments().book(AccessContext.patientSelf(patient), patient,
 *         slot.value().id(), slot.version());
 * }</pre>
 *
 * <p>Thread-safe. Logs internal ids and states only.
 */
public final class AppointmentService {
    private static final Logger log = LoggerFactory.getLogger(AppointmentService.class);
    /** The widest free-slot search: 92 UK days. */
    public static final int MAX_SEARCH_DAYS = 92;
    /** The most slots one call publishes. */
    public static final int MAX_SLOTS_PER_CALL = 1_000;
    private static final ReasonCode REBOOKED = ReasonCode.of("REBOOKED");

    private final AccessGuard guard;
    private final Storage storage;
    private final GuardedAggregates<AppointmentId, Appointment> appointments;
    private final GuardedAggregates<ReferralId, Referral> referrals;
    private final AppointmentReminders reminders;

    static {
        ServiceWiring.register(AppointmentService.class, w -> new AppointmentService(w.guard(), w.storage(),
                w.option(AppointmentReminders.class).orElse(AppointmentReminders.DEFAULT)));
    }

    /** Created by the entry point through {@link ServiceWiring}; suppliers use {@code PersonalCare}. */
    AppointmentService(AccessGuard guard, Storage storage, AppointmentReminders reminders) {
        this.guard = Require.present("guard", guard);
        this.storage = Require.present("storage", storage);
        this.appointments = new GuardedAggregates<>(guard, AppointmentStores.APPOINTMENTS, DataClass.APPOINTMENT,
                "Appointment");
        this.referrals = new GuardedAggregates<>(guard, ReferralStores.REFERRALS, DataClass.REFERRAL, "Referral");
        this.reminders = Require.present("reminders", reminders);
    }

    // --- schedules and slots (directory data) -------------------------------------------------

    /**
     * Publishes a schedule of a service or practice, by its staff.
     *
     * @param ctx          who asks: a professional of {@code organisation} (administration or clinical), or a
     *                     system acting for administration
     * @param service      the directory service (or practice) the slots are for
     * @param organisation the organisation that runs it
     * @param name         for display, such as {@code "Cardiology outpatients"}
     * @return the schedule at version 1
     * @throws InvalidInputException if a field is missing, or the name is blank or too long (nothing stored)
     * @throws RuleViolationException with rule {@code PROVIDER} if a professional of another organisation asks
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not publish (audited)
     */
    public Versioned<Schedule> publishSchedule(AccessContext ctx, ServiceId service, OdsCode organisation,
            String name) {
        Require.present("ctx", ctx);
        Schedule draft = new Schedule(ScheduleId.random(), service, organisation, name, Instant.EPOCH);
        Versioned<Schedule> saved = guard.run(GuardedCall.population(ctx, AccessAction.COLLECT, DataClass.APPOINTMENT,
                "schedule.publish"), p -> {
                    requireStaffOf(ctx.actor(), organisation);
                    Schedule schedule = new Schedule(draft.id(), service, organisation, draft.name(), p.now());
                    long version = p.tx().aggregates(AppointmentStores.SCHEDULES).insert(schedule);
                    return new Versioned<>(schedule, version);
                });
        log.info("schedule {} published", saved.value().id());
        return saved;
    }

    /**
     * Publishes free slots on a schedule, all or none.
     *
     * @param ctx      who asks: a professional of the schedule's organisation, or a system
     * @param schedule the schedule
     * @param slots    1 to {@link #MAX_SLOTS_PER_CALL} slots, each starting after now
     * @return the slots at version 1, in the order given
     * @throws InvalidInputException if the list is empty, too long or holds an empty item, or a slot starts before
     *                               now (field {@code slot.startsAt}, rule {@code FUTURE}); nothing is stored
     * @throws NotFoundException if there is no such schedule
     * @throws RuleViolationException with rule {@code PROVIDER} if a professional of another organisation asks
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not publish (audited)
     */
    public List<Versioned<Slot>> publishSlots(AccessContext ctx, ScheduleId schedule, List<NewSlot> slots) {
        Require.present("ctx", ctx);
        Require.present("schedule", schedule);
        List<NewSlot> wanted = Require.list("slots", slots, MAX_SLOTS_PER_CALL);
        if (wanted.isEmpty()) {
            throw new InvalidInputException("slots", "REQUIRED", "must have at least one slot");
        }
        Schedule on = storage.inTransaction(tx -> tx.aggregates(AppointmentStores.SCHEDULES).get(schedule)).value();
        List<Versioned<Slot>> saved = guard.run(GuardedCall.population(ctx, AccessAction.COLLECT,
                DataClass.APPOINTMENT, "slot.publish"), p -> {
                    requireStaffOf(ctx.actor(), on.organisation());
                    List<Slot> published = new ArrayList<>(wanted.size());
                    for (NewSlot s : wanted) {
                        if (!s.startsAt().isAfter(p.now())) {
                            throw new InvalidInputException("slot.startsAt", "FUTURE", "must be after now");
                        }
                        published.add(Slot.publish(SlotId.random(), on, s));
                    }
                    p.tx().aggregates(AppointmentStores.SLOTS).insertAll(published);
                    return published.stream().map(s -> new Versioned<>(s, 1L)).toList();
                });
        log.info("{} slots published on schedule {}", saved.size(), schedule);
        return saved;
    }

    /**
     * Withdraws free slots of one organisation (a clinic cancelled, a professional away), all or
     * none: a withdrawn slot is no longer offered by {@link #freeSlots} and is never booked. A
     * booked slot is refused: cancel its appointment first ({@link #cancel}), so the patient is
     * told through the appointment's own events.
     *
     * @param ctx   who asks: a professional of the slots' organisation, or a system
     * @param slots 1 to {@link #MAX_SLOTS_PER_CALL} slots with the versions read, by id
     * @return the withdrawn slots at their new versions, in the order given
     * @throws InvalidInputException if the map is empty, too long or holds an empty key or value (nothing stored)
     * @throws NotFoundException if one of the slots does not exist (nothing stored)
     * @throws VersionConflictException if a slot changed since it was read (nothing stored)
     * @throws RuleViolationException with rule {@code PROVIDER} if a slot belongs to another organisation than the
     *                                caller's, {@code SLOT} if one is booked, {@code SLOT_WITHDRAWN} if one was
     *                                already withdrawn (audited; nothing stored)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change slots (audited)
     */
    public List<Versioned<Slot>> withdrawSlots(AccessContext ctx, Map<SlotId, Long> slots) {
        Require.present("ctx", ctx);
        Require.present("slots", slots);
        if (slots.isEmpty()) {
            throw new InvalidInputException("slots", "REQUIRED", "must have at least one slot");
        }
        if (slots.size() > MAX_SLOTS_PER_CALL) {
            throw new InvalidInputException("slots", "SIZE", "must have at most " + MAX_SLOTS_PER_CALL + " slots");
        }
        for (var e : slots.entrySet()) {
            Require.present("slots.key", e.getKey());
            Require.present("slots.value", e.getValue());
        }
        List<Map.Entry<SlotId, Long>> wanted = List.copyOf(slots.entrySet());
        List<Versioned<Slot>> saved = guard.run(GuardedCall.population(ctx, AccessAction.CORRECT,
                DataClass.APPOINTMENT, "slot.withdraw"), p -> {
                    AggregateStore<SlotId, Slot> stored = p.tx().aggregates(AppointmentStores.SLOTS);
                    List<Versioned<Slot>> out = new ArrayList<>(wanted.size());
                    for (Map.Entry<SlotId, Long> e : wanted) {
                        Versioned<Slot> current = stored.get(e.getKey());
                        requireStaffOf(ctx.actor(), current.value().organisation());
                        if (current.version() != e.getValue()) {
                            throw new VersionConflictException(AppointmentStores.SLOTS.name(), e.getKey().toString(),
                                    e.getValue(), current.version());
                        }
                        Slot withdrawn = current.value().withdrawn(p.now());
                        out.add(new Versioned<>(withdrawn, stored.update(withdrawn, current.version())));
                    }
                    return out;
                });
        log.info("{} slots withdrawn", saved.size());
        return saved;
    }

    /**
     * The free slots of a service starting on the UK local dates {@code from} to {@code to}
     * inclusive (Europe/London), earliest first. Slots are directory data, so no access decision is
     * made; the storage answers from the {@code (service, bookable, starts_at)} index.
     *
     * @param service the directory service
     * @param from    the first UK local date
     * @param to      the last UK local date, at most {@link #MAX_SEARCH_DAYS} days after {@code from}
     * @return the free slots with their versions (book with that version)
     * @throws InvalidInputException if an argument is missing or the range is reversed or too wide
     *                               (field {@code to}, rule {@code RANGE})
     */
    public List<Versioned<Slot>> freeSlots(ServiceId service, LocalDate from, LocalDate to) {
        Require.present("service", service);
        Require.date("from", from);
        Require.date("to", to);
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_SEARCH_DAYS) {
            throw new InvalidInputException("to", "RANGE", "must be on or after from and within "
                    + MAX_SEARCH_DAYS + " days of it");
        }
        Query query = freeSlotQuery(service, from.atStartOfDay(Slot.UK).toInstant(),
                to.plusDays(1).atStartOfDay(Slot.UK).toInstant());
        return storage.inTransaction(tx -> tx.aggregates(AppointmentStores.SLOTS).query(query)).stream()
                .sorted(Comparator.comparing((Versioned<Slot> v) -> v.value().startsAt())
                        .thenComparing(v -> v.value().id().value()))
                .toList();
    }

    /**
     * The query {@link #freeSlots} gives the storage: the service's free slots starting at or after
     * {@code from} and before {@code to}; its criteria follow {@link AppointmentStores#SLOT_SEARCH_INDEX}.
     *
     * @param service the directory service
     * @param from    the first instant, inclusive
     * @param to      the end instant, exclusive
     * @return the query on {@link AppointmentStores#SLOTS}
     */
    public static Query freeSlotQuery(ServiceId service, Instant from, Instant to) {
        return Query.where("service").is(service.value()).and("bookable").is(true)
                .and("starts_at").onOrAfter(from.getEpochSecond()).and("starts_at").before(to.getEpochSecond());
    }

    /**
     * One slot with its version (directory data: no access decision).
     *
     * @param slot the slot's id
     * @return the slot with its version
     * @throws InvalidInputException if {@code slot} is missing
     * @throws NotFoundException if there is no such slot
     */
    public Versioned<Slot> slot(SlotId slot) {
        Require.present("slot", slot);
        return storage.inTransaction(tx -> tx.aggregates(AppointmentStores.SLOTS).get(slot));
    }

    // --- booking ----------------------------------------------------------------------------------

    /**
     * Books a free slot for the patient: by the patient, a proxy whose consent covers appointments,
     * or staff.
     *
     * @param ctx         who asks, for what purpose
     * @param patient     whose appointment
     * @param slot        the free slot
     * @param slotVersion the slot's version as read from {@link #freeSlots}
     * @return the appointment, {@link AppointmentStatus#BOOKED}, at version 1
     * @throws InvalidInputException if an argument is missing (nothing stored)
     * @throws NotFoundException if there is no such slot
     * @throws VersionConflictException if the slot changed since it was read: another booking took it
     * @throws RuleViolationException with rule {@code SLOT} if the slot is taken or has started
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not book for the patient (audited)
     */
    public Versioned<Appointment> book(AccessContext ctx, PatientId patient, SlotId slot, long slotVersion) {
        Require.present("ctx", ctx);
        Require.present("patient", patient);
        Require.present("slot", slot);
        AppointmentId id = AppointmentId.random();
        Versioned<Appointment> saved = guard.run(GuardedCall.on(ctx, patient, AccessAction.COLLECT,
                DataClass.APPOINTMENT, "appointment.book", "Appointment/" + id),
                p -> take(p, id, patient, slot, slotVersion, Optional.empty(), Party.of(ctx.actor())));
        log.info("appointment {} booked in slot {}", id, slot);
        return saved;
    }

    /**
     * Books a free slot as the appointment of a referral, booking the referral in the same
     * transaction (its RTT clock starts as for any booking, R35). The slot's service must be on the
     * referral's shortlist (R29).
     *
     * @param ctx             who asks, for what purpose
     * @param referral        the referral
     * @param referralVersion the referral's version as read
     * @param slot            the free slot
     * @param slotVersion     the slot's version as read
     * @return the appointment, {@link AppointmentStatus#BOOKED}, at version 1
     * @throws InvalidInputException if an argument is missing (nothing stored)
     * @throws NotFoundException if there is no such referral or slot (audited for the referral)
     * @throws VersionConflictException if the referral or the slot changed since it was read
     * @throws RuleViolationException with rule {@code SLOT} if the slot is taken or has started, or a referral rule
     *                                (R29, R32) refuses the booking
     * @throws io.github.personalcare.lang.IllegalTransitionException if the referral's state does not accept a
     *                                                                  booking (R30)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the referral (audited)
     */
    public Versioned<Appointment> bookForReferral(AccessContext ctx, ReferralId referral, long referralVersion,
            SlotId slot, long slotVersion) {
        Require.present("ctx", ctx);
        Require.present("referral", referral);
        Require.present("slot", slot);
        AppointmentId id = AppointmentId.random();
        Versioned<Appointment> saved = referrals.run(ctx, referral, AccessAction.CORRECT, "appointment.book_referral",
                (p, current) -> {
                    if (current.version() != referralVersion) {
                        throw new VersionConflictException(ReferralStores.REFERRALS.name(), referral.toString(),
                                referralVersion, current.version());
                    }
                    Versioned<Appointment> booked = take(p, id, current.value().patient(), slot, slotVersion,
                            Optional.of(referral), Party.of(ctx.actor()));
                    applyToReferral(p, referral, new ReferralCommand.Book(booked.value().service(),
                            booked.value().startsAt()));
                    return booked;
                });
        log.info("appointment {} booked in slot {} for referral {}", id, slot, referral);
        return saved;
    }

    private Versioned<Appointment> take(Permitted p, AppointmentId id, PatientId patient, SlotId slot,
            long slotVersion, Optional<ReferralId> referral, Party by) {
        AggregateStore<SlotId, Slot> slots = p.tx().aggregates(AppointmentStores.SLOTS);
        Versioned<Slot> stored = slots.get(slot);
        Appointment appointment = Appointment.book(id, patient, stored.value(), referral, by, p.now(),
                reminders.offsets());
        if (stored.version() != slotVersion) {
            throw new VersionConflictException(AppointmentStores.SLOTS.name(), slot.toString(), slotVersion,
                    stored.version());
        }
        slots.update(stored.value().takenBy(id), slotVersion);
        long version = p.tx().aggregates(AppointmentStores.APPOINTMENTS).insert(appointment);
        p.tx().outbox().publish(new AppointmentEvent.Booked(UUID.randomUUID(), p.now(), patient, id, slot,
                appointment.startsAt(), by));
        return new Versioned<>(appointment, version);
    }

    private static void applyToReferral(Permitted p, ReferralId id, ReferralCommand command) {
        AggregateStore<ReferralId, Referral> stored = p.tx().aggregates(ReferralStores.REFERRALS);
        Versioned<Referral> current = stored.get(id);
        Referral.Transition t = current.value().apply(command, p.now(), UUID::randomUUID);
        stored.update(t.referral(), current.version());
        t.events().forEach(p.tx().outbox()::publish);
    }

    /**
     * Moves a booked appointment to another free slot, releasing the old one; for a referral's
     * appointment the referral's appointment is cancelled and rebooked with it.
     *
     * @param ctx             who asks: the patient, a proxy within scope, or staff
     * @param appointment     the appointment
     * @param slot            the new free slot
     * @param slotVersion     the new slot's version as read
     * @param expectedVersion the appointment's version as read
     * @return the appointment at its new version
     * @throws InvalidInputException if an argument is missing (nothing stored)
     * @throws NotFoundException if there is no such appointment (audited) or slot
     * @throws VersionConflictException if the appointment or the new slot changed since read
     * @throws RuleViolationException with rule {@code SLOT} if the new slot is the same, taken or has started
     * @throws io.github.personalcare.lang.IllegalTransitionException unless the appointment is booked
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change it (audited)
     */
    public Versioned<Appointment> rebook(AccessContext ctx, AppointmentId appointment, SlotId slot, long slotVersion,
            long expectedVersion) {
        Require.present("ctx", ctx);
        Require.present("slot", slot);
        Party by = Party.of(ctx.actor());
        return change(ctx, appointment, expectedVersion, "appointment.rebook", (p, current) -> {
            AggregateStore<SlotId, Slot> slots = p.tx().aggregates(AppointmentStores.SLOTS);
            Versioned<Slot> next = slots.get(slot);
            Appointment moved = current.rebook(next.value(), by, p.now(), reminders.offsets());
            if (next.version() != slotVersion) {
                throw new VersionConflictException(AppointmentStores.SLOTS.name(), slot.toString(), slotVersion,
                        next.version());
            }
            release(p.tx(), current.slot());
            slots.update(next.value().takenBy(current.id()), slotVersion);
            if (current.referral().isPresent()) {
                applyToReferral(p, current.referral().get(), new ReferralCommand.CancelAppointment(
                        by.isPatientSide() ? ReferralCommand.CancelledBy.PATIENT : ReferralCommand.CancelledBy.PROVIDER,
                        REBOOKED));
                applyToReferral(p, current.referral().get(), new ReferralCommand.Book(moved.service(),
                        moved.startsAt()));
            }
            p.tx().outbox().publish(new AppointmentEvent.Rebooked(UUID.randomUUID(), p.now(), current.patient(),
                    current.id(), current.slot(), slot, moved.startsAt()));
            return moved;
        });
    }

    /**
     * Cancels a booked appointment before it starts, by either side with a reason; the slot is free
     * again. Which side cancelled follows from the actor: the patient or a proxy, or staff.
     *
     * @param ctx             who asks
     * @param appointment     the appointment
     * @param reason          why (a cancellation reason code)
     * @param expectedVersion the version read
     * @return the appointment, {@link AppointmentStatus#CANCELLED}, at its new version
     * @throws InvalidInputException if an argument is missing (nothing stored)
     * @throws NotFoundException if there is no such appointment (audited)
     * @throws VersionConflictException if the appointment changed since read
     * @throws RuleViolationException with rule {@code CANCEL} once the appointment has started
     * @throws io.github.personalcare.lang.IllegalTransitionException unless the appointment is booked
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change it (audited)
     */
    public Versioned<Appointment> cancel(AccessContext ctx, AppointmentId appointment, ReasonCode reason,
            long expectedVersion) {
        Require.present("ctx", ctx);
        Require.present("reason", reason);
        Party by = Party.of(ctx.actor());
        return change(ctx, appointment, expectedVersion, "appointment.cancel", (p, current) -> {
            Appointment cancelled = current.cancel(by, reason, p.now());
            release(p.tx(), current.slot());
            if (current.referral().isPresent()) {
                applyToReferral(p, current.referral().get(), new ReferralCommand.CancelAppointment(
                        by.isPatientSide() ? ReferralCommand.CancelledBy.PATIENT : ReferralCommand.CancelledBy.PROVIDER,
                        reason));
            }
            p.tx().outbox().publish(new AppointmentEvent.Cancelled(UUID.randomUUID(), p.now(), current.patient(),
                    current.id(), by, reason.code()));
            return cancelled;
        });
    }

    /**
     * Records that the patient did not attend, by staff of the appointment's organisation once it has
     * started; for a referral's appointment the referral records it too, so the deciding professional
     * may then nullify the clock if this was the first appointment (R36).
     *
     * @param ctx             who asks: a professional of the appointment's organisation, or a system
     * @param appointment     the appointment
     * @param expectedVersion the version read
     * @return the appointment, {@link AppointmentStatus#DID_NOT_ATTEND}, at its new version
     * @throws InvalidInputException if an argument is missing (nothing stored)
     * @throws NotFoundException if there is no such appointment (audited)
     * @throws VersionConflictException if the appointment changed since read
     * @throws RuleViolationException with rule {@code PROVIDER} for anyone else, or {@code DNA} before it starts
     * @throws io.github.personalcare.lang.IllegalTransitionException unless the appointment is booked
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change it (audited)
     */
    public Versioned<Appointment> recordDidNotAttend(AccessContext ctx, AppointmentId appointment,
            long expectedVersion) {
        Require.present("ctx", ctx);
        return change(ctx, appointment, expectedVersion, "appointment.did_not_attend", (p, current) -> {
            requireStaffOf(ctx.actor(), current.organisation());
            Appointment missed = current.didNotAttend(p.now());
            if (current.referral().isPresent()) {
                applyToReferral(p, current.referral().get(), new ReferralCommand.RecordDidNotAttend());
            }
            p.tx().outbox().publish(new AppointmentEvent.DidNotAttend(UUID.randomUUID(), p.now(), current.patient(),
                    current.id()));
            return missed;
        });
    }

    /**
     * Records that the patient attended, by staff of the appointment's organisation once it has started.
     *
     * @param ctx             who asks: a professional of the appointment's organisation, or a system
     * @param appointment     the appointment
     * @param expectedVersion the version read
     * @return the appointment, {@link AppointmentStatus#ATTENDED}, at its new version
     * @throws InvalidInputException if an argument is missing (nothing stored)
     * @throws NotFoundException if there is no such appointment (audited)
     * @throws VersionConflictException if the appointment changed since read
     * @throws RuleViolationException with rule {@code PROVIDER} for anyone else, or {@code DNA} before it starts
     * @throws io.github.personalcare.lang.IllegalTransitionException unless the appointment is booked
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change it (audited)
     */
    public Versioned<Appointment> recordAttended(AccessContext ctx, AppointmentId appointment, long expectedVersion) {
        Require.present("ctx", ctx);
        return change(ctx, appointment, expectedVersion, "appointment.attended", (p, current) -> {
            requireStaffOf(ctx.actor(), current.organisation());
            Appointment attended = current.attended(p.now());
            p.tx().outbox().publish(new AppointmentEvent.Attended(UUID.randomUUID(), p.now(), current.patient(),
                    current.id()));
            return attended;
        });
    }

    private interface Command {
        Appointment apply(Permitted p, Appointment current);
    }

    private Versioned<Appointment> change(AccessContext ctx, AppointmentId appointment, long expectedVersion,
            String action, Command command) {
        Require.present("appointment", appointment);
        Versioned<Appointment> saved = appointments.change(ctx, appointment, expectedVersion, AccessAction.CORRECT,
                action, command::apply);
        log.info("appointment {} {} -> {} at version {}", appointment, action, saved.value().status(),
                saved.version());
        return saved;
    }

    private static void release(Transaction tx, SlotId slot) {
        AggregateStore<SlotId, Slot> slots = tx.aggregates(AppointmentStores.SLOTS);
        Versioned<Slot> held = slots.get(slot);
        slots.update(held.value().released(), held.version());
    }

    // --- reading ----------------------------------------------------------------------------------

    /**
     * One appointment with its version.
     *
     * @param ctx         who asks, for what purpose
     * @param appointment the appointment's id
     * @return the appointment with its version
     * @throws InvalidInputException if {@code appointment} is missing
     * @throws NotFoundException if the caller may ask and there is no such appointment (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not read it (audited)
     */
    public Versioned<Appointment> get(AccessContext ctx, AppointmentId appointment) {
        Require.present("appointment", appointment);
        return appointments.read(ctx, appointment, "appointment.read", (p, v) -> v);
    }

    /**
     * Every appointment of the patient, earliest start first.
     *
     * @param ctx     who asks, for what purpose
     * @param patient the patient
     * @return the appointments with their versions
     * @throws InvalidInputException if {@code patient} is missing
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not read them (audited)
     */
    public List<Versioned<Appointment>> forPatient(AccessContext ctx, PatientId patient) {
        Require.present("patient", patient);
        return guard.run(GuardedCall.on(ctx, patient, AccessAction.ACCESS, DataClass.APPOINTMENT, "appointment.list",
                "Patient/" + patient), p -> p.tx().aggregates(AppointmentStores.APPOINTMENTS).findByPatient(patient)
                .stream().sorted(Comparator.comparing((Versioned<Appointment> v) -> v.value().startsAt())
                        .thenComparing(v -> v.value().id().value()))
                .toList());
    }

    // --- reminders --------------------------------------------------------------------------------

    /**
     * The reminder sweep: finds every booked appointment whose next reminder is due at the clock's
     * now (from the {@code next_reminder} index, one audited population call), then, one guarded
     * and audited call per appointment (a transaction writes one patient's data), publishes one
     * {@link AppointmentEvent.ReminderDue} (the latest reminder due, if several are) and marks every
     * reminder due up to now sent. An appointment whose patient the caller may not act for is
     * skipped (the refusal is audited as for any access) and the sweep goes on. Run it from a scheduler every few minutes; running it again
     * publishes nothing new, and an appointment changed meanwhile is simply checked again.
     *
     * @param ctx who asks: a system acting for administration (or an administrator)
     * @return how many reminders were published
     * @throws InvalidInputException if {@code ctx} is missing
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not run it (audited)
     */
    public int sendDueReminders(AccessContext ctx) {
        Require.present("ctx", ctx);
        List<Appointment> due = guard.run(GuardedCall.population(ctx, AccessAction.USE, DataClass.APPOINTMENT,
                "appointment.reminders"), p -> p.tx().aggregates(AppointmentStores.APPOINTMENTS)
                .query(Query.where("next_reminder").onOrBefore(p.now().getEpochSecond())).stream()
                .map(Versioned::value).toList());
        int sent = 0;
        int refused = 0;
        for (Appointment a : due) {
            // Each reminder writes one patient's appointment, so it goes through the guard for that
            // patient (decided and audited per patient); a patient the caller may not act for is
            // skipped (the refusal is audited) and the sweep goes on.
            try {
                sent += guard.run(GuardedCall.on(ctx, a.patient(), AccessAction.CORRECT, DataClass.APPOINTMENT,
                        "appointment.remind", "Appointment/" + a.id()), p -> remind(p.tx(), p.now(), a.id()));
            } catch (AccessDeniedException e) {
                refused++;
            }
        }
        log.info("{} appointment reminders due, {} refused", sent, refused);
        return sent;
    }

    private static int remind(Transaction tx, Instant now, AppointmentId id) {
        tx.lockOwnerOf(AppointmentStores.APPOINTMENTS, id);
        AggregateStore<AppointmentId, Appointment> stored = tx.aggregates(AppointmentStores.APPOINTMENTS);
        Optional<Versioned<Appointment>> found = stored.find(id);
        if (found.isEmpty() || found.get().value().nextReminder().filter(r -> !r.isAfter(now)).isEmpty()) {
            return 0;
        }
        Appointment a = found.get().value();
        Instant latest = a.reminders().stream().filter(r -> !r.isAfter(now)).max(Comparator.naturalOrder())
                .orElseThrow();
        stored.update(a.remindersSentUpTo(now), found.get().version());
        tx.outbox().publish(new AppointmentEvent.ReminderDue(UUID.randomUUID(), now, a.patient(), a.id(),
                a.startsAt(), latest));
        return 1;
    }

    private static void requireStaffOf(Actor actor, OdsCode organisation) {
        if (actor instanceof Actor.SystemActor) {
            return;
        }
        if (!(actor instanceof Actor.Professional p && p.organisation().equals(organisation))) {
            throw new RuleViolationException("PROVIDER", "only staff of the service's organisation may do this");
        }
    }
}
