-- Tables of the testkit's SampleRecord.TYPE and SampleEntry.TYPE, for the contract suite only.
-- Written by SchemaDefinitions.ddl; SchemaDefinitionsTest checks they stay the same.
CREATE TABLE sample_record (
    id uuid PRIMARY KEY,
    patient_id uuid NOT NULL,
    version BIGINT NOT NULL,
    doc jsonb NOT NULL,
    status text COLLATE "C",
    due DATE,
    amount BIGINT,
    flagged BOOLEAN
);
CREATE INDEX sample_record_patient_idx ON sample_record (patient_id);
CREATE INDEX sample_record_status_idx ON sample_record (status);
CREATE INDEX sample_record_due_idx ON sample_record (due);
CREATE INDEX sample_record_amount_idx ON sample_record (amount);
CREATE INDEX sample_record_flagged_idx ON sample_record (flagged);
CREATE TABLE sample_entry (
    owner_id uuid NOT NULL,
    patient_id uuid NOT NULL,
    seq BIGINT NOT NULL,
    idempotency_key text COLLATE "C" NOT NULL,
    doc jsonb NOT NULL,
    PRIMARY KEY (owner_id, seq),
    CONSTRAINT sample_entry_idempotency_key_idx UNIQUE (owner_id, idempotency_key)
);
CREATE INDEX sample_entry_patient_idx ON sample_entry (patient_id);
