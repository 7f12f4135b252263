-- The bulk path in (care.imports()): the provenance of each imported patient record, and the
-- audit records that came with it, kept apart from the SDK's own hash chain. As
-- SchemaDefinitions.ddl writes them (SchemaDefinitionsTest checks they stay the same).
CREATE TABLE record_import (
    id uuid PRIMARY KEY,
    patient_id uuid NOT NULL,
    version BIGINT NOT NULL,
    doc jsonb NOT NULL,
    source text COLLATE "C"
);
CREATE INDEX record_import_patient_idx ON record_import (patient_id);
CREATE INDEX record_import_source_idx ON record_import (source);
CREATE TABLE imported_audit_entry (
    owner_id uuid NOT NULL,
    patient_id uuid NOT NULL,
    seq BIGINT NOT NULL,
    idempotency_key text COLLATE "C" NOT NULL,
    doc jsonb NOT NULL,
    PRIMARY KEY (owner_id, seq),
    CONSTRAINT imported_audit_entry_idempotency_key_idx UNIQUE (owner_id, idempotency_key)
);
CREATE INDEX imported_audit_entry_patient_idx ON imported_audit_entry (patient_id);
