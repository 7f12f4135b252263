package io.github.personalcare.store.memory;

import io.github.personalcare.access.Purpose;
import io.github.personalcare.audit.AuditEvent;
import io.github.personalcare.audit.AuditOutcome;
import io.github.personalcare.audit.AuditRecord;
import io.github.personalcare.identity.PatientId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("R50 tampering with the in-memory audit trail is detected by verify()")
class InMemoryAuditTamperTest {
    private final InMemoryStorage storage = new InMemoryStorage();
    private final PatientId patient = PatientId.random();

    private void append(int n) {
        for (int i = 0; i < n; i++) {
            storage.inTransaction(tx -> tx.audit().append(new AuditEvent(UUID.randomUUID(), Instant.EPOCH,
                    "system:test", Purpose.AUDIT, "a", Optional.of(patient), Optional.empty(), AuditOutcome.PERMIT,
                    "", Optional.empty(), "c"), io.github.personalcare.audit.AuditKey.UNKEYED));
        }
    }

    @Test
    void removingAStoredRecordIsDetected() {
        append(3);
        storage.rawChain(patient.value().toString()).remove(1);
        assertThat(storage.inTransaction(tx -> tx.audit().verify(io.github.personalcare.audit.AuditKeys.unkeyed())).isIntact()).isFalse();
    }

    @Test
    void removingTheNewestStoredRecordIsDetected() {
        append(3);
        storage.rawChain(patient.value().toString()).remove(2);
        assertThat(storage.inTransaction(tx -> tx.audit().verify(io.github.personalcare.audit.AuditKeys.unkeyed())).isIntact()).isFalse();
    }

    @Test
    void editingAStoredRecordIsDetected() {
        append(3);
        var raw = storage.rawChain(patient.value().toString());
        AuditRecord r = raw.get(0);
        AuditEvent e = r.event();
        raw.set(0, new AuditRecord(r.chain(), r.sequence(), new AuditEvent(e.id(), e.at(), "system:someone-else",
                e.purpose(), e.action(), e.patient(), e.subject(), e.outcome(), e.rule(), e.reason(),
                e.correlationId()), r.previousHash(), r.hash()));
        assertThat(storage.inTransaction(tx -> tx.audit().verify(io.github.personalcare.audit.AuditKeys.unkeyed())).isIntact()).isFalse();
    }

    @Test
    void aNestedTransactionIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> storage.inTransaction(tx ->
                storage.inTransaction(inner -> 1))).isInstanceOf(io.github.personalcare.spi.StorageException.class);
    }
}
