package io.github.personalcare.testkit;

import io.github.personalcare.patient.PatientEvent;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.spi.OutboxEntry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Events are committed with their change, pending in order per patient, retried and set aside. */
public abstract class OutboxContract extends StorageContract {
    /** For the adapter's subclass, which supplies the storage under test. */
    protected OutboxContract() {
    }

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    /**
     * Whether the storage keeps delivered entries until {@link io.github.personalcare.spi.Outbox#purgeDelivered}
     * deletes them (a database does); storage that drops them on delivery overrides this with false.
     *
     * @return true unless the storage drops entries as they are delivered
     */
    protected boolean keepsDeliveredEntries() {
        return true;
    }

    private void deliverOldestOf(PatientId patient) {
        storage.inTransaction(tx -> {
            long seq = tx.outbox().pending(NOW, 100).stream().filter(e -> e.event().patient().equals(patient))
                    .findFirst().orElseThrow().sequence();
            tx.outbox().markDelivered(seq);
            return null;
        });
    }

    private PatientEvent.Registered event(PatientId p) {
        return new PatientEvent.Registered(UUID.randomUUID(), NOW, p);
    }

    @Test
    void publishedEventsArePendingInCommitOrder() {
        var a = PatientId.random();
        var b = PatientId.random();
        var first = event(a);
        var second = event(b);
        storage.inTransaction(tx -> {
            tx.outbox().publish(first);
            return null;
        });
        storage.inTransaction(tx -> {
            tx.outbox().publish(second);
            return null;
        });

        var pending = storage.inTransaction(tx -> tx.outbox().pending(NOW, 10));
        assertThat(pending).extracting(OutboxEntry::event).containsExactly(first, second);
        assertThat(pending.get(0).sequence()).isLessThan(pending.get(1).sequence());
    }

    @Test
    void deliveredEntriesAreNoLongerPending() {
        var a = PatientId.random();
        storage.inTransaction(tx -> {
            tx.outbox().publish(event(a));
            return null;
        });
        long seq = storage.inTransaction(tx -> tx.outbox().pending(NOW, 10).get(0).sequence());
        storage.inTransaction(tx -> {
            tx.outbox().markDelivered(seq);
            return null;
        });
        var result1 = storage.inTransaction(tx -> tx.outbox().pending(NOW, 10));
        assertThat(result1).isEmpty();
        var result2 = storage.inTransaction(tx -> tx.outbox().undelivered());
        assertThat(result2).isEmpty();
    }

    @Test
    void aFailedEntryWaitsAndBlocksLaterEventsOfThatPatientOnly() {
        var a = PatientId.random();
        var b = PatientId.random();
        var a1 = event(a);
        var a2 = event(a);
        var b1 = event(b);
        storage.inTransaction(tx -> {
            tx.outbox().publish(a1);
            tx.outbox().publish(a2);
            return null;
        });
        storage.inTransaction(tx -> {
            tx.outbox().publish(b1);
            return null;
        });
        long seqA1 = storage.inTransaction(tx -> tx.outbox().pending(NOW, 10).get(0).sequence());
        storage.inTransaction(tx -> {
            tx.outbox().markFailed(seqA1, "HTTP_503", NOW.plusSeconds(60));
            return null;
        });

        var result3 = storage.inTransaction(tx -> tx.outbox().pending(NOW, 10));
        assertThat(result3)
                .extracting(OutboxEntry::event).containsExactly(b1);
        var retried = storage.inTransaction(tx -> tx.outbox().pending(NOW.plusSeconds(60), 10));
        assertThat(retried).extracting(OutboxEntry::event).containsExactly(a1, b1);
        assertThat(retried.get(0).attempts()).isEqualTo(1);
        assertThat(retried.get(0).lastError()).contains("HTTP_503");
    }

    @Test
    void deadLettersAreSetAsideAndUnblockThePatient() {
        var a = PatientId.random();
        var a1 = event(a);
        var a2 = event(a);
        storage.inTransaction(tx -> {
            tx.outbox().publish(a1);
            tx.outbox().publish(a2);
            return null;
        });
        long seq = storage.inTransaction(tx -> tx.outbox().pending(NOW, 10).get(0).sequence());
        storage.inTransaction(tx -> {
            tx.outbox().moveToDeadLetters(seq, "POISON");
            return null;
        });

        var result4 = storage.inTransaction(tx -> tx.outbox().deadLetters());
        assertThat(result4).extracting(OutboxEntry::event).containsExactly(a1);
        var result5 = storage.inTransaction(tx -> tx.outbox().pending(NOW, 10));
        assertThat(result5).extracting(OutboxEntry::event).containsExactly(a2);
    }

    @Test
    void purgingDeletesDeliveredEntriesOnlyAndLeavesPendingEntriesAndDeadLettersAlone() {
        var a = PatientId.random();
        var b = PatientId.random();
        var c = PatientId.random();
        var c1 = event(c);
        var c2 = event(c);
        storage.inTransaction(tx -> {
            tx.outbox().publish(event(a));
            return null;
        });
        storage.inTransaction(tx -> {
            tx.outbox().publish(event(b));
            return null;
        });
        storage.inTransaction(tx -> {
            tx.outbox().publish(c1);
            tx.outbox().publish(c2);
            return null;
        });
        deliverOldestOf(a);
        deliverOldestOf(b);
        long poison = storage.inTransaction(tx -> tx.outbox().pending(NOW, 10)).stream()
                .filter(e -> e.event().equals(c1)).findFirst().orElseThrow().sequence();
        storage.inTransaction(tx -> {
            tx.outbox().moveToDeadLetters(poison, "POISON");
            return null;
        });

        int purged = storage.inTransaction(tx -> tx.outbox().purgeDelivered(100));

        assertThat(purged).isEqualTo(keepsDeliveredEntries() ? 2 : 0);
        int again = storage.inTransaction(tx -> tx.outbox().purgeDelivered(100));
        assertThat(again).isZero();
        List<OutboxEntry> undelivered = storage.inTransaction(tx -> tx.outbox().undelivered());
        List<OutboxEntry> pending = storage.inTransaction(tx -> tx.outbox().pending(NOW, 10));
        List<OutboxEntry> deadLetters = storage.inTransaction(tx -> tx.outbox().deadLetters());
        assertThat(undelivered).extracting(OutboxEntry::event).containsExactly(c2);
        assertThat(pending).extracting(OutboxEntry::event).containsExactly(c2);
        assertThat(deadLetters).extracting(OutboxEntry::event).containsExactly(c1);
    }

    @Test
    void purgingDeletesAtMostTheLimitOldestFirst() {
        var patients = List.of(PatientId.random(), PatientId.random(), PatientId.random());
        for (PatientId p : patients) {
            storage.inTransaction(tx -> {
                tx.outbox().publish(event(p));
                return null;
            });
            deliverOldestOf(p);
        }
        int expected = keepsDeliveredEntries() ? 2 : 0;

        int first = storage.inTransaction(tx -> tx.outbox().purgeDelivered(2));
        int second = storage.inTransaction(tx -> tx.outbox().purgeDelivered(2));
        int third = storage.inTransaction(tx -> tx.outbox().purgeDelivered(2));
        assertThat(first).isEqualTo(expected);
        assertThat(second).isEqualTo(keepsDeliveredEntries() ? 1 : 0);
        assertThat(third).isZero();
    }
}
