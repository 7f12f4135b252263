-- Secure messaging (care.messaging()): conversations, the aggregate and the lock of each post, and
-- their messages as append-only entries owned by the conversation, so a post appends one row and
-- updates one small record however long the conversation grows. As SchemaDefinitions.ddl writes
-- them (SchemaDefinitionsTest checks they stay the same).
CREATE TABLE conversation (
    id UUID PRIMARY KEY,
    patient_id UUID NOT NULL,
    version BIGINT NOT NULL,
    doc CHARACTER LARGE OBJECT NOT NULL,
    status CHARACTER VARYING,
    open BOOLEAN,
    last_message_on DATE
);
CREATE INDEX conversation_patient_idx ON conversation (patient_id);
CREATE INDEX conversation_status_idx ON conversation (status);
CREATE INDEX conversation_open_idx ON conversation (open);
CREATE INDEX conversation_last_message_on_idx ON conversation (last_message_on);
CREATE TABLE conversation_message (
    owner_id UUID NOT NULL,
    patient_id UUID NOT NULL,
    seq BIGINT NOT NULL,
    idempotency_key CHARACTER VARYING NOT NULL,
    doc CHARACTER LARGE OBJECT NOT NULL,
    PRIMARY KEY (owner_id, seq),
    CONSTRAINT conversation_message_idempotency_key_idx UNIQUE (owner_id, idempotency_key)
);
CREATE INDEX conversation_message_patient_idx ON conversation_message (patient_id);
