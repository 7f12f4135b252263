-- E-consultations and feedback (issue 19), as SchemaDefinitions.ddl writes them (SchemaDefinitionsTest
-- checks they stay the same), and two covering indexes written by hand: the practice's queue
-- (overdue and urgent lists) and the feedback summary's GROUP BY, each read from one index.
CREATE TABLE econsultation (
    id uuid PRIMARY KEY,
    patient_id uuid NOT NULL,
    version BIGINT NOT NULL,
    doc jsonb NOT NULL,
    practice text COLLATE "C",
    status text COLLATE "C",
    due_at BIGINT
);
CREATE INDEX econsultation_patient_idx ON econsultation (patient_id);
CREATE INDEX econsultation_practice_idx ON econsultation (practice);
CREATE INDEX econsultation_status_idx ON econsultation (status);
CREATE INDEX econsultation_due_at_idx ON econsultation (due_at);
CREATE TABLE feedback (
    id uuid PRIMARY KEY,
    patient_id uuid NOT NULL,
    version BIGINT NOT NULL,
    doc jsonb NOT NULL,
    organisation text COLLATE "C",
    given_month text COLLATE "C",
    active BOOLEAN,
    experience text COLLATE "C",
    involved text COLLATE "C",
    carers text COLLATE "C",
    topic text COLLATE "C"
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
