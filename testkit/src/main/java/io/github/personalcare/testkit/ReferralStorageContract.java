package io.github.personalcare.testkit;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.lang.RuleViolationException;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.referral.ReferralEvent;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.referral.AppointmentStatus;
import io.github.personalcare.referral.DeferReason;
import io.github.personalcare.referral.NewReferral;
import io.github.personalcare.referral.PatientChoice;
import io.github.personalcare.referral.Priority;
import io.github.personalcare.referral.ReasonCode;
import io.github.personalcare.referral.Referral;
import io.github.personalcare.referral.ReferralState;
import io.github.personalcare.referral.ReferralStores;
import io.github.personalcare.spi.OutboxEntry;
import io.github.personalcare.spi.Query;
import io.github.personalcare.lang.VersionConflictException;
import io.github.personalcare.lang.Versioned;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
 * Referrals on a storage adapter: the whole aggregate survives a round trip, the indexes of
 * {@link ReferralStores#REFERRALS} answer the queries the service, the legitimate-relationship
 * check and the RTT report make, and referral commands commit or roll back as one unit (R31), also when two writers race.
 */
public abstract class ReferralStorageContract extends StorageContract {
    /** For the adapter's subclass, which supplies the storage under test. */
    protected ReferralStorageContract() {
    }

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    private List<Referral> query(Query q) {
        return storage.inTransaction(tx -> tx.aggregates(ReferralStores.REFERRALS).query(q).stream()
                .map(Versioned::value).toList());
    }

    private void insert(Referral r) {
        storage.inTransaction(tx -> tx.aggregates(ReferralStores.REFERRALS).insert(r));
    }

    @Test
    void aFullyPopulatedReferralSurvivesARoundTrip() {
        Referral referral = Referrals.fullyPopulated(PatientId.random(), T0);
        insert(referral);

        Versioned<Referral> found = storage.inTransaction(tx -> tx.aggregates(ReferralStores.REFERRALS).get(referral.id()));

        assertThat(found.value()).isEqualTo(referral);
        assertThat(found.version()).isEqualTo(1);
        assertThat(found.value().clocks()).hasSize(2);
        assertThat(found.value().clocks().get(0).nullification()).isPresent();
        assertThat(found.value().clock().orElseThrow().patientChoiceDelays()).hasSize(1);
        assertThat(found.value().appointments()).hasSize(3);
    }

    @Test
    void referralsAreFoundByStatusRttStartReceivingOrganisationAndUbrn() {
        PatientId patient = PatientId.random();
        Referral draft = Referrals.drafted(patient, T0);
        Referral early = Referrals.booked(PatientId.random(), T0);
        Referral late = Referrals.booked(PatientId.random(), T0.plus(Duration.ofDays(40)));
        List.of(draft, early, late).forEach(this::insert);

        assertThat(query(Query.where("status").is(ReferralState.BOOKED))).containsExactlyInAnyOrder(early, late);
        assertThat(query(Query.where("rtt_start").onOrBefore(LocalDate.of(2026, 1, 31)))).containsExactly(early);
        assertThat(query(Query.where("receiving_org").is("RR8").and("open").is(true)))
                .containsExactlyInAnyOrder(early, late);
        assertThat(query(Query.where("ubrn").is(draft.ubrn().value()))).containsExactly(draft);
        assertThat(query(Query.forPatient(patient))).containsExactly(draft);
    }

    @Test
    void aStaleReferralVersionIsAConflict() {
        Referral booked = Referrals.booked(PatientId.random(), T0);
        insert(booked);
        Referral cancelled = Referrals.apply(booked, Referrals.cancellation(), T0.plus(Duration.ofDays(1)));
        storage.inTransaction(tx -> tx.aggregates(ReferralStores.REFERRALS).update(cancelled, 1));

        assertThatExceptionOfType(VersionConflictException.class).isThrownBy(() -> storage.inTransaction(tx ->
                tx.aggregates(ReferralStores.REFERRALS).update(cancelled, 1)));
        assertThat(query(Query.where("open").is(false))).containsExactly(cancelled);
    }

    /** The SDK on this storage, with a clock that stands still and the fixture directory. */
    private PersonalCare care() {
        return PersonalCare.builder().storage(storage).clock(Clock.fixed(T0, ZoneOffset.UTC))
                .serviceDirectory(Referrals.directory()).build();
    }

    private static AccessContext gp() {
        return AccessContext.of(Actor.professional(UserId.of("GP1"), ProfessionalRole.GENERAL_PRACTITIONER,
                Referrals.PRACTICE), Purpose.DIRECT_CARE);
    }

    private static PatientId register(PersonalCare care) {
        return care.patients().register(gp(), NhsNumber.parse("9434765870"), NhsNumberVerification.VERIFIED,
                new PersonName("Ada", "Lovelace"), LocalDate.of(1950, 12, 10), Set.of(),
                Optional.of(Referrals.PRACTICE)).value().id();
    }

    private Versioned<Referral> bookedThroughTheService(PersonalCare care, PatientId patient) {
        var referrals = care.referrals();
        Versioned<Referral> r = referrals.draft(gp(), NewReferral.appointment(patient, Priority.ROUTINE,
                Referrals.CARDIOLOGY, "Exertional chest tightness"));
        r = referrals.shortlist(gp(), r.value().id(), List.of(Referrals.LEEDS.id(), Referrals.YORK.id()),
                PatientChoice.choiceOffered(), r.version());
        r = referrals.submit(gp(), r.value().id(), r.version());
        return referrals.book(gp(), r.value().id(), Referrals.LEEDS.id(), T0.plus(Duration.ofDays(14)),
                r.version());
    }

    private List<OutboxEntry> outbox() {
        return storage.inTransaction(tx -> tx.outbox().undelivered());
    }

    @Test
    void cancellingAReferralCancelsItsAppointmentInOneCommit() {
        PersonalCare care = care();
        PatientId patient = register(care);
        Versioned<Referral> booked = bookedThroughTheService(care, patient);
        int before = outbox().size();

        care.referrals().cancel(gp(), booked.value().id(), ReasonCode.of("NO_LONGER_REQUIRED"),
                Optional.empty(), booked.version());

        Versioned<Referral> stored = storage.inTransaction(tx -> tx.aggregates(ReferralStores.REFERRALS)
                .get(booked.value().id()));
        assertThat(stored.version()).isEqualTo(booked.version() + 1);
        assertThat(stored.value().state()).isEqualTo(ReferralState.CANCELLED_REFERRAL);
        assertThat(stored.value().appointments()).singleElement()
                .satisfies(a -> assertThat(a.status()).isEqualTo(AppointmentStatus.CANCELLED_WITH_REFERRAL));
        assertThat(outbox().subList(before, outbox().size())).extracting(OutboxEntry::event)
                .hasAtLeastOneElementOfType(ReferralEvent.AppointmentCancelled.class)
                .hasAtLeastOneElementOfType(ReferralEvent.ClockStopped.class);
    }

    @Test
    void aRefusedReferralCommandLeavesNoTrace() {
        PersonalCare care = care();
        PatientId patient = register(care);
        Versioned<Referral> booked = bookedThroughTheService(care, patient);
        int before = outbox().size();

        // R30: a booked referral cannot be deferred; the refusal is audited, nothing else is written
        assertThatExceptionOfType(RuleViolationException.class).isThrownBy(() -> care.referrals().deferToProvider(gp(),
                booked.value().id(), Referrals.LEEDS.id(), DeferReason.SLOT_LOST, booked.version()));

        Versioned<Referral> stored = storage.inTransaction(tx -> tx.aggregates(ReferralStores.REFERRALS)
                .get(booked.value().id()));
        assertThat(stored).isEqualTo(booked);
        assertThat(outbox()).hasSize(before);
    }

    @Test
    void twoConcurrentBookingsOfOneReferralLeaveExactlyOneAppointment() throws Exception {
        PersonalCare care = care();
        PatientId patient = register(care);
        var referrals = care.referrals();
        Versioned<Referral> r = referrals.draft(gp(), NewReferral.appointment(patient, Priority.ROUTINE,
                Referrals.CARDIOLOGY, "Exertional chest tightness"));
        r = referrals.shortlist(gp(), r.value().id(), List.of(Referrals.LEEDS.id(), Referrals.YORK.id()),
                PatientChoice.choiceOffered(), r.version());
        Versioned<Referral> sent = referrals.submit(gp(), r.value().id(), r.version());

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (var service : List.of(Referrals.LEEDS, Referrals.YORK)) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        referrals.book(gp(), sent.value().id(), service.id(), T0.plus(Duration.ofDays(14)),
                                sent.version());
                        return "booked";
                    } catch (VersionConflictException e) {
                        return "conflict";
                    }
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).containsExactlyInAnyOrder("booked", "conflict");
        } finally {
            pool.shutdownNow();
        }
        Versioned<Referral> stored = storage.inTransaction(tx -> tx.aggregates(ReferralStores.REFERRALS)
                .get(sent.value().id()));
        assertThat(stored.version()).isEqualTo(sent.version() + 1);
        assertThat(stored.value().appointments()).singleElement()
                .satisfies(a -> assertThat(a.status()).isEqualTo(AppointmentStatus.BOOKED));
    }
}
