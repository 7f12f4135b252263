package io.github.personalcare.testkit;

import io.github.personalcare.audit.AuditKey;
import io.github.personalcare.lang.NotFoundException;
import io.github.personalcare.audit.AuditEvent;
import io.github.personalcare.audit.AuditOutcome;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.patient.PatientEvent;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.spi.DuplicateKeyException;
import io.github.personalcare.spi.StorageException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Units of work commit everything or nothing; writes concern one patient per transaction. */
public abstract class TransactionContract extends StorageContract {
    /** For the adapter's subclass, which supplies the storage under test. */
    protected TransactionContract() {
    }


    static AuditEvent auditFor(PatientId patient, String action) {
        return new AuditEvent(UUID.randomUUID(), Instant.parse("2026-01-01T10:00:00Z"), "system:contract",
                Purpose.ADMINISTRATION, action, Optional.ofNullable(patient), Optional.empty(), AuditOutcome.SUCCESS,
                "TEST", Optional.empty(), "corr-1");
    }

    @Test
    void committedWritesAreVisibleToLaterTransactions() {
        var record = SampleRecord.of(PatientId.random(), "OPEN");
        storage.inTransaction(tx -> tx.aggregates(SampleRecord.TYPE).insert(record));

        var found = storage.inTransaction(tx -> tx.aggregates(SampleRecord.TYPE).find(record.id()));

        assertThat(found).hasValueSatisfying(v -> {
            assertThat(v.value()).isEqualTo(record);
            assertThat(v.version()).isEqualTo(1);
        });
    }

    @Test
    void writesAreVisibleInsideTheirOwnTransaction() {
        var record = SampleRecord.of(PatientId.random(), "OPEN");
        boolean seen = storage.inTransaction(tx -> {
            tx.aggregates(SampleRecord.TYPE).insert(record);
            return tx.aggregates(SampleRecord.TYPE).find(record.id()).isPresent();
        });
        assertThat(seen).isTrue();
    }

    @Test
    void aFailedUnitOfWorkLeavesNoTrace() {
        var patient = PatientId.random();
        var record = SampleRecord.of(patient, "OPEN");

        assertThatThrownBy(() -> storage.inTransaction(tx -> {
            tx.aggregates(SampleRecord.TYPE).insert(record);
            tx.entries(SampleEntry.TYPE).append(new SampleEntry(record.id(), patient, "k1", 10));
            tx.audit().append(auditFor(patient, "contract.write"), AuditKey.UNKEYED);
            tx.outbox().publish(new PatientEvent.Registered(UUID.randomUUID(), Instant.EPOCH, patient));
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");

        storage.inTransaction(tx -> {
            assertThat(tx.aggregates(SampleRecord.TYPE).find(record.id())).isEmpty();
            assertThat(tx.entries(SampleEntry.TYPE).byOwner(record.id())).isEmpty();
            assertThat(tx.audit().forPatient(patient)).isEmpty();
            assertThat(tx.outbox().undelivered()).isEmpty();
            return null;
        });
    }

    @Test
    void aPatientLockKeepsAnyOtherTransactionLockingThatPatientWaitingUntilItEnds() throws Exception {
        var patient = PatientId.random();
        CountDownLatch firstHoldsTheLock = new CountDownLatch(1);
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = pool.submit(() -> storage.inTransaction(tx -> {
                tx.lockPatient(patient);
                firstHoldsTheLock.countDown();
                pause(300); // time for the second transaction to ask for the lock
                order.add("first ends");
                return null;
            }));
            assertThat(firstHoldsTheLock.await(30, TimeUnit.SECONDS)).isTrue();
            Future<?> second = pool.submit(() -> storage.inTransaction(tx -> {
                tx.lockPatient(patient);
                order.add("second holds the lock");
                return null;
            }));
            first.get(30, TimeUnit.SECONDS);
            second.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(order).containsExactly("first ends", "second holds the lock");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theResultOfTheUnitOfWorkIsReturned() {
        var result1 = storage.inTransaction(tx -> 42);
        assertThat(result1).isEqualTo(42);
    }

    @Test
    void insertingTheSameIdTwiceIsADuplicate() {
        var record = SampleRecord.of(PatientId.random(), "OPEN");
        storage.inTransaction(tx -> tx.aggregates(SampleRecord.TYPE).insert(record));

        assertThatExceptionOfType(DuplicateKeyException.class)
                .isThrownBy(() -> storage.inTransaction(tx -> tx.aggregates(SampleRecord.TYPE).insert(record)));
    }

    @Test
    void updatingAMissingAggregateIsNotFound() {
        var record = SampleRecord.of(PatientId.random(), "OPEN");
        assertThatExceptionOfType(NotFoundException.class)
                .isThrownBy(() -> storage.inTransaction(tx -> tx.aggregates(SampleRecord.TYPE).update(record, 1)));
    }

    @Test
    void getOfAMissingAggregateIsNotFound() {
        assertThatExceptionOfType(NotFoundException.class)
                .isThrownBy(() -> storage.inTransaction(tx -> tx.aggregates(SampleRecord.TYPE).get(SampleRecord.Id.random())));
    }

    @Test
    void aTransactionMayNotWriteTwoPatients() {
        var first = SampleRecord.of(PatientId.random(), "OPEN");
        var second = SampleRecord.of(PatientId.random(), "OPEN");

        assertThatExceptionOfType(StorageException.class)
                .isThrownBy(() -> storage.inTransaction(tx -> {
                    tx.aggregates(SampleRecord.TYPE).insert(first);
                    return tx.aggregates(SampleRecord.TYPE).insert(second);
                }))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("ONE_PATIENT"));
        storage.inTransaction(tx -> {
            assertThat(tx.aggregates(SampleRecord.TYPE).find(first.id())).isEmpty();
            return null;
        });
    }

    @Test
    void anAggregateCannotMoveToAnotherPatient() {
        var record = SampleRecord.of(PatientId.random(), "OPEN");
        storage.inTransaction(tx -> tx.aggregates(SampleRecord.TYPE).insert(record));
        var moved = new SampleRecord(record.id(), PatientId.random(), "OPEN", Optional.empty(), 0, false, "");

        assertThatExceptionOfType(StorageException.class)
                .isThrownBy(() -> storage.inTransaction(tx -> tx.aggregates(SampleRecord.TYPE).update(moved, 1)));
    }

    @Test
    void textWithQuotesSqlAndUnicodeRoundTripsAsData() {
        String nasty = "O'Brien \"quoted\" '); DROP TABLE sample_record; -- \u00e9\u4e2d\ud83d\ude00 \\ %_"
                + "x".repeat(50_000);
        var record = SampleRecord.of(PatientId.random(), "OPEN").withText(nasty);
        storage.inTransaction(tx -> tx.aggregates(SampleRecord.TYPE).insert(record));

        var found = storage.inTransaction(tx -> tx.aggregates(SampleRecord.TYPE).get(record.id()).value());
        assertThat(found.text()).isEqualTo(nasty);
    }
}
