package io.github.personalcare.appointment;

import io.github.personalcare.access.AccessDeniedException;
import io.github.personalcare.access.DataClass;
import io.github.personalcare.audit.AuditOutcome;
import io.github.personalcare.audit.AuditRecord;
import io.github.personalcare.lang.IllegalTransitionException;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.lang.NotFoundException;
import io.github.personalcare.lang.PersonalCareException;
import io.github.personalcare.lang.RuleViolationException;
import io.github.personalcare.lang.VersionConflictException;
import io.github.personalcare.lang.Versioned;
import io.github.personalcare.referral.ReasonCode;
import io.github.personalcare.spi.OutboxEntry;
import io.github.personalcare.support.CapturedLogs;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AppointmentServiceTest {
    private static final ReasonCode UNWELL = ReasonCode.of("PATIENT_UNWELL");

    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();

    private final AppointmentWorld world = new AppointmentWorld();
    private final AppointmentService appointments = world.appointments();

    @Test
    void thePatientBooksOneOfTheFreeSlotsAndItIsNoLongerFree() {
        Versioned<Slot> first = world.slotIn(Duration.ofDays(2));
        Versioned<Slot> second = world.slotIn(Duration.ofDays(3));
        LocalDate today = LocalDate.of(2026, 3, 2);
        assertThat(appointments.freeSlots(AppointmentWorld.GP_CLINIC, today, today.plusWeeks(4)))
                .containsExactly(first, second);

        Versioned<Appointment> booked = appointments.book(world.self, world.patient, first.value().id(),
                first.version());

        assertThat(booked.version()).isEqualTo(1);
        assertThat(booked.value().status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(booked.value().bookedBy()).isEqualTo(Party.PATIENT);
        assertThat(appointments.freeSlots(AppointmentWorld.GP_CLINIC, today, today.plusWeeks(4)))
                .containsExactly(second);
        assertThat(appointments.forPatient(world.gp, world.patient)).containsExactly(booked);
        assertThat(world.outbox()).extracting(OutboxEntry::event).last().isInstanceOf(AppointmentEvent.Booked.class);
    }

    @Test
    void aSecondBookingOfATakenSlotIsRefusedAndStoresNothing() {
        Versioned<Slot> slot = world.slotIn(Duration.ofDays(2));
        appointments.book(world.self, world.patient, slot.value().id(), slot.version());
        Map<String, Object> before = world.stored();

        // read before the first booking: the stale version is a conflict; read after: the slot is taken
        assertThatExceptionOfType(RuleViolationException.class).isThrownBy(() -> appointments.book(world.gp,
                world.patient, slot.value().id(), slot.version())).satisfies(e -> assertThat(e.rule()).isEqualTo("SLOT"));
        Versioned<Slot> now = appointments.slot(slot.value().id());
        assertThatExceptionOfType(RuleViolationException.class).isThrownBy(() -> appointments.book(world.gp,
                world.patient, slot.value().id(), now.version()));
        assertThat(world.stored()).isEqualTo(before);
    }

    @Test
    @DisplayName("Staff withdraw free slots all or none: a withdrawn slot leaves the search and is never booked")
    void staffWithdrawFreeSlotsAllOrNone() {
        Versioned<Slot> free = world.slotIn(Duration.ofDays(2));
        Versioned<Slot> other = world.slotIn(Duration.ofDays(3));
        Versioned<Slot> taken = world.slotIn(Duration.ofDays(4));
        appointments.book(world.self, world.patient, taken.value().id(), taken.version());
        Map<String, Object> before = world.stored();

        // one booked slot in the batch: nothing is withdrawn
        Map<SlotId, Long> withBooked = new LinkedHashMap<>();
        withBooked.put(free.value().id(), free.version());
        withBooked.put(taken.value().id(), appointments.slot(taken.value().id()).version());
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> appointments.withdrawSlots(world.receptionist, withBooked))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("SLOT"));
        // another organisation's staff, a patient, a stale version: refused, nothing stored
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> appointments.withdrawSlots(world.otherAdmin, Map.of(free.value().id(), free.version())))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("PROVIDER"));
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> appointments.withdrawSlots(world.self, Map.of(free.value().id(), free.version())));
        assertThatExceptionOfType(VersionConflictException.class)
                .isThrownBy(() -> appointments.withdrawSlots(world.receptionist, Map.of(free.value().id(), 7L)));
        assertThat(world.stored()).isEqualTo(before);

        Map<SlotId, Long> both = new LinkedHashMap<>();
        both.put(free.value().id(), free.version());
        both.put(other.value().id(), other.version());
        List<Versioned<Slot>> withdrawn = appointments.withdrawSlots(world.receptionist, both);

        assertThat(withdrawn).extracting(v -> v.value().id()).containsExactly(free.value().id(), other.value().id());
        assertThat(withdrawn).allSatisfy(v -> {
            assertThat(v.version()).isEqualTo(2);
            assertThat(v.value().withdrawnAt()).contains(world.clock.instant());
            assertThat(v.value().isFree()).isFalse();
        });
        assertThat(appointments.freeSlots(AppointmentWorld.GP_CLINIC, LocalDate.ofInstant(world.clock.instant(), Slot.UK), LocalDate.ofInstant(world.clock.instant(), Slot.UK).plusDays(7)))
                .extracting(v -> v.value().id()).doesNotContain(free.value().id(), other.value().id());
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> appointments.book(world.self, world.patient, free.value().id(), 2))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("SLOT_WITHDRAWN"));
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> appointments.withdrawSlots(world.receptionist, Map.of(free.value().id(), 2L)))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("SLOT_WITHDRAWN"));
    }

    @Test
    void aStaleSlotVersionIsAConflict() {
        Versioned<Slot> slot = world.slotIn(Duration.ofDays(2));
        Versioned<Appointment> a = appointments.book(world.self, world.patient, slot.value().id(), slot.version());
        appointments.cancel(world.self, a.value().id(), UNWELL, a.version());

        // the slot is free again at version 3: a booking made with version 1 is stale
        assertThatExceptionOfType(VersionConflictException.class).isThrownBy(() -> appointments.book(world.self,
                world.patient, slot.value().id(), slot.version()));
    }

    @Test
    void aProxyWhoseConsentCoversAppointmentsBooksAndCancels() {
        world.grantDaughter(DataClass.APPOINTMENT);
        Versioned<Slot> slot = world.slotIn(Duration.ofDays(2));

        Versioned<Appointment> booked = appointments.book(world.daughter(), world.patient, slot.value().id(),
                slot.version());
        Versioned<Appointment> cancelled = appointments.cancel(world.daughter(), booked.value().id(), UNWELL,
                booked.version());

        assertThat(booked.value().bookedBy()).isEqualTo(Party.PROXY);
        assertThat(cancelled.value().cancellation()).hasValueSatisfying(c -> {
            assertThat(c.by()).isEqualTo(Party.PROXY);
            assertThat(c.reason()).isEqualTo(UNWELL);
        });
    }

    @Test
    void aProxyWithoutAppointmentScopeCannotBook() {
        world.grantDaughter(DataClass.DEMOGRAPHICS);
        Versioned<Slot> slot = world.slotIn(Duration.ofDays(2));
        Map<String, Object> before = world.stored();

        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> appointments.book(world.daughter(),
                world.patient, slot.value().id(), slot.version()));
        assertThat(world.stored()).isEqualTo(before);
    }

    @Test
    void staffOfAnotherOrganisationCannotPublishOnThePracticesSchedule() {
        Map<String, Object> before = world.stored();
        assertThatExceptionOfType(RuleViolationException.class).isThrownBy(() -> appointments.publishSlots(
                world.otherAdmin, world.clinic.id(), List.of(AppointmentWorld.slot(AppointmentWorld.START
                        .plus(Duration.ofDays(1)))))).satisfies(e -> assertThat(e.rule()).isEqualTo("PROVIDER"));
        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> appointments.publishSchedule(
                world.self, AppointmentWorld.GP_CLINIC, AppointmentWorld.PRACTICE, "Mine"));
        assertThat(world.stored()).isEqualTo(before);
    }

    @Test
    void rebookingMovesTheAppointmentAndFreesTheOldSlot() {
        Versioned<Slot> first = world.slotIn(Duration.ofDays(2));
        Versioned<Slot> second = world.slotIn(Duration.ofDays(9));
        Versioned<Appointment> a = appointments.book(world.self, world.patient, first.value().id(), first.version());

        Versioned<Appointment> moved = appointments.rebook(world.receptionist, a.value().id(), second.value().id(),
                second.version(), a.version());

        assertThat(moved.value().slot()).isEqualTo(second.value().id());
        assertThat(moved.value().startsAt()).isEqualTo(second.value().startsAt());
        assertThat(moved.value().rebookings()).isEqualTo(1);
        assertThat(moved.value().reminders()).containsExactly(second.value().startsAt().minus(Duration.ofDays(7)),
                second.value().startsAt().minus(Duration.ofDays(1)));
        assertThat(appointments.slot(first.value().id()).value().isFree()).isTrue();
        assertThat(appointments.slot(second.value().id()).value().appointment()).contains(a.value().id());
        assertThat(world.outbox()).extracting(OutboxEntry::event).last().isInstanceOf(AppointmentEvent.Rebooked.class);
    }

    @Test
    void attendanceIsRecordedByTheServicesStaffOnceTheAppointmentHasStarted() {
        Versioned<Slot> slot = world.slotIn(Duration.ofDays(2));
        Versioned<Appointment> a = appointments.book(world.self, world.patient, slot.value().id(), slot.version());

        assertThatExceptionOfType(RuleViolationException.class).isThrownBy(() -> appointments.recordDidNotAttend(
                world.gp, a.value().id(), a.version())).satisfies(e -> assertThat(e.rule()).isEqualTo("DNA"));
        world.advance(Duration.ofDays(2).plusMinutes(20));
        assertThatExceptionOfType(RuleViolationException.class).isThrownBy(() -> appointments.recordDidNotAttend(
                world.self, a.value().id(), a.version())).satisfies(e -> assertThat(e.rule()).isEqualTo("PROVIDER"));
        assertThatExceptionOfType(RuleViolationException.class).isThrownBy(() -> appointments.cancel(
                world.self, a.value().id(), UNWELL, a.version())).satisfies(e -> assertThat(e.rule()).isEqualTo("CANCEL"));

        Versioned<Appointment> missed = appointments.recordDidNotAttend(world.gp, a.value().id(), a.version());

        assertThat(missed.value().status()).isEqualTo(AppointmentStatus.DID_NOT_ATTEND);
        assertThatExceptionOfType(IllegalTransitionException.class).isThrownBy(() -> appointments.recordAttended(
                world.gp, a.value().id(), missed.version()));
        // the slot stays taken: a missed appointment used it
        assertThat(appointments.slot(slot.value().id()).value().isFree()).isFalse();
    }

    @Test
    @DisplayName("Reminders: the sweep publishes each reminder once, when due, and none for a cancelled appointment")
    void remindersArePublishedByTheSweepWhenDue() {
        Versioned<Slot> slot = world.slotIn(Duration.ofDays(10));
        Versioned<Slot> other = world.slotIn(Duration.ofDays(10).plusHours(1));
        Versioned<Appointment> a = appointments.book(world.self, world.patient, slot.value().id(), slot.version());
        Versioned<Appointment> b = appointments.book(world.self, world.patient, other.value().id(), other.version());
        appointments.cancel(world.self, b.value().id(), UNWELL, b.version());
        Instant start = slot.value().startsAt();

        assertThat(appointments.sendDueReminders(world.scheduler)).isZero();
        world.advance(Duration.ofDays(3));
        assertThat(appointments.sendDueReminders(world.scheduler)).isEqualTo(1);
        assertThat(appointments.sendDueReminders(world.scheduler)).isZero();
        world.advance(Duration.ofDays(6));
        assertThat(appointments.sendDueReminders(world.scheduler)).isEqualTo(1);
        world.advance(Duration.ofHours(23));
        assertThat(appointments.sendDueReminders(world.scheduler)).isZero();

        List<AppointmentEvent.ReminderDue> sent = world.outbox().stream().map(OutboxEntry::event)
                .filter(AppointmentEvent.ReminderDue.class::isInstance).map(AppointmentEvent.ReminderDue.class::cast)
                .toList();
        assertThat(sent).extracting(AppointmentEvent.ReminderDue::dueAt)
                .containsExactly(start.minus(Duration.ofDays(7)), start.minus(Duration.ofDays(1)));
        assertThat(sent).allSatisfy(r -> assertThat(r.appointment()).isEqualTo(a.value().id()));
        assertThat(appointments.get(world.self, a.value().id()).value().reminders()).isEmpty();
        // each reminder written is a guarded, audited access to that patient's appointment
        List<AuditRecord> trail = world.storage.inTransaction(tx -> tx.audit().forPatient(a.value().patient()));
        assertThat(trail).filteredOn(r -> r.event().action().equals("appointment.remind"))
                .hasSize(2)
                .allSatisfy(r -> {
                    assertThat(r.event().outcome()).isEqualTo(AuditOutcome.SUCCESS);
                    assertThat(r.event().subject()).contains("Appointment/" + a.value().id());
                });
        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> appointments.sendDueReminders(
                world.self));
    }

    @Test
    void theReminderOffsetsAreConfigurable() {
        AppointmentWorld other = new AppointmentWorld();
        var care = io.github.personalcare.PersonalCare.builder().storage(new io.github.personalcare.store.memory
                .InMemoryStorage()).clock(other.clock).appointmentReminders(AppointmentReminders.at(Duration.ofHours(2)))
                .build();
        var schedule = care.appointments().publishSchedule(other.receptionist, AppointmentWorld.GP_CLINIC,
                AppointmentWorld.PRACTICE, "Evening surgery").value();
        Slot slot = care.appointments().publishSlots(other.receptionist, schedule.id(), List.of(
                AppointmentWorld.slot(AppointmentWorld.START.plus(Duration.ofDays(1))))).get(0).value();
        Appointment a = Appointment.book(AppointmentId.random(), other.patient, slot, java.util.Optional.empty(),
                Party.STAFF, AppointmentWorld.START, AppointmentReminders.at(Duration.ofHours(2)).offsets());

        assertThat(a.reminders()).containsExactly(slot.startsAt().minus(Duration.ofHours(2)));
        assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> AppointmentReminders.at(
                Duration.ZERO)).satisfies(e -> assertThat(e.field()).isEqualTo("reminderOffsets"));
    }

    @Test
    @DisplayName("Bad input for every command: a typed error naming the field, nothing stored")
    void badInputForEveryCommandIsATypedErrorAndStoresNothing() {
        Versioned<Slot> slot = world.slotIn(Duration.ofDays(2));
        Versioned<Appointment> a = appointments.book(world.self, world.patient, slot.value().id(), slot.version());
        Versioned<Slot> free = world.slotIn(Duration.ofDays(3));
        Instant soon = AppointmentWorld.START.plus(Duration.ofDays(1));
        LocalDate today = LocalDate.of(2026, 3, 2);
        Map<String, Object> before = world.stored();

        List<Object[]> cases = new ArrayList<>(List.<Object[]>of(
                new Object[] {"schedule.service", (ThrowableAssert.ThrowingCallable) () -> appointments.publishSchedule(
                        world.receptionist, null, AppointmentWorld.PRACTICE, "Clinic")},
                new Object[] {"schedule.name", (ThrowableAssert.ThrowingCallable) () -> appointments.publishSchedule(
                        world.receptionist, AppointmentWorld.GP_CLINIC, AppointmentWorld.PRACTICE, " ")},
                new Object[] {"schedule.organisation", (ThrowableAssert.ThrowingCallable) () ->
                        appointments.publishSchedule(world.receptionist, AppointmentWorld.GP_CLINIC, null, "Clinic")},
                new Object[] {"slots", (ThrowableAssert.ThrowingCallable) () -> appointments.publishSlots(
                        world.receptionist, world.clinic.id(), List.of())},
                new Object[] {"slots", (ThrowableAssert.ThrowingCallable) () -> appointments.publishSlots(
                        world.receptionist, world.clinic.id(), Arrays.asList((NewSlot) null))},
                new Object[] {"slot.startsAt", (ThrowableAssert.ThrowingCallable) () -> appointments.publishSlots(
                        world.receptionist, world.clinic.id(), List.of(AppointmentWorld.slot(
                                AppointmentWorld.START.minus(Duration.ofHours(1)))))},
                new Object[] {"slot.endsAt", (ThrowableAssert.ThrowingCallable) () -> new NewSlot(soon, soon,
                        AppointmentType.ROUTINE, AppointmentMode.video(), io.github.personalcare.access.ProfessionalRole.NURSE)},
                new Object[] {"slot.endsAt", (ThrowableAssert.ThrowingCallable) () -> new NewSlot(soon,
                        soon.plus(Duration.ofHours(13)), AppointmentType.ROUTINE, AppointmentMode.video(),
                        io.github.personalcare.access.ProfessionalRole.NURSE)},
                new Object[] {"slot.mode", (ThrowableAssert.ThrowingCallable) () -> new NewSlot(soon,
                        soon.plus(Duration.ofMinutes(5)), AppointmentType.ROUTINE, null,
                        io.github.personalcare.access.ProfessionalRole.NURSE)},
                new Object[] {"mode.location", (ThrowableAssert.ThrowingCallable) () -> AppointmentMode.inPerson("")},
                new Object[] {"to", (ThrowableAssert.ThrowingCallable) () -> appointments.freeSlots(
                        AppointmentWorld.GP_CLINIC, today, today.minusDays(1))},
                new Object[] {"to", (ThrowableAssert.ThrowingCallable) () -> appointments.freeSlots(
                        AppointmentWorld.GP_CLINIC, today, today.plusDays(AppointmentService.MAX_SEARCH_DAYS))},
                new Object[] {"from", (ThrowableAssert.ThrowingCallable) () -> appointments.freeSlots(
                        AppointmentWorld.GP_CLINIC, null, today)},
                new Object[] {"patient", (ThrowableAssert.ThrowingCallable) () -> appointments.book(world.self, null,
                        free.value().id(), free.version())},
                new Object[] {"slot", (ThrowableAssert.ThrowingCallable) () -> appointments.book(world.self,
                        world.patient, null, free.version())},
                new Object[] {"referral", (ThrowableAssert.ThrowingCallable) () -> appointments.bookForReferral(
                        world.self, null, 1, free.value().id(), free.version())},
                new Object[] {"slot", (ThrowableAssert.ThrowingCallable) () -> appointments.rebook(world.self,
                        a.value().id(), null, 1, a.version())},
                new Object[] {"appointment", (ThrowableAssert.ThrowingCallable) () -> appointments.rebook(world.self,
                        null, free.value().id(), free.version(), 1)},
                new Object[] {"reason", (ThrowableAssert.ThrowingCallable) () -> appointments.cancel(world.self,
                        a.value().id(), null, a.version())},
                new Object[] {"reason", (ThrowableAssert.ThrowingCallable) () -> appointments.cancel(world.self,
                        a.value().id(), ReasonCode.of("not a code"), a.version())},
                new Object[] {"appointment", (ThrowableAssert.ThrowingCallable) () -> appointments.recordDidNotAttend(
                        world.gp, null, 1)},
                new Object[] {"appointment", (ThrowableAssert.ThrowingCallable) () -> appointments.recordAttended(
                        world.gp, null, 1)},
                new Object[] {"ctx", (ThrowableAssert.ThrowingCallable) () -> appointments.sendDueReminders(null)}));
        for (Object[] c : cases) {
            InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                    (ThrowableAssert.ThrowingCallable) c[1]);
            assertThat(e).as("expected a typed error on %s", c[0]).isNotNull();
            assertThat(e.field()).as("field").isEqualTo(c[0]);
            assertThat(world.stored()).as("nothing stored after bad %s", c[0]).isEqualTo(before);
        }
        // a rebook into the slot it holds, and commands on no such appointment, are typed refusals too
        assertThatExceptionOfType(RuleViolationException.class).isThrownBy(() -> appointments.rebook(world.self,
                a.value().id(), slot.value().id(), appointments.slot(slot.value().id()).version(), a.version()));
        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> appointments.cancel(world.gp,
                AppointmentId.random(), UNWELL, 1));
        assertThatExceptionOfType(PersonalCareException.class).isThrownBy(() -> appointments.slot(SlotId.random()));
        assertThat(world.stored()).isEqualTo(before);
    }

    @Test
    void noNhsNumberNameOrLocationIsLogged() {
        Versioned<Slot> slot = world.slotIn(Duration.ofDays(2));
        Versioned<Appointment> a = appointments.book(world.self, world.patient, slot.value().id(), slot.version());
        appointments.cancel(world.self, a.value().id(), UNWELL, a.version());
        assertThatExceptionOfType(RuleViolationException.class).isThrownBy(() -> appointments.publishSlots(
                world.otherAdmin, world.clinic.id(), List.of(AppointmentWorld.slot(AppointmentWorld.START
                        .plus(Duration.ofDays(1))))));

        assertThat(logs.lines()).isNotEmpty().allSatisfy(line -> assertThat(line)
                .doesNotContain("9434765870", "Lovelace", "Church Street", "Morning surgery"));
    }
}
