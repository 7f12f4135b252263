package io.github.personalcare.record;

import io.github.personalcare.identity.PatientId;
import io.github.personalcare.spi.AggregateType;
import io.github.personalcare.spi.EntryType;
import io.github.personalcare.spi.Index;

import java.util.List;

/** How imported records' provenance is stored: storage adapters create these tables. */
public final class RecordStores {
    /** The provenance of each imported patient record, keyed by the patient's id. */
    public static final AggregateType<PatientId, RecordImport> IMPORTS = new AggregateType<>(
            "record_import", RecordImport.class, RecordImport::patient, RecordImport::patient,
            List.of(Index.text("source", RecordImport::source)));

    /** Audit records that came with imported records, owned by their patient, keyed by chain and place. */
    public static final EntryType<ImportedAuditEntry> FOREIGN_AUDIT = new EntryType<>(
            "imported_audit_entry", ImportedAuditEntry.class, ImportedAuditEntry::patient,
            ImportedAuditEntry::patient, ImportedAuditEntry::key);

    private RecordStores() {
    }
}
