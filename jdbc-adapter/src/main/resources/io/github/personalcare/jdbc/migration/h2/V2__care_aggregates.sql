-- The aggregates of the Personal Care SDK: care teams, care plans, personal health budgets and
-- their ledgers, referrals and consents, as SchemaDefinitions.ddl writes them (SchemaDefinitionsTest
-- checks they stay the same), and the unique keys the services can only check inside their own
-- transaction: one patient per NHS number (R2) and one referral per UBRN (R4).
CREATE TABLE care_team (
    id UUID PRIMARY KEY,
    patient_id UUID NOT NULL,
    version BIGINT NOT NULL,
    doc CHARACTER LARGE OBJECT NOT NULL,
    patient CHARACTER VARYING
);
CREATE INDEX care_team_patient_idx ON care_team (patient_id);
CREATE INDEX care_team_patient_column_idx ON care_team (patient);
CREATE TABLE care_plan (
    id UUID PRIMARY KEY,
    patient_id UUID NOT NULL,
    version BIGINT NOT NULL,
    doc CHARACTER LARGE OBJECT NOT NULL,
    status CHARACTER VARYING,
    patient CHARACTER VARYING,
    next_review_due DATE,
    has_current_agreed BOOLEAN
);
CREATE INDEX care_plan_patient_idx ON care_plan (patient_id);
CREATE INDEX care_plan_status_idx ON care_plan (status);
CREATE INDEX care_plan_patient_column_idx ON care_plan (patient);
CREATE INDEX care_plan_next_review_due_idx ON care_plan (next_review_due);
CREATE INDEX care_plan_has_current_agreed_idx ON care_plan (has_current_agreed);
CREATE TABLE personal_health_budget (
    id UUID PRIMARY KEY,
    patient_id UUID NOT NULL,
    version BIGINT NOT NULL,
    doc CHARACTER LARGE OBJECT NOT NULL,
    status CHARACTER VARYING,
    cohort CHARACTER VARYING,
    care_plan CHARACTER VARYING,
    direct_payment BOOLEAN,
    next_review_due DATE,
    review_task_open BOOLEAN
);
CREATE INDEX personal_health_budget_patient_idx ON personal_health_budget (patient_id);
CREATE INDEX personal_health_budget_status_idx ON personal_health_budget (status);
CREATE INDEX personal_health_budget_cohort_idx ON personal_health_budget (cohort);
CREATE INDEX personal_health_budget_care_plan_idx ON personal_health_budget (care_plan);
CREATE INDEX personal_health_budget_direct_payment_idx ON personal_health_budget (direct_payment);
CREATE INDEX personal_health_budget_next_review_due_idx ON personal_health_budget (next_review_due);
CREATE INDEX personal_health_budget_review_task_open_idx ON personal_health_budget (review_task_open);
CREATE TABLE budget_ledger_entry (
    owner_id UUID NOT NULL,
    patient_id UUID NOT NULL,
    seq BIGINT NOT NULL,
    idempotency_key CHARACTER VARYING NOT NULL,
    doc CHARACTER LARGE OBJECT NOT NULL,
    PRIMARY KEY (owner_id, seq),
    CONSTRAINT budget_ledger_entry_idempotency_key_idx UNIQUE (owner_id, idempotency_key)
);
CREATE INDEX budget_ledger_entry_patient_idx ON budget_ledger_entry (patient_id);
CREATE TABLE referral (
    id UUID PRIMARY KEY,
    patient_id UUID NOT NULL,
    version BIGINT NOT NULL,
    doc CHARACTER LARGE OBJECT NOT NULL,
    ubrn CHARACTER VARYING,
    status CHARACTER VARYING,
    rtt_start DATE,
    receiving_org CHARACTER VARYING,
    open BOOLEAN
);
CREATE INDEX referral_patient_idx ON referral (patient_id);
CREATE INDEX referral_ubrn_idx ON referral (ubrn);
CREATE INDEX referral_status_idx ON referral (status);
CREATE INDEX referral_rtt_start_idx ON referral (rtt_start);
CREATE INDEX referral_receiving_org_idx ON referral (receiving_org);
CREATE INDEX referral_open_idx ON referral (open);
CREATE TABLE consent (
    id UUID PRIMARY KEY,
    patient_id UUID NOT NULL,
    version BIGINT NOT NULL,
    doc CHARACTER LARGE OBJECT NOT NULL,
    status CHARACTER VARYING,
    scope CHARACTER VARYING
);
CREATE INDEX consent_patient_idx ON consent (patient_id);
CREATE INDEX consent_status_idx ON consent (status);
CREATE INDEX consent_scope_idx ON consent (scope);
-- R4: a UBRN identifies one referral nationally.
CREATE UNIQUE INDEX referral_ubrn_key ON referral (ubrn);
-- R2: one patient per NHS number. Fails if the table already holds a duplicate: resolve it first.
CREATE UNIQUE INDEX patient_nhs_number_key ON patient (nhs_number);
