package io.github.personalcare.record;

import io.github.personalcare.audit.AuditRecord;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;

/**
 * One audit record that came with an imported patient record, kept as it arrived (with the
 * source's own hashes) as provenance of its own. It is never re-hashed into the SDK's chain: the
 * SDK's trail records only what happened in the SDK, starting with the import itself.
 *
 * @param patient the patient the record concerns
 * @param source  the system it came from
 * @param record  the foreign audit record, unchanged
 */
public record ImportedAuditEntry(PatientId patient, String source, AuditRecord record) {
    /**
     * Checks the entry: all parts required, and the foreign record concerns the patient.
     *
     * @param patient the patient the record concerns
     * @param source  the system it came from
     * @param record  the foreign audit record
     * @throws InvalidInputException naming the part that is missing or wrong ({@code ONE_PATIENT})
     */
    public ImportedAuditEntry {
        Require.present("patient", patient);
        Require.text("source", source, Require.SHORT_TEXT);
        Require.present("record", record);
        if (!record.event().patient().map(patient::equals).orElse(false)) {
            throw new InvalidInputException("record", "ONE_PATIENT", "the audit record must concern the patient");
        }
    }

    /** {@return the entry's key, unique per patient: the foreign chain and the record's place in it} */
    public String key() {
        return record.sequence() + "@" + record.chain();
    }
}
