-- E-consultations and feedback (issue 19), as SchemaDefinitions.ddl writes them (SchemaDefinitionsTest
-- checks they stay the same), and two covering indexes written by hand: the practice's queue
-- (overdue and urgent lists) and the feedback summary's GROUP BY, each read from one index.
CREATE TABLE econsultation (
    id UUID PRIMARY KEY,
    patient_id UUID NOT NULL,
    version BIGINT NOT NULL,
    doc CHARACTER LARGE OBJECT NOT NULL,
    practice CHARACTER VARYING,
    status CHARACTER VARYING,
    due_at BIGINT
);
CREATE INDEX econsultation_patient_idx ON econsultation (patient_id);
CREATE INDEX econsultation_practice_idx ON econsultation (practice);
CREATE INDEX econsultation_status_idx ON econsultation (status);
CREATE INDEX econsultation_due_at_idx ON econsultation (due_at);
CREATE TABLE feedback (
    id UUID PRIMARY KEY,
    patient_id UUID NOT NULL,
    version BIGINT NOT NULL,
    doc CHARACTER LARGE OBJECT NOT NULL,
    organisation CHARACTER VARYING,
    given_month CHARACTER VARYING,
    active BOOLEAN,
    experience CHARACTER VARYING,
    involved CHARACTER VARYING,
    carers CHARACTER VARYING,
    topic CHARACTER VARYING
);
CREATE INDEX feedback_patient_idx ON feedback (patient_id);
CREATE INDEX feedback_organisation_idx ON feedback (organisation);
CREATE INDEX feedback_given_month_idx ON feedback (given_month);
CREATE INDEX feedback_active_idx ON feedback (active);
CREATE INDEX feedback_experience_idx ON feedback (experience);
CREATE INDEX feedback_involved_idx ON feedback (involved);
CREATE INDEX feedback_carers_idx ON feedback (carers);
CREATE INDEX feedback_topic_idx ON feedback (topic);
CREATE INDEX econsultation_queue_idx ON econsultation (practice, status, due_at);
CREATE INDEX feedback_summary_idx ON feedback (organisation, given_month, active, experience, involved, carers, topic);
