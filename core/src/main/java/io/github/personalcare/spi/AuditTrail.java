package io.github.personalcare.spi;

import io.github.personalcare.audit.AuditChain;
import io.github.personalcare.audit.AuditEvent;
import io.github.personalcare.audit.AuditRecord;
import io.github.personalcare.audit.AuditVerification;
import io.github.personalcare.identity.PatientId;

import java.util.List;
import java.util.Optional;

/**
 * The append-only, hash-chained audit trail inside a {@link Transaction} (R50). Implementations
 * link each event with {@link AuditChain#link} to the head of its chain, serialising appends per
 * chain, and keep the head apart from the records.
 */
public interface AuditTrail {

    /**
     * Appends an event to its chain; part of the enclosing transaction.
     *
     * @param event the event; its {@code chain()} names the chain
     * @return the stored record, linked to the chain's previous head
     */
    AuditRecord append(AuditEvent event);

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
     * @return the first break found, or intact with the number of records checked
     */
    default AuditVerification verify() {
        long checked = 0;
        for (String c : chains()) {
            AuditVerification v = AuditChain.verify(c, chain(c), head(c));
            if (v instanceof AuditVerification.Intact i) {
                checked += i.recordsChecked();
            } else {
                return v;
            }
        }
        return new AuditVerification.Intact(checked);
    }
}
