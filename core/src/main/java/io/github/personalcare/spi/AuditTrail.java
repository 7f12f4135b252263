package io.github.personalcare.spi;

import io.github.personalcare.audit.AuditChain;
import io.github.personalcare.audit.AuditEvent;
import io.github.personalcare.audit.AuditKey;
import io.github.personalcare.audit.AuditKeys;
import io.github.personalcare.audit.AuditRecord;
import io.github.personalcare.audit.AuditVerification;
import io.github.personalcare.identity.PatientId;

import java.util.List;
import java.util.Optional;

/**
 * The append-only, hash-chained audit trail inside a {@link Transaction} (R50). Implementations
 * link each event with {@link AuditChain#link(Optional, AuditEvent, AuditKey)} to the head of its
 * chain, serialising appends per chain, keep the head apart from the records, and store every
 * field of the record, including its key id. The keys come from the caller and are never stored.
 */
public interface AuditTrail {

    /**
     * Appends an event to its chain; part of the enclosing transaction.
     *
     * @param event the event; its {@code chain()} names the chain
     * @param key   the key that seals the record ({@link AuditKey#UNKEYED} for plain SHA-256)
     * @return the stored record, linked to the chain's previous head
     */
    AuditRecord append(AuditEvent event, AuditKey key);

    /**
     * The records of one chain in sequence order.
     *
     * @param chain the chain's key: a patient id, or {@link AuditChain#SYSTEM_CHAIN}
     * @return the chain's records, oldest first
     */
    List<AuditRecord> chain(String chain);

    /**
     * The head of a chain as separately recorded, if the chain has records.
     *
     * @param chain the chain's key
     * @return the head, or empty if the chain has no records
     */
    Optional<AuditRecord> head(String chain);

    /** {@return the keys of every chain} */
    List<String> chains();

    /**
     * The patient's records in sequence order.
     *
     * @param patient the patient
     * @return the records of the patient's chain, oldest first
     */
    default List<AuditRecord> forPatient(PatientId patient) {
        return chain(patient.value().toString());
    }

    /**
     * Checks every chain (R50).
     *
     * @param keys the keys records may be sealed with
     * @return the first break found, or intact with the number of records checked
     */
    default AuditVerification verify(AuditKeys keys) {
        long checked = 0;
        for (String c : chains()) {
            AuditVerification v = AuditChain.verify(c, chain(c), head(c), keys);
            if (v instanceof AuditVerification.Intact i) {
                checked += i.recordsChecked();
            } else {
                return v;
            }
        }
        return new AuditVerification.Intact(checked);
    }
}
