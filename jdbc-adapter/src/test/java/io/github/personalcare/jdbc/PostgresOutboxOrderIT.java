package io.github.personalcare.jdbc;

import io.github.personalcare.patient.PatientEvent;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.spi.OutboxEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A later transaction of the same patient cannot commit its outbox event while an earlier one,
 * which drew a lower sequence, is still open: otherwise a relay could deliver the later event first.
 */
class PostgresOutboxOrderIT {
    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    private TestDatabases.TestStorage storage;

    @BeforeEach
    void openStorage() {
        storage = TestDatabases.postgres();
    }

    @AfterEach
    void closeStorage() {
        storage.close();
    }

    private boolean someoneWaitsOnALock() throws SQLException {
        try (var c = storage.dataSource.getConnection(); var st = c.createStatement();
                var rs = st.executeQuery("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                        + "AND datname = current_database() AND query LIKE '%audit_chain_head%'")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    @Test
    void aPatientsEventsReachPendingInCommitOrderEvenWhenTransactionsOverlap() throws Exception {
        var patient = PatientId.random();
        var first = new PatientEvent.Updated(UUID.randomUUID(), NOW, patient);
        var second = new PatientEvent.Updated(UUID.randomUUID(), NOW, patient);
        CountDownLatch firstPublished = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);

        CompletableFuture<Void> earlier = CompletableFuture.runAsync(() -> storage.inTransaction(tx -> {
            tx.outbox().publish(first);
            firstPublished.countDown();
            try {
                releaseFirst.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        firstPublished.await();
        CompletableFuture<Void> later = CompletableFuture.runAsync(() -> storage.inTransaction(tx -> {
            tx.outbox().publish(second);
            return null;
        }));
        while (!later.isDone() && !someoneWaitsOnALock()) {
            Thread.onSpinWait();
        }

        boolean laterCommittedFirst = later.isDone();
        List<OutboxEntry> whileFirstIsOpen = storage.inTransaction(tx -> tx.outbox().pending(NOW, 10));
        releaseFirst.countDown();
        earlier.get();
        later.get();

        assertThat(laterCommittedFirst).as("the later publish waited for the earlier transaction").isFalse();
        assertThat(whileFirstIsOpen).isEmpty();
        var all = storage.inTransaction(tx -> tx.outbox().undelivered());
        assertThat(all).extracting(OutboxEntry::event).containsExactly(first, second);
    }
}
