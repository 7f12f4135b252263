package io.github.personalcare.record;

import io.github.personalcare.identity.PatientId;
import io.github.personalcare.internal.check.Require;

import java.time.Instant;

/**
 * The provenance of a patient record stored by {@link RecordImportService}: where it came from,
 * when and by whom it was imported, how much it held, and whether the audit trail it brought
 * verified as a chain. One per imported patient; its presence makes a second import of the same
 * patient a no-op ({@link ImportOutcome.AlreadyImported}).
 *
 * @param patient             the imported patient
 * @param source              the system the record came from, as the importer names it (not personal)
 * @param importedAt          when it was stored
 * @param importedBy          the non-personal reference of the actor who imported it
 * @param resources           how many items the record held (patient, teams, plans, budgets, ledger
 *                            entries, referrals, consents)
 * @param foreignAuditRecords how many audit records it brought, kept as provenance
 * @param foreignChainIntact  whether those records verified as a hash chain when imported
 */
public record RecordImport(PatientId patient, String source, Instant importedAt, String importedBy, int resources,
        int foreignAuditRecords, boolean foreignChainIntact) {
    /**
     * Checks the provenance: every reference is required, counts are not negative.
     *
     * @param patient             the imported patient
     * @param source              the system the record came from
     * @param importedAt          when it was stored
     * @param importedBy          who imported it
     * @param resources           how many items the record held
     * @param foreignAuditRecords how many audit records it brought
     * @param foreignChainIntact  whether they verified as a chain
     * @throws io.github.personalcare.lang.InvalidInputException naming the component that is wrong
     */
    public RecordImport {
        Require.present("patient", patient);
        Require.text("source", source, Require.SHORT_TEXT);
        Require.present("importedAt", importedAt);
        Require.text("importedBy", importedBy, Require.SHORT_TEXT);
        if (resources < 1) {
            throw new io.github.personalcare.lang.InvalidInputException("resources", "RANGE",
                    "a record holds at least its patient");
        }
        if (foreignAuditRecords < 0) {
            throw new io.github.personalcare.lang.InvalidInputException("foreignAuditRecords", "RANGE",
                    "must not be negative");
        }
    }
}
