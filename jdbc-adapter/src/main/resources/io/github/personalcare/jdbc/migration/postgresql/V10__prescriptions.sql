-- Repeat prescriptions (issue 20): the medicines on each patient's repeat list and the requests
-- for them. As SchemaDefinitions.ddl writes them (SchemaDefinitionsTest checks they stay the same),
-- plus one composite index written by hand for the practice's list of medication reviews due
-- (practice, status, review date), so that list is one index range scan, not a scan of every row.
CREATE TABLE repeat_medicine (
    id uuid PRIMARY KEY,
    patient_id uuid NOT NULL,
    version BIGINT NOT NULL,
    doc jsonb NOT NULL,
    status text COLLATE "C",
    practice text COLLATE "C",
    review_on DATE,
    dmd_code text COLLATE "C"
);
CREATE INDEX repeat_medicine_patient_idx ON repeat_medicine (patient_id);
CREATE INDEX repeat_medicine_status_idx ON repeat_medicine (status);
CREATE INDEX repeat_medicine_practice_idx ON repeat_medicine (practice);
CREATE INDEX repeat_medicine_review_on_idx ON repeat_medicine (review_on);
CREATE INDEX repeat_medicine_dmd_code_idx ON repeat_medicine (dmd_code);
CREATE TABLE prescription_request (
    id uuid PRIMARY KEY,
    patient_id uuid NOT NULL,
    version BIGINT NOT NULL,
    doc jsonb NOT NULL,
    status text COLLATE "C"
);
CREATE INDEX prescription_request_patient_idx ON prescription_request (patient_id);
CREATE INDEX prescription_request_status_idx ON prescription_request (status);
CREATE INDEX repeat_medicine_review_due_idx ON repeat_medicine (practice, status, review_on);
