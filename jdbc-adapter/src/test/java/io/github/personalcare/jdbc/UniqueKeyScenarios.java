package io.github.personalcare.jdbc;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.lang.RuleViolationException;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.patient.PatientStores;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.RecordId;
import io.github.personalcare.identity.Ubrn;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.referral.NewReferral;
import io.github.personalcare.referral.Priority;
import io.github.personalcare.referral.Referral;
import io.github.personalcare.referral.ReferralId;
import io.github.personalcare.referral.ReferralStores;
import io.github.personalcare.referral.Referrer;
import io.github.personalcare.referral.RequestType;
import io.github.personalcare.spi.AggregateStore;
import io.github.personalcare.spi.AggregateType;
import io.github.personalcare.spi.AuditTrail;
import io.github.personalcare.spi.DuplicateKeyException;
import io.github.personalcare.spi.EntryLog;
import io.github.personalcare.spi.EntryType;
import io.github.personalcare.spi.Outbox;
import io.github.personalcare.spi.Query;
import io.github.personalcare.spi.Storage;
import io.github.personalcare.spi.Transaction;
import io.github.personalcare.spi.UnitOfWork;
import io.github.personalcare.lang.Versioned;
import io.github.personalcare.testkit.Referrals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The unique keys the services can only check inside their own transaction, which two concurrent
 * transactions can both pass: one patient per NHS number (R2) and one referral per UBRN (R4). The
 * database's unique index refuses the second writer with a {@link DuplicateKeyException} naming the
 * type and the column, never the value, and the services turn it into the rule's
 * {@link RuleViolationException}.
 */
abstract class UniqueKeyScenarios {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final String NHS = "9434765870";
    private static final AccessContext GP = AccessContext.of(Actor.professional(UserId.of("GP-A81001-1"),
            ProfessionalRole.GENERAL_PRACTITIONER, OdsCode.of("A81001")), Purpose.DIRECT_CARE);

    abstract TestDatabases.TestStorage open();

    private TestDatabases.TestStorage storage;

    @BeforeEach
    void openStorage() {
        storage = open();
    }

    @AfterEach
    void closeStorage() {
        storage.close();
    }

    private static Patient patient(String nhsNumber) {
        return new Patient(PatientId.random(), NhsNumber.parse(nhsNumber), NhsNumberVerification.VERIFIED,
                new PersonName("Ada", "Lovelace"), LocalDate.of(1950, 12, 10), Set.of(),
                Optional.of(OdsCode.of("A81001")), Optional.empty());
    }

    private static Referral referral(PatientId patient, Ubrn ubrn) {
        return Referral.draft(ReferralId.random(), ubrn, patient, new Referrer(UserId.of("GP1"), OdsCode.of("A81001")),
                Priority.ROUTINE, Referrals.CARDIOLOGY, "Chest pain on exertion", RequestType.APPOINTMENT, List.of(),
                NOW);
    }

    private long count(AggregateType<?, ?> type) {
        return storage.inTransaction(tx -> (long) tx.aggregates(type).query(Query.all()).size());
    }

    @Test
    void r2_aSecondPatientWithTheSameNhsNumberIsADuplicateKeyThatNamesTheColumnNotTheNumber() {
        storage.inTransaction(tx -> tx.aggregates(PatientStores.PATIENTS).insert(patient(NHS)));

        assertThatExceptionOfType(DuplicateKeyException.class)
                .isThrownBy(() -> storage.inTransaction(tx -> tx.aggregates(PatientStores.PATIENTS).insert(patient(NHS))))
                .withMessageContaining("patient nhs_number")
                .withMessageNotContaining(NHS);
        assertThat(count(PatientStores.PATIENTS)).isEqualTo(1);
    }

    @Test
    void r2_aDuplicateNhsNumberCaughtInsideTheUnitOfWorkLeavesTheTransactionUsable() {
        storage.inTransaction(tx -> tx.aggregates(PatientStores.PATIENTS).insert(patient(NHS)));
        Patient duplicate = patient(NHS);

        storage.inTransaction(tx -> {
            assertThatExceptionOfType(DuplicateKeyException.class)
                    .isThrownBy(() -> tx.aggregates(PatientStores.PATIENTS).insert(duplicate));
            return tx.aggregates(ReferralStores.REFERRALS).insert(referral(duplicate.id(), Ubrn.parse("123456789012")));
        });

        assertThat(count(PatientStores.PATIENTS)).isEqualTo(1);
        assertThat(count(ReferralStores.REFERRALS)).isEqualTo(1);
    }

    @Test
    void r2_changingAPatientsNhsNumberToOneAlreadyRegisteredIsADuplicateKeyAndChangesNothing() {
        Patient other = patient("9434765919");
        storage.inTransaction(tx -> tx.aggregates(PatientStores.PATIENTS).insert(patient(NHS)));
        storage.inTransaction(tx -> tx.aggregates(PatientStores.PATIENTS).insert(other));
        Patient clash = new Patient(other.id(), NhsNumber.parse(NHS), other.verification(), other.name(),
                other.dateOfBirth(), other.flags(), other.registeredPractice(), other.dateOfDeath());

        assertThatExceptionOfType(DuplicateKeyException.class)
                .isThrownBy(() -> storage.inTransaction(tx -> tx.aggregates(PatientStores.PATIENTS).update(clash, 1)))
                .withMessageContaining("patient nhs_number")
                .withMessageNotContaining(NHS);
        Versioned<Patient> stored = storage.inTransaction(tx -> tx.aggregates(PatientStores.PATIENTS).get(other.id()));
        assertThat(stored).isEqualTo(new Versioned<>(other, 1));
    }

    @Test
    void r4_aSecondReferralWithTheSameUbrnIsADuplicateKeyThatNamesTheColumnNotTheUbrn() {
        Referral first = referral(PatientId.random(), Ubrn.parse("123456789012"));
        storage.inTransaction(tx -> tx.aggregates(ReferralStores.REFERRALS).insert(first));

        assertThatExceptionOfType(DuplicateKeyException.class)
                .isThrownBy(() -> storage.inTransaction(tx -> tx.aggregates(ReferralStores.REFERRALS)
                        .insert(referral(PatientId.random(), first.ubrn()))))
                .withMessageContaining("referral ubrn")
                .withMessageNotContaining("123456789012");
        assertThat(count(ReferralStores.REFERRALS)).isEqualTo(1);
    }

    @Test
    void aSecondAggregateWithTheSameIdIsStillADuplicateOfTheId() {
        Patient p = patient(NHS);
        storage.inTransaction(tx -> tx.aggregates(PatientStores.PATIENTS).insert(p));

        assertThatExceptionOfType(DuplicateKeyException.class)
                .isThrownBy(() -> storage.inTransaction(tx -> tx.aggregates(PatientStores.PATIENTS).insert(p)))
                .withMessageContaining("patient id");
    }

    @Test
    void r2_whenTheServicesOwnCheckMissesAConcurrentRegistrationTheDatabaseRefusesItAsR2() {
        PersonalCare first = PersonalCare.builder().storage(storage).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        first.patients().register(GP, NhsNumber.parse(NHS), NhsNumberVerification.VERIFIED,
                new PersonName("Ada", "Lovelace"), LocalDate.of(1950, 12, 10), Set.of(), Optional.empty());
        // The second registration's check cannot see the first, as if it had not committed yet.
        PersonalCare racing = PersonalCare.builder().storage(new Blindfolded(storage, PatientStores.PATIENTS))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> racing.patients().register(GP, NhsNumber.parse(NHS), NhsNumberVerification.VERIFIED,
                        new PersonName("Ada", "Lovelace"), LocalDate.of(1950, 12, 10), Set.of(), Optional.empty()))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R2"))
                .withMessageNotContaining(NHS);
        assertThat(count(PatientStores.PATIENTS)).isEqualTo(1);
    }

    @Test
    void r4_whenTheServicesOwnCheckMissesAConcurrentDraftTheDatabaseRefusesTheUbrnAsR4() {
        Ubrn ubrn = Ubrn.parse("123456789012");
        PersonalCare first = PersonalCare.builder().storage(storage).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .serviceDirectory(Referrals.directory()).build();
        PatientId one = first.patients().register(GP, NhsNumber.parse(NHS), NhsNumberVerification.VERIFIED,
                new PersonName("Ada", "Lovelace"), LocalDate.of(1950, 12, 10), Set.of(), Optional.of(OdsCode.of("A81001"))).value().id();
        PatientId two = first.patients().register(GP, NhsNumber.parse("9434765919"), NhsNumberVerification.VERIFIED,
                new PersonName("Bo", "Lovelace"), LocalDate.of(1952, 1, 10), Set.of(), Optional.of(OdsCode.of("A81001"))).value().id();
        first.referrals().draft(GP, NewReferral.appointment(one, Priority.ROUTINE, Referrals.CARDIOLOGY,
                "Chest pain on exertion").withUbrn(ubrn));
        PersonalCare racing = PersonalCare.builder().storage(new Blindfolded(storage, ReferralStores.REFERRALS))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).serviceDirectory(Referrals.directory()).build();

        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> racing.referrals().draft(GP, NewReferral.appointment(two, Priority.ROUTINE,
                        Referrals.CARDIOLOGY, "Chest pain on exertion").withUbrn(ubrn)))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R4"))
                .withMessageNotContaining(ubrn.value());
        assertThat(count(ReferralStores.REFERRALS)).isEqualTo(1);
    }

    @Test
    void r2_sixteenConcurrentRegistrationsOfOneNhsNumberLeaveExactlyOnePatient() throws Exception {
        PersonalCare care = PersonalCare.builder().storage(storage).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                Callable<String> register = () -> {
                    start.await();
                    try {
                        care.patients().register(GP, NhsNumber.parse(NHS), NhsNumberVerification.VERIFIED,
                                new PersonName("Ada", "Lovelace"), LocalDate.of(1950, 12, 10), Set.of(),
                                Optional.empty());
                        return "registered";
                    } catch (RuleViolationException e) {
                        return e.rule();
                    }
                };
                outcomes.add(pool.submit(register));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> f : outcomes) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }

            assertThat(results).containsOnlyOnce("registered").filteredOn(r -> !r.equals("registered"))
                    .containsOnly("R2");
            assertThat(count(PatientStores.PATIENTS)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A storage whose queries on one aggregate type see nothing: a check that lost a race. */
    private static final class Blindfolded implements Storage {
        private final Storage storage;
        private final AggregateType<?, ?> hidden;

        Blindfolded(Storage storage, AggregateType<?, ?> hidden) {
            this.storage = storage;
            this.hidden = hidden;
        }

        @Override
        public <R> R inTransaction(UnitOfWork<R> work) {
            return storage.inTransaction(tx -> work.run(new Transaction() {
                @Override
                public <I extends RecordId, A> AggregateStore<I, A> aggregates(AggregateType<I, A> type) {
                    AggregateStore<I, A> store = tx.aggregates(type);
                    return type.equals(hidden) ? blind(store) : store;
                }

                @Override
                public <E> EntryLog<E> entries(EntryType<E> type) {
                    return tx.entries(type);
                }

                @Override
                public AuditTrail audit() {
                    return tx.audit();
                }

                @Override
                public Outbox outbox() {
                    return tx.outbox();
                }

                @Override
                public void lockPatient(PatientId patient) {
                    tx.lockPatient(patient);
                }
            }));
        }

        private static <I extends RecordId, A> AggregateStore<I, A> blind(AggregateStore<I, A> store) {
            return new AggregateStore<>() {
                @Override
                public Optional<Versioned<A>> find(I id) {
                    return store.find(id);
                }

                @Override
                public List<Versioned<A>> query(Query query) {
                    return List.of();
                }

                @Override
                public long insert(A aggregate) {
                    return store.insert(aggregate);
                }

                @Override
                public long update(A aggregate, long expectedVersion) {
                    return store.update(aggregate, expectedVersion);
                }

                @Override
                public AggregateType<I, A> type() {
                    return store.type();
                }
            };
        }
    }
}
