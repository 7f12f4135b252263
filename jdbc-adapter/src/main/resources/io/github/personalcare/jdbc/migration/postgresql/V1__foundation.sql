-- Foundation schema of the Personal Care SDK on PostgreSQL: the hash-chained audit trail, the
-- transactional outbox and patients. Every table carries the patient's id (null only for audit
-- records of the system chain), so the data can be distributed by patient.

CREATE TABLE audit (
    chain VARCHAR(64) NOT NULL,
    seq BIGINT NOT NULL,
    patient_id uuid,
    event_id uuid NOT NULL,
    occurred_at timestamptz NOT NULL,
    action VARCHAR(200) NOT NULL,
    outcome VARCHAR(16) NOT NULL,
    doc jsonb NOT NULL,
    previous_hash CHAR(64) NOT NULL,
    hash CHAR(64) NOT NULL,
    PRIMARY KEY (chain, seq)
);
CREATE INDEX audit_patient_idx ON audit (patient_id);

-- The head of each chain, kept apart from the records; its row lock serialises a patient's writes.
CREATE TABLE audit_chain_head (
    chain VARCHAR(64) PRIMARY KEY,
    patient_id uuid,
    seq BIGINT NOT NULL,
    hash CHAR(64) NOT NULL
);

CREATE TABLE outbox (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    patient_id uuid NOT NULL,
    event_id uuid NOT NULL,
    event_type VARCHAR(100) NOT NULL,
    doc jsonb NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at timestamptz NOT NULL,
    last_error VARCHAR(100),
    delivered BOOLEAN NOT NULL
);
CREATE INDEX outbox_undelivered_idx ON outbox (patient_id, seq) WHERE NOT delivered;
CREATE INDEX outbox_due_idx ON outbox (seq) WHERE NOT delivered;

CREATE TABLE outbox_dead_letter (
    seq BIGINT PRIMARY KEY,
    patient_id uuid NOT NULL,
    event_id uuid NOT NULL,
    event_type VARCHAR(100) NOT NULL,
    doc jsonb NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at timestamptz NOT NULL,
    last_error VARCHAR(100) NOT NULL
);
CREATE INDEX outbox_dead_letter_patient_idx ON outbox_dead_letter (patient_id);

-- Patients (PatientStores.PATIENTS), as SchemaDefinitions.ddl writes it.
CREATE TABLE patient (
    id uuid PRIMARY KEY,
    patient_id uuid NOT NULL,
    version BIGINT NOT NULL,
    doc jsonb NOT NULL,
    nhs_number text COLLATE "C"
);
CREATE INDEX patient_patient_idx ON patient (patient_id);
CREATE INDEX patient_nhs_number_idx ON patient (nhs_number);
