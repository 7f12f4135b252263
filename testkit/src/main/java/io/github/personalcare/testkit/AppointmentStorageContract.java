package io.github.personalcare.testkit;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.appointment.Appointment;
import io.github.personalcare.appointment.AppointmentEvent;
import io.github.personalcare.appointment.AppointmentMode;
import io.github.personalcare.appointment.AppointmentStatus;
import io.github.personalcare.appointment.AppointmentStores;
import io.github.personalcare.appointment.AppointmentType;
import io.github.personalcare.appointment.NewSlot;
import io.github.personalcare.appointment.Party;
import io.github.personalcare.appointment.Schedule;
import io.github.personalcare.appointment.Slot;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.lang.RuleViolationException;
import io.github.personalcare.lang.VersionConflictException;
import io.github.personalcare.lang.Versioned;
import io.github.personalcare.referral.NewReferral;
import io.github.personalcare.referral.PatientChoice;
import io.github.personalcare.referral.Priority;
import io.github.personalcare.referral.Referral;
import io.github.personalcare.referral.ReferralCommand;
import io.github.personalcare.referral.ReferralState;
import io.github.personalcare.referral.ReferralStores;
import io.github.personalcare.spi.OutboxEntry;
import io.github.personalcare.spi.Query;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Appointments on a storage adapter: schedules, slots and appointments survive a round trip, the
 * free-slot search answers by service and UK local date across the clock changes, and a slot is
 * never booked twice, even by 16 patients at the same instant, because booking is an optimistic
 * update of the slot's own version (no Java lock: it holds across JVMs). A referral's booking in
 * a slot updates the referral in the same transaction.
 */
public abstract class AppointmentStorageContract extends StorageContract {
    /** For the adapter's subclass, which supplies the storage under test. */
    protected AppointmentStorageContract() {
    }

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final OdsCode LEEDS = Referrals.LEEDS.provider();
    private static final AccessContext LEEDS_ADMIN = AccessContext.of(Actor.professional(UserId.of("ADM1"),
            ProfessionalRole.ADMINISTRATOR, LEEDS), Purpose.ADMINISTRATION);
    private static final Actor.Professional LEEDS_CONSULTANT = Actor.professional(UserId.of("CONS1"),
            ProfessionalRole.CONSULTANT, LEEDS);

    /** A clock that moves only when told. */
    private static final class MovingClock extends Clock {
        private volatile Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovingClock clock = new MovingClock();

    private PersonalCare care() {
        return PersonalCare.builder().storage(storage).clock(clock).serviceDirectory(Referrals.directory()).build();
    }

    private static AccessContext gp() {
        return AccessContext.of(Actor.professional(UserId.of("GP1"), ProfessionalRole.GENERAL_PRACTITIONER,
                Referrals.PRACTICE), Purpose.DIRECT_CARE);
    }

    private static PatientId register(PersonalCare care, int n) {
        return care.patients().register(gp(), SyntheticRecords.nhsNumber(n), NhsNumberVerification.VERIFIED,
                new PersonName("Patient", "Number" + (char) ('A' + n)), LocalDate.of(1960, 1, 1), Set.of(),
                Optional.of(Referrals.PRACTICE)).value().id();
    }

    private static Instant ukTime(LocalDate date, int hour, int minute) {
        return LocalDateTime.of(date, LocalTime.of(hour, minute)).atZone(UK).toInstant();
    }

    private static NewSlot slotAt(Instant start, AppointmentMode mode) {
        return new NewSlot(start, start.plus(Duration.ofMinutes(15)), AppointmentType.ROUTINE, mode,
                ProfessionalRole.CONSULTANT);
    }

    private Schedule schedule(PersonalCare care) {
        return care.appointments().publishSchedule(LEEDS_ADMIN, Referrals.LEEDS.id(), LEEDS, "Cardiology outpatients")
                .value();
    }

    private Versioned<Slot> storedSlot(io.github.personalcare.appointment.SlotId id) {
        return storage.inTransaction(tx -> tx.aggregates(AppointmentStores.SLOTS).get(id));
    }

    private List<Versioned<Appointment>> storedAppointments(Query query) {
        return storage.inTransaction(tx -> tx.aggregates(AppointmentStores.APPOINTMENTS).query(query));
    }

    private List<OutboxEntry> outbox() {
        return storage.inTransaction(tx -> tx.outbox().undelivered());
    }

    @Test
    void slotsAndAnAppointmentSurviveARoundTripInEveryMode() {
        PersonalCare care = care();
        PatientId patient = register(care, 0);
        Schedule schedule = schedule(care);
        Instant start = T0.plus(Duration.ofDays(10));
        List<Versioned<Slot>> slots = care.appointments().publishSlots(LEEDS_ADMIN, schedule.id(), List.of(
                slotAt(start, AppointmentMode.inPerson("Clinic 4, Leeds General Infirmary")),
                slotAt(start.plus(Duration.ofHours(1)), AppointmentMode.video()),
                slotAt(start.plus(Duration.ofHours(2)), AppointmentMode.telephone())));

        for (Versioned<Slot> slot : slots) {
            assertThat(storedSlot(slot.value().id())).isEqualTo(slot);
        }
        Schedule storedSchedule = storage.inTransaction(tx -> tx.aggregates(AppointmentStores.SCHEDULES)
                .get(schedule.id()).value());
        assertThat(storedSchedule).isEqualTo(schedule);
        Versioned<Appointment> booked = care.appointments().book(AccessContext.patientSelf(patient), patient,
                slots.get(0).value().id(), slots.get(0).version());
        Versioned<Appointment> stored = storage.inTransaction(tx -> tx.aggregates(AppointmentStores.APPOINTMENTS)
                .get(booked.value().id()));
        assertThat(stored).isEqualTo(booked);
        assertThat(stored.value().mode()).isEqualTo(AppointmentMode.inPerson("Clinic 4, Leeds General Infirmary"));
        assertThat(stored.value().reminders()).containsExactly(start.minus(Duration.ofDays(7)),
                start.minus(Duration.ofDays(1)));
        assertThat(storedAppointments(Query.forPatient(patient).and("status").is(AppointmentStatus.BOOKED)))
                .containsExactly(stored);

        // a withdrawn slot keeps its withdrawal time and leaves the bookable index
        Versioned<Slot> withdrawn = care.appointments().withdrawSlots(LEEDS_ADMIN,
                java.util.Map.of(slots.get(1).value().id(), slots.get(1).version())).get(0);
        assertThat(storedSlot(withdrawn.value().id())).isEqualTo(withdrawn);
        assertThat(withdrawn.value().withdrawnAt()).contains(clock.instant());
        assertThat(care.appointments().freeSlots(Referrals.LEEDS.id(), LocalDate.ofInstant(start, UK),
                LocalDate.ofInstant(start, UK))).extracting(v -> v.value().id())
                .containsExactly(slots.get(2).value().id());
    }

    @Test
    @DisplayName("Two patients booking the same slot at once: exactly one gets it (16 threads)")
    void twoPatientsBookingTheSameSlotAtOnceExactlyOneGetsIt() throws Exception {
        PersonalCare care = care();
        int threads = 16;
        List<PatientId> patients = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            patients.add(register(care, i));
        }
        Schedule schedule = schedule(care);
        Versioned<Slot> slot = care.appointments().publishSlots(LEEDS_ADMIN, schedule.id(),
                List.of(slotAt(T0.plus(Duration.ofDays(3)), AppointmentMode.video()))).get(0);

        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<String> outcomes = new ArrayList<>();
        try {
            List<Future<String>> results = new ArrayList<>();
            for (PatientId patient : patients) {
                results.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    try {
                        care.appointments().book(AccessContext.patientSelf(patient), patient, slot.value().id(),
                                slot.version());
                        return "booked";
                    } catch (VersionConflictException e) {
                        return "taken";
                    } catch (RuleViolationException e) {
                        return "SLOT".equals(e.rule()) ? "taken" : "refused " + e.rule();
                    }
                }));
            }
            ready.await();
            go.countDown();
            for (Future<String> f : results) {
                outcomes.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(outcomes).filteredOn("booked"::equals).hasSize(1);
        assertThat(outcomes).filteredOn("taken"::equals).hasSize(threads - 1);
        List<Appointment> stored = storage.inTransaction(tx -> tx.aggregates(AppointmentStores.APPOINTMENTS)
                .query(Query.where("slot").is(slot.value().id()))).stream().map(Versioned::value).toList();
        assertThat(stored).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(AppointmentStatus.BOOKED));
        Versioned<Slot> taken = care.appointments().slot(slot.value().id());
        assertThat(taken.version()).isEqualTo(slot.version() + 1);
        assertThat(taken.value().appointment()).contains(stored.get(0).id());
        assertThat(outbox()).extracting(OutboxEntry::event).filteredOn(AppointmentEvent.Booked.class::isInstance)
                .hasSize(1);
    }

    @Test
    @DisplayName("Slot search and booking across BST changes (Europe/London, 29 March and 25 October 2026)")
    void slotSearchAndBookingAcrossBstChanges() {
        PersonalCare care = care();
        PatientId patient = register(care, 0);
        Schedule schedule = schedule(care);
        LocalDate springForward = LocalDate.of(2026, 3, 29);
        LocalDate fallBack = LocalDate.of(2026, 10, 25);
        List<NewSlot> wanted = new ArrayList<>();
        for (LocalDate day : List.of(springForward, fallBack)) {
            for (LocalDate d : List.of(day.minusDays(1), day, day.plusDays(1))) {
                wanted.add(slotAt(ukTime(d, 0, 30), AppointmentMode.telephone()));
                wanted.add(slotAt(ukTime(d, 9, 0), AppointmentMode.inPerson("Clinic 4")));
                wanted.add(slotAt(ukTime(d, 23, 30), AppointmentMode.video()));
            }
        }
        care.appointments().publishSlots(LEEDS_ADMIN, schedule.id(), wanted);

        // the spring-forward day is 23 hours long: 00:30 GMT to 23:30 BST, three slots, no more
        List<Versioned<Slot>> spring = care.appointments().freeSlots(Referrals.LEEDS.id(), springForward,
                springForward);
        assertThat(spring).extracting(v -> v.value().startsAt()).containsExactly(
                Instant.parse("2026-03-29T00:30:00Z"), Instant.parse("2026-03-29T08:00:00Z"),
                Instant.parse("2026-03-29T22:30:00Z"));
        assertThat(spring).allSatisfy(v -> assertThat(v.value().ukDate()).isEqualTo(springForward));
        // the fall-back day is 25 hours long: 00:30 BST is still 24 October in UTC
        List<Versioned<Slot>> autumn = care.appointments().freeSlots(Referrals.LEEDS.id(), fallBack, fallBack);
        assertThat(autumn).extracting(v -> v.value().startsAt()).containsExactly(
                Instant.parse("2026-10-24T23:30:00Z"), Instant.parse("2026-10-25T09:00:00Z"),
                Instant.parse("2026-10-25T23:30:00Z"));
        assertThat(care.appointments().freeSlots(Referrals.LEEDS.id(), springForward.minusDays(1),
                springForward.plusDays(1))).hasSize(9);

        // book the 09:00 BST slot after the spring change and the 09:00 GMT slot after the autumn one
        Versioned<Appointment> spring9 = care.appointments().book(AccessContext.patientSelf(patient), patient,
                spring.get(1).value().id(), spring.get(1).version());
        Versioned<Appointment> autumn9 = care.appointments().book(AccessContext.patientSelf(patient), patient,
                autumn.get(1).value().id(), autumn.get(1).version());
        for (Versioned<Appointment> a : List.of(spring9, autumn9)) {
            Appointment stored = storage.inTransaction(tx -> tx.aggregates(AppointmentStores.APPOINTMENTS)
                    .get(a.value().id())).value();
            assertThat(stored.startsAt().atZone(UK).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
        }
        assertThat(spring9.value().ukDate()).isEqualTo(springForward);
        assertThat(autumn9.value().ukDate()).isEqualTo(fallBack);
        assertThat(care.appointments().freeSlots(Referrals.LEEDS.id(), springForward, springForward))
                .extracting(v -> v.value().startsAt().atZone(UK).toLocalTime())
                .containsExactly(LocalTime.of(0, 30), LocalTime.of(23, 30));
        assertThat(care.appointments().freeSlots(Referrals.LEEDS.id(), fallBack, fallBack)).hasSize(2);
    }

    @Test
    void aReferralsFirstBookingUsesTheSlotAndItsDnaLetsTheClockBeNullified() {
        PersonalCare care = care();
        PatientId patient = register(care, 0);
        var referrals = care.referrals();
        Versioned<Referral> r = referrals.draft(gp(), NewReferral.appointment(patient, Priority.ROUTINE,
                Referrals.CARDIOLOGY, "Exertional chest tightness"));
        r = referrals.shortlist(gp(), r.value().id(), List.of(Referrals.LEEDS.id(), Referrals.YORK.id()),
                PatientChoice.choiceOffered(), r.version());
        Versioned<Referral> sent = referrals.submit(gp(), r.value().id(), r.version());
        Schedule schedule = schedule(care);
        Instant start = T0.plus(Duration.ofDays(14));
        Versioned<Slot> slot = care.appointments().publishSlots(LEEDS_ADMIN, schedule.id(),
                List.of(slotAt(start, AppointmentMode.inPerson("Clinic 4")))).get(0);

        Versioned<Appointment> booked = care.appointments().bookForReferral(AccessContext.patientSelf(patient),
                sent.value().id(), sent.version(), slot.value().id(), slot.version());

        Versioned<Referral> afterBooking = storage.inTransaction(tx -> tx.aggregates(ReferralStores.REFERRALS)
                .get(sent.value().id()));
        assertThat(afterBooking.version()).isEqualTo(sent.version() + 1);
        assertThat(afterBooking.value().state()).isEqualTo(ReferralState.BOOKED);
        assertThat(afterBooking.value().currentAppointment()).hasValueSatisfying(a -> {
            assertThat(a.startsAt()).isEqualTo(start);
            assertThat(a.service()).isEqualTo(Referrals.LEEDS.id());
        });
        assertThat(afterBooking.value().clock()).isPresent();
        assertThat(booked.value().referral()).contains(sent.value().id());
        assertThat(booked.value().bookedBy()).isEqualTo(Party.PATIENT);

        clock.now = start.plus(Duration.ofHours(1));
        AccessContext consultant = AccessContext.of(LEEDS_CONSULTANT, Purpose.DIRECT_CARE);
        care.appointments().recordDidNotAttend(consultant, booked.value().id(), booked.version());
        Versioned<Referral> missed = referrals.get(consultant, sent.value().id());
        assertThat(missed.value().state()).isEqualTo(ReferralState.DID_NOT_ATTEND);

        // R36: a DNA of the first appointment lets the deciding professional nullify the clock
        Versioned<Referral> nullified = referrals.apply(consultant, sent.value().id(),
                new ReferralCommand.NullifyClock(LEEDS_CONSULTANT.user()), missed.version());
        assertThat(nullified.value().clocks()).singleElement()
                .satisfies(c -> assertThat(c.nullification()).isPresent());
    }

    @Test
    void aRefusedReferralBookingLeavesTheSlotFreeAndTheReferralUntouched() {
        PersonalCare care = care();
        PatientId patient = register(care, 0);
        var referrals = care.referrals();
        Versioned<Referral> r = referrals.draft(gp(), NewReferral.appointment(patient, Priority.ROUTINE,
                Referrals.CARDIOLOGY, "Exertional chest tightness"));
        r = referrals.shortlist(gp(), r.value().id(), List.of(Referrals.YORK.id()), PatientChoice.choiceOffered(),
                r.version());
        Versioned<Referral> sent = referrals.submit(gp(), r.value().id(), r.version());
        Versioned<Slot> slot = care.appointments().publishSlots(LEEDS_ADMIN, schedule(care).id(),
                List.of(slotAt(T0.plus(Duration.ofDays(5)), AppointmentMode.video()))).get(0);
        int before = outbox().size();

        // R29: Leeds is not on the shortlist, so the referral refuses and the slot stays free
        assertThatExceptionOfType(RuleViolationException.class).isThrownBy(() -> care.appointments()
                .bookForReferral(AccessContext.patientSelf(patient), sent.value().id(), sent.version(),
                        slot.value().id(), slot.version()));

        assertThat(care.appointments().slot(slot.value().id())).isEqualTo(slot);
        Versioned<Referral> untouched = storage.inTransaction(tx -> tx.aggregates(ReferralStores.REFERRALS)
                .get(sent.value().id()));
        assertThat(untouched).isEqualTo(sent);
        assertThat(storedAppointments(Query.forPatient(patient))).isEmpty();
        assertThat(outbox()).hasSize(before);
    }

    @Test
    void cancellingFreesTheSlotAndRebookingMovesTheAppointment() {
        PersonalCare care = care();
        PatientId patient = register(care, 0);
        Schedule schedule = schedule(care);
        List<Versioned<Slot>> slots = care.appointments().publishSlots(LEEDS_ADMIN, schedule.id(), List.of(
                slotAt(T0.plus(Duration.ofDays(2)), AppointmentMode.video()),
                slotAt(T0.plus(Duration.ofDays(3)), AppointmentMode.video())));
        AccessContext self = AccessContext.patientSelf(patient);
        Versioned<Appointment> a = care.appointments().book(self, patient, slots.get(0).value().id(),
                slots.get(0).version());

        Versioned<Slot> second = care.appointments().slot(slots.get(1).value().id());
        Versioned<Appointment> moved = care.appointments().rebook(self, a.value().id(), second.value().id(),
                second.version(), a.version());
        assertThat(moved.value().slot()).isEqualTo(second.value().id());
        assertThat(care.appointments().slot(slots.get(0).value().id()).value().isFree()).isTrue();
        assertThat(care.appointments().slot(second.value().id()).value().appointment()).contains(a.value().id());

        Versioned<Appointment> cancelled = care.appointments().cancel(LEEDS_ADMIN, moved.value().id(),
                io.github.personalcare.referral.ReasonCode.of("CLINIC_CANCELLED"), moved.version());
        assertThat(cancelled.value().status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(cancelled.value().cancellation()).hasValueSatisfying(c -> assertThat(c.by()).isEqualTo(Party.STAFF));
        assertThat(care.appointments().freeSlots(Referrals.LEEDS.id(), LocalDate.of(2026, 3, 2),
                LocalDate.of(2026, 3, 31))).hasSize(2);
        assertThat(storedAppointments(Query.forPatient(patient))).containsExactly(cancelled);
    }
}
