-- The bulk path in (care.imports()): the provenance of each imported patient record, and the
-- audit records that came with it, kept apart from the SDK's own hash chain. As
-- SchemaDefinitions.ddl writes them (SchemaDefinitionsTest checks they stay the same).
CREATE TABLE record_import (
    id UUID PRIMARY KEY,
    patient_id UUID NOT NULL,
    version BIGINT NOT NULL,
    doc CHARACTER LARGE OBJECT NOT NULL,
    source CHARACTER VARYING
);
CREATE INDEX record_import_patient_idx ON record_import (patient_id);
CREATE INDEX record_import_source_idx ON record_import (source);
CREATE TABLE imported_audit_entry (
    owner_id UUID NOT NULL,
    patient_id UUID NOT NULL,
    seq BIGINT NOT NULL,
    idempotency_key CHARACTER VARYING NOT NULL,
    doc CHARACTER LARGE OBJECT NOT NULL,
    PRIMARY KEY (owner_id, seq),
    CONSTRAINT imported_audit_entry_idempotency_key_idx UNIQUE (owner_id, idempotency_key)
);
CREATE INDEX imported_audit_entry_patient_idx ON imported_audit_entry (patient_id);
