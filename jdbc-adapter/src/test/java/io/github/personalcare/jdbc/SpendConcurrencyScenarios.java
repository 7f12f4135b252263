package io.github.personalcare.jdbc;

import io.github.personalcare.identity.PatientId;
import io.github.personalcare.lang.VersionConflictException;
import io.github.personalcare.testkit.SampleEntry;
import io.github.personalcare.testkit.SampleRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sixteen threads spend from one balance until it is exhausted, at the storage level: the balance
 * lives in a SampleRecord and each spend is a SampleEntry; the unit of work checks the balance,
 * updates the record at the version it read and appends the entry, so a stale balance is a version
 * conflict, never an overspend. The same race through the real {@code BudgetService} is the
 * testkit's {@code BudgetStorageContract} (run here on H2 and PostgreSQL).
 */
abstract class SpendConcurrencyScenarios {
    private static final long ALLOCATED = 1_000;
    private static final long SPEND = 7;

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

    /** Spends once; true if spent, false if the balance is too low. Retries on version conflicts. */
    private boolean spend(SampleRecord.Id budget, PatientId patient, String key, AtomicInteger conflicts) {
        while (true) {
            try {
                return storage.inTransaction(tx -> {
                    var budgets = tx.aggregates(SampleRecord.TYPE);
                    var current = budgets.get(budget);
                    if (current.value().amount() < SPEND) {
                        return false;
                    }
                    budgets.update(current.value().withAmount(current.value().amount() - SPEND), current.version());
                    tx.entries(SampleEntry.TYPE).append(new SampleEntry(budget, patient, key, SPEND));
                    return true;
                });
            } catch (VersionConflictException e) {
                conflicts.incrementAndGet();
            }
        }
    }

    @Test
    void sixteenThreadsSpendingUntilExhaustedNeverOverspendAndLoseNoSpend() throws Exception {
        var patient = PatientId.random();
        var budget = SampleRecord.of(patient, "ACTIVE").withAmount(ALLOCATED);
        storage.inTransaction(tx -> tx.aggregates(SampleRecord.TYPE).insert(budget));
        int threads = 16;
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger conflicts = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    while (true) {
                        String key = UUID.randomUUID().toString();
                        if (!spend(budget.id(), patient, key, conflicts)) {
                            return null;
                        }
                        acknowledged.add(key);
                    }
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        var stored = storage.inTransaction(tx -> tx.aggregates(SampleRecord.TYPE).get(budget.id()));
        var ledger = storage.inTransaction(tx -> tx.entries(SampleEntry.TYPE).byOwner(budget.id()));
        long balance = stored.value().amount();
        long spent = ledger.stream().mapToLong(SampleEntry::amount).sum();
        assertThat(balance).as("zero overspend").isBetween(0L, SPEND - 1);
        assertThat(spent).as("the ledger accounts for every penny").isEqualTo(ALLOCATED - balance);
        assertThat(ledger).extracting(SampleEntry::key).as("zero lost spends, none invented")
                .containsExactlyInAnyOrderElementsOf(acknowledged);
        assertThat(stored.version()).isEqualTo(1 + ledger.size());
        System.out.printf("%s: %d spends, %d version conflicts retried%n", getClass().getSimpleName(), ledger.size(),
                conflicts.get());
    }
}
