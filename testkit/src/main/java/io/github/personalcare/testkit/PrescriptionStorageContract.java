package io.github.personalcare.testkit;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.lang.PersonalCareException;
import io.github.personalcare.lang.VersionConflictException;
import io.github.personalcare.lang.Versioned;
import io.github.personalcare.prescription.Medicine;
import io.github.personalcare.prescription.PrescriptionEvent;
import io.github.personalcare.prescription.PrescriptionRefusedException;
import io.github.personalcare.prescription.PrescriptionRequest;
import io.github.personalcare.prescription.PrescriptionRequestId;
import io.github.personalcare.prescription.PrescriptionStores;
import io.github.personalcare.prescription.RepeatMedicine;
import io.github.personalcare.prescription.RepeatMedicineId;
import io.github.personalcare.prescription.RepeatStatus;
import io.github.personalcare.prescription.RepeatTerms;
import io.github.personalcare.prescription.RequestStatus;
import io.github.personalcare.prescription.SupplyQuantity;
import io.github.personalcare.spi.OutboxEntry;
import io.github.personalcare.spi.Query;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Repeat prescriptions on a storage adapter: repeat medicines and requests survive a round trip
 * with every optional field, the indexes of {@link PrescriptionStores} answer the service's
 * queries (the practice's reviews due by practice, status and review date), an issue commits the
 * request, the medicine's count and the event as one unit, and writers racing for a medicine's
 * last authorised issue give exactly one issue.
 */
public abstract class PrescriptionStorageContract extends StorageContract {
    /** For the adapter's subclass, which supplies the storage under test. */
    protected PrescriptionStorageContract() {
    }

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private static final OdsCode PRACTICE = OdsCode.of("A81001");
    private static final Medicine PARACETAMOL = Medicine.of("42109611000001109", "Paracetamol 500mg tablets");
    private static final int THREADS = 16;

    private static RepeatTerms terms(int issues, LocalDate reviewOn) {
        return new RepeatTerms(PARACETAMOL, "two tablets up to four times a day", SupplyQuantity.of(100, "tablet"), 28,
                issues, reviewOn);
    }

    private static RepeatMedicine medicine(PatientId patient, String practice, LocalDate reviewOn, RepeatStatus status) {
        boolean stopped = status == RepeatStatus.STOPPED;
        return new RepeatMedicine(RepeatMedicineId.random(), patient, OdsCode.of(practice), terms(6, reviewOn), 2,
                Optional.of(TODAY.minusDays(20)), status, UserId.of("GP1"), TODAY.minusDays(90),
                stopped ? Optional.of(TODAY) : Optional.empty(), stopped ? Optional.of("Stopped: side effects")
                        : Optional.empty());
    }

    private <T> List<T> query(io.github.personalcare.spi.AggregateType<?, T> type, Query q) {
        return storage.inTransaction(tx -> tx.aggregates(type).query(q).stream().map(Versioned::value).toList());
    }

    @Test
    void aFullyPopulatedMedicineAndRequestSurviveARoundTrip() {
        RepeatMedicine stopped = medicine(PatientId.random(), "A81001", TODAY.plusDays(30), RepeatStatus.STOPPED);
        PrescriptionRequest rejected = new PrescriptionRequest(PrescriptionRequestId.random(), stopped.patient(),
                List.of(stopped.id(), RepeatMedicineId.random()), "carer:daughter-ann", T0, RequestStatus.REJECTED,
                Optional.of(UserId.of("GP1")), Optional.of(T0.plusSeconds(60)), Optional.of("See the nurse first"),
                Optional.empty());
        PrescriptionRequest issued = new PrescriptionRequest(PrescriptionRequestId.random(), stopped.patient(),
                List.of(stopped.id()), "patient:" + stopped.patient().value(), T0, RequestStatus.ISSUED,
                Optional.of(UserId.of("GP1")), Optional.of(T0.plusNanos(123_456_789)), Optional.empty(),
                Optional.of(TODAY));
        storage.inTransaction(tx -> {
            tx.aggregates(PrescriptionStores.MEDICINES).insert(stopped);
            tx.aggregates(PrescriptionStores.REQUESTS).insert(rejected);
            return tx.aggregates(PrescriptionStores.REQUESTS).insert(issued);
        });

        Versioned<RepeatMedicine> read = storage.inTransaction(tx -> tx.aggregates(PrescriptionStores.MEDICINES)
                .get(stopped.id()));
        assertThat(read).isEqualTo(new Versioned<>(stopped, 1));
        assertThat(storage.inTransaction(tx -> tx.aggregates(PrescriptionStores.REQUESTS).get(rejected.id())).value())
                .isEqualTo(rejected);
        assertThat(storage.inTransaction(tx -> tx.aggregates(PrescriptionStores.REQUESTS).get(issued.id())).value())
                .isEqualTo(issued);
    }

    @Test
    void medicinesAreFoundByPracticeStatusReviewDateAndCode() {
        PatientId patient = PatientId.random();
        RepeatMedicine due = medicine(patient, "A81001", TODAY.plusDays(10), RepeatStatus.ACTIVE);
        RepeatMedicine later = medicine(PatientId.random(), "A81001", TODAY.plusDays(100), RepeatStatus.ACTIVE);
        RepeatMedicine stopped = medicine(PatientId.random(), "A81001", TODAY.minusDays(1), RepeatStatus.STOPPED);
        RepeatMedicine elsewhere = medicine(PatientId.random(), "B82002", TODAY, RepeatStatus.ACTIVE);
        for (RepeatMedicine m : List.of(due, later, stopped, elsewhere)) {
            storage.inTransaction(tx -> tx.aggregates(PrescriptionStores.MEDICINES).insert(m));
        }

        assertThat(query(PrescriptionStores.MEDICINES, Query.where("practice").is("A81001")
                .and("status").is(RepeatStatus.ACTIVE).and("review_on").onOrBefore(TODAY.plusDays(28))))
                .containsExactly(due);
        assertThat(query(PrescriptionStores.MEDICINES, Query.where("dmd_code").is("42109611000001109")))
                .hasSize(4);
        assertThat(query(PrescriptionStores.MEDICINES, Query.forPatient(patient))).containsExactly(due);
    }

    @Test
    void requestsAreFoundByPatientAndStatusAndAStaleVersionIsAConflict() {
        PatientId patient = PatientId.random();
        PrescriptionRequest submitted = new PrescriptionRequest(PrescriptionRequestId.random(), patient,
                List.of(RepeatMedicineId.random()), "patient:" + patient.value(), T0, RequestStatus.SUBMITTED,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        storage.inTransaction(tx -> tx.aggregates(PrescriptionStores.REQUESTS).insert(submitted));
        PrescriptionRequest approved = new PrescriptionRequest(submitted.id(), patient, submitted.items(),
                submitted.requestedBy(), T0, RequestStatus.APPROVED, Optional.of(UserId.of("GP1")), Optional.of(T0),
                Optional.empty(), Optional.empty());
        storage.inTransaction(tx -> tx.aggregates(PrescriptionStores.REQUESTS).update(approved, 1));

        assertThatExceptionOfType(VersionConflictException.class).isThrownBy(() -> storage.inTransaction(tx ->
                tx.aggregates(PrescriptionStores.REQUESTS).update(approved, 1)));
        assertThat(query(PrescriptionStores.REQUESTS, Query.forPatient(patient).and("status").is(RequestStatus.APPROVED)))
                .containsExactly(approved);
        assertThat(query(PrescriptionStores.REQUESTS, Query.where("status").is(RequestStatus.SUBMITTED))).isEmpty();
    }

    // --- through the service ---

    private PersonalCare care() {
        return PersonalCare.builder().storage(storage).clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
    }

    private static AccessContext gp() {
        return AccessContext.of(Actor.professional(UserId.of("GP1"), ProfessionalRole.GENERAL_PRACTITIONER, PRACTICE),
                Purpose.DIRECT_CARE);
    }

    private static PatientId register(PersonalCare care) {
        return care.patients().register(gp(), NhsNumber.parse("9434765870"), NhsNumberVerification.VERIFIED,
                new PersonName("Ada", "Lovelace"), LocalDate.of(1950, 12, 10), Set.of(), Optional.of(PRACTICE))
                .value().id();
    }

    private List<OutboxEntry> outbox() {
        return storage.inTransaction(tx -> tx.outbox().undelivered());
    }

    @Test
    void anIssueCommitsTheRequestTheMedicinesCountAndTheEventTogether() {
        PersonalCare care = care();
        PatientId patient = register(care);
        AccessContext self = AccessContext.patientSelf(patient);
        RepeatMedicineId id = care.prescriptions().addRepeat(gp(), patient, terms(2, TODAY.plusDays(180))).value().id();
        Versioned<PrescriptionRequest> r = care.prescriptions().request(self, patient, List.of(id));
        r = care.prescriptions().approve(gp(), r.value().id(), r.version());
        int before = outbox().size();

        Versioned<PrescriptionRequest> issued = care.prescriptions().issue(gp(), r.value().id(), r.version());

        Versioned<PrescriptionRequest> stored = storage.inTransaction(tx -> tx.aggregates(PrescriptionStores.REQUESTS)
                .get(issued.value().id()));
        assertThat(stored).isEqualTo(issued);
        Versioned<RepeatMedicine> m = storage.inTransaction(tx -> tx.aggregates(PrescriptionStores.MEDICINES).get(id));
        assertThat(m.version()).isEqualTo(2);
        assertThat(m.value().issuesUsed()).isEqualTo(1);
        assertThat(m.value().lastIssuedOn()).contains(TODAY);
        assertThat(outbox().subList(before, outbox().size())).extracting(OutboxEntry::event)
                .singleElement().isInstanceOf(PrescriptionEvent.RequestIssued.class);

        // a second request the same day is too early: refused, and nothing is written
        int after = outbox().size();
        assertThatExceptionOfType(PrescriptionRefusedException.class)
                .isThrownBy(() -> care.prescriptions().request(self, patient, List.of(id)))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("TOO_EARLY"));
        assertThat(outbox()).hasSize(after);
        assertThat(query(PrescriptionStores.REQUESTS, Query.forPatient(patient))).hasSize(1);
    }

    private static <T> List<Object> race(Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<T> f : futures) {
                try {
                    outcomes.add(f.get(60, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(PersonalCareException.class);
                    outcomes.add(e.getCause());
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sixteenWritersRacingForTheLastAuthorisedIssueGiveOneIssue() throws Exception {
        PersonalCare care = care();
        PatientId patient = register(care);
        AccessContext self = AccessContext.patientSelf(patient);
        RepeatMedicineId id = care.prescriptions().addRepeat(gp(), patient, terms(1, TODAY.plusDays(180))).value().id();

        List<Object> requests = race(() -> care.prescriptions().request(self, patient, List.of(id)));

        assertThat(requests).filteredOn(o -> o instanceof Versioned<?>).hasSize(1);
        assertThat(requests).filteredOn(o -> o instanceof PrescriptionRefusedException).hasSize(THREADS - 1);

        // two approved requests for the same last issue (stored directly: the service refuses the second)
        List<Versioned<PrescriptionRequest>> approved = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            PrescriptionRequest r = new PrescriptionRequest(PrescriptionRequestId.random(), patient, List.of(id),
                    "patient:" + patient.value(), T0, RequestStatus.APPROVED, Optional.of(UserId.of("GP1")),
                    Optional.of(T0), Optional.empty(), Optional.empty());
            long v = storage.inTransaction(tx -> tx.aggregates(PrescriptionStores.REQUESTS).insert(r));
            approved.add(new Versioned<>(r, v));
        }
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<Object> issues = race(() -> {
            Versioned<PrescriptionRequest> mine = approved.get(next.getAndIncrement() % 2);
            return care.prescriptions().issue(gp(), mine.value().id(), mine.version());
        });

        assertThat(issues).filteredOn(o -> o instanceof Versioned<?>).hasSize(1);
        assertThat(storage.inTransaction(tx -> tx.aggregates(PrescriptionStores.MEDICINES).get(id)).value().issuesUsed())
                .isEqualTo(1);
        assertThat(outbox()).extracting(OutboxEntry::event)
                .filteredOn(e -> e instanceof PrescriptionEvent.RequestIssued).hasSize(1);
    }
}
