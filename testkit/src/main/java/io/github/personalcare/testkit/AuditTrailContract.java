package io.github.personalcare.testkit;

import io.github.personalcare.audit.AuditKey;
import io.github.personalcare.audit.AuditKeys;
import io.github.personalcare.audit.AuditChain;
import io.github.personalcare.audit.AuditRecord;
import io.github.personalcare.audit.AuditVerification;
import io.github.personalcare.identity.PatientId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit trail is append-only and hash-chained per patient, with the head kept apart (R50). */
public abstract class AuditTrailContract extends StorageContract {
    /** For the adapter's subclass, which supplies the storage under test. */
    protected AuditTrailContract() {
    }


    @Test
    void appendedEventsFormAVerifiableChainPerPatient() {
        var a = PatientId.random();
        var b = PatientId.random();
        storage.inTransaction(tx -> tx.audit().append(TransactionContract.auditFor(a, "one"), AuditKey.UNKEYED));
        storage.inTransaction(tx -> tx.audit().append(TransactionContract.auditFor(b, "one"), AuditKey.UNKEYED));
        storage.inTransaction(tx -> {
            tx.audit().append(TransactionContract.auditFor(a, "two"), AuditKey.UNKEYED);
            return tx.audit().append(TransactionContract.auditFor(a, "three"), AuditKey.UNKEYED);
        });
        storage.inTransaction(tx -> tx.audit().append(TransactionContract.auditFor(null, "system"), AuditKey.UNKEYED));

        storage.inTransaction(tx -> {
            List<AuditRecord> chain = tx.audit().forPatient(a);
            assertThat(chain).extracting(r -> r.event().action()).containsExactly("one", "two", "three");
            assertThat(chain).extracting(AuditRecord::sequence).containsExactly(1L, 2L, 3L);
            assertThat(chain.get(0).previousHash()).isEqualTo(AuditChain.GENESIS);
            assertThat(chain.get(1).previousHash()).isEqualTo(chain.get(0).hash());
            assertThat(tx.audit().head(a.value().toString())).contains(chain.get(2));
            assertThat(tx.audit().chain(AuditChain.SYSTEM_CHAIN)).hasSize(1);
            assertThat(tx.audit().verify(AuditKeys.unkeyed())).isEqualTo(new AuditVerification.Intact(5));
            return null;
        });
    }

    @Test
    void storedHashesAreTheCanonicalOnes() {
        var a = PatientId.random();
        var event = TransactionContract.auditFor(a, "one");
        var stored = storage.inTransaction(tx -> {
            tx.audit().append(event, AuditKey.UNKEYED);
            return null;
        });
        assertThat(stored).isNull();
        var record = storage.inTransaction(tx -> tx.audit().forPatient(a).get(0));
        assertThat(record.event()).isEqualTo(event);
        assertThat(record.keyId()).isEqualTo(AuditKey.UNKEYED_ID);
        assertThat(record.hash()).isEqualTo(AuditChain.hash(AuditKey.UNKEYED, a.value().toString(), 1,
                AuditChain.GENESIS, event));
    }

    @Test
    void concurrentAppendsToOneChainKeepItIntact() throws Exception {
        var a = PatientId.random();
        int threads = 8;
        int perThread = 10;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int n = 0; n < perThread; n++) {
                        storage.inTransaction(tx -> tx.audit().append(TransactionContract.auditFor(a, "concurrent"), AuditKey.UNKEYED));
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
        storage.inTransaction(tx -> {
            assertThat(tx.audit().forPatient(a)).hasSize(threads * perThread);
            assertThat(tx.audit().verify(AuditKeys.unkeyed()).isIntact()).isTrue();
            return null;
        });
    }

    @Test
    @DisplayName("R50: verify beside 8 writers sees one consistent snapshot and never reports a break that did not happen")
    void verifyBesideEightWritersRaisesNoFalseAlarm() throws Exception {
        int writers = 8;
        int perWriter = 25;
        List<PatientId> patients = List.of(PatientId.random(), PatientId.random(), PatientId.random());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<AuditVerification> seen = new ArrayList<>();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                PatientId patient = patients.get(i % patients.size());
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int n = 0; n < perWriter; n++) {
                        storage.inTransaction(tx -> tx.audit().append(TransactionContract.auditFor(patient, "write"), AuditKey.UNKEYED));
                    }
                    return null;
                }));
            }
            start.countDown();
            while (futures.stream().anyMatch(f -> !f.isDone()) && seen.size() < 200) {
                seen.add(storage.inTransaction(tx -> tx.audit().verify(AuditKeys.unkeyed())));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        seen.add(storage.inTransaction(tx -> tx.audit().verify(AuditKeys.unkeyed())));
        assertThat(seen).allMatch(AuditVerification::isIntact);
        assertThat(seen.get(seen.size() - 1)).isEqualTo(new AuditVerification.Intact((long) writers * perWriter));
    }
}
