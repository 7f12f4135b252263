package io.github.personalcare.testkit;

import io.github.personalcare.identity.PatientId;
import io.github.personalcare.lang.VersionConflictException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** A stale expected version fails and changes nothing; concurrent writers never lose an update. */
public abstract class OptimisticVersionContract extends StorageContract {
    /** For the adapter's subclass, which supplies the storage under test. */
    protected OptimisticVersionContract() {
    }


    @Test
    void eachUpdateIncrementsTheVersion() {
        var record = SampleRecord.of(PatientId.random(), "OPEN");
        storage.inTransaction(tx -> tx.aggregates(SampleRecord.TYPE).insert(record));

        long v2 = storage.inTransaction(tx -> tx.aggregates(SampleRecord.TYPE).update(record.withStatus("A"), 1));
        long v3 = storage.inTransaction(tx -> tx.aggregates(SampleRecord.TYPE).update(record.withStatus("B"), 2));

        assertThat(v2).isEqualTo(2);
        assertThat(v3).isEqualTo(3);
        var stored = storage.inTransaction(tx -> tx.aggregates(SampleRecord.TYPE).get(record.id()));
        assertThat(stored.version()).isEqualTo(3);
        assertThat(stored.value().status()).isEqualTo("B");
    }

    @Test
    void aStaleVersionFailsWithBothVersionsAndChangesNothing() {
        var record = SampleRecord.of(PatientId.random(), "OPEN");
        storage.inTransaction(tx -> tx.aggregates(SampleRecord.TYPE).insert(record));
        storage.inTransaction(tx -> tx.aggregates(SampleRecord.TYPE).update(record.withStatus("A"), 1));

        assertThatExceptionOfType(VersionConflictException.class)
                .isThrownBy(() -> storage.inTransaction(tx -> tx.aggregates(SampleRecord.TYPE).update(record.withStatus("B"), 1)))
                .satisfies(e -> {
                    assertThat(e.expected()).isEqualTo(1);
                    assertThat(e.actual()).isEqualTo(2);
                });
        var stored = storage.inTransaction(tx -> tx.aggregates(SampleRecord.TYPE).get(record.id()));
        assertThat(stored.value().status()).isEqualTo("A");
        assertThat(stored.version()).isEqualTo(2);
    }

    @Test
    void aConflictRollsBackTheOtherWritesOfTheUnitOfWork() {
        var patient = PatientId.random();
        var record = SampleRecord.of(patient, "OPEN");
        storage.inTransaction(tx -> tx.aggregates(SampleRecord.TYPE).insert(record));
        storage.inTransaction(tx -> tx.aggregates(SampleRecord.TYPE).update(record.withStatus("A"), 1));

        assertThatExceptionOfType(VersionConflictException.class).isThrownBy(() -> storage.inTransaction(tx -> {
            tx.entries(SampleEntry.TYPE).append(new SampleEntry(record.id(), patient, "k", 1));
            return tx.aggregates(SampleRecord.TYPE).update(record.withStatus("B"), 1);
        }));
        var result1 = storage.inTransaction(tx -> tx.entries(SampleEntry.TYPE).byOwner(record.id()));
        assertThat(result1).isEmpty();
    }

    @Test
    void concurrentWritersOfOneVersionHaveExactlyOneWinner() throws Exception {
        var record = SampleRecord.of(PatientId.random(), "OPEN");
        storage.inTransaction(tx -> tx.aggregates(SampleRecord.TYPE).insert(record));
        int threads = 16;
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger wins = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String status = "T" + i;
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        storage.inTransaction(tx -> tx.aggregates(SampleRecord.TYPE).update(record.withStatus(status), 1));
                        wins.incrementAndGet();
                    } catch (VersionConflictException e) {
                        conflicts.incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(wins.get()).isEqualTo(1);
        assertThat(conflicts.get()).isEqualTo(threads - 1);
        var result2 = storage.inTransaction(tx -> tx.aggregates(SampleRecord.TYPE).get(record.id()).version());
        assertThat(result2).isEqualTo(2);
    }

    @Test
    void readModifyWriteWithRetryNeverLosesAnIncrement() throws Exception {
        var record = SampleRecord.of(PatientId.random(), "OPEN");
        storage.inTransaction(tx -> tx.aggregates(SampleRecord.TYPE).insert(record));
        int threads = 8;
        int perThread = 25;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int n = 0; n < perThread; n++) {
                        while (true) {
                            var current = storage.inTransaction(tx -> tx.aggregates(SampleRecord.TYPE).get(record.id()));
                            try {
                                storage.inTransaction(tx -> tx.aggregates(SampleRecord.TYPE)
                                        .update(current.value().withAmount(current.value().amount() + 1), current.version()));
                                break;
                            } catch (VersionConflictException retry) {
                                // another writer won this version: read again and retry
                            }
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        var stored = storage.inTransaction(tx -> tx.aggregates(SampleRecord.TYPE).get(record.id()));
        assertThat(stored.value().amount()).isEqualTo(threads * perThread);
        assertThat(stored.version()).isEqualTo(1 + threads * perThread);
    }
}
