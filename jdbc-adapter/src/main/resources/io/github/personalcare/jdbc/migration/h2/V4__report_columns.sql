-- Issue 13: population reports are counted in the database (AggregateStore.count, GROUP BY over
-- these columns), never by loading documents. The columns are index columns of the aggregate types
-- (PatientStores, CarePlanStores, BudgetStores, ReferralStores), written by every insert and update
-- from now on; as SchemaDefinitions.addIndexes writes them (SchemaDefinitionsTest checks). Rows
-- written before this migration hold null until written again: see docs/storage.md.
ALTER TABLE patient ADD COLUMN complex_needs BOOLEAN;
CREATE INDEX patient_complex_needs_idx ON patient (complex_needs);
ALTER TABLE patient ADD COLUMN long_term_condition BOOLEAN;
CREATE INDEX patient_long_term_condition_idx ON patient (long_term_condition);
ALTER TABLE patient ADD COLUMN died_on DATE;
CREATE INDEX patient_died_on_idx ON patient (died_on);
ALTER TABLE care_plan ADD COLUMN agreed_from DATE;
CREATE INDEX care_plan_agreed_from_idx ON care_plan (agreed_from);
ALTER TABLE care_plan ADD COLUMN ended_on DATE;
CREATE INDEX care_plan_ended_on_idx ON care_plan (ended_on);
ALTER TABLE care_plan ADD COLUMN last_agreed_on DATE;
CREATE INDEX care_plan_last_agreed_on_idx ON care_plan (last_agreed_on);
ALTER TABLE care_plan ADD COLUMN last_review_due DATE;
CREATE INDEX care_plan_last_review_due_idx ON care_plan (last_review_due);
ALTER TABLE personal_health_budget ADD COLUMN notional BOOLEAN;
CREATE INDEX personal_health_budget_notional_idx ON personal_health_budget (notional);
ALTER TABLE personal_health_budget ADD COLUMN third_party BOOLEAN;
CREATE INDEX personal_health_budget_third_party_idx ON personal_health_budget (third_party);
ALTER TABLE referral ADD COLUMN clock_start DATE;
CREATE INDEX referral_clock_start_idx ON referral (clock_start);
ALTER TABLE referral ADD COLUMN clock_stop DATE;
CREATE INDEX referral_clock_stop_idx ON referral (clock_stop);
ALTER TABLE referral ADD COLUMN sent_on DATE;
CREATE INDEX referral_sent_on_idx ON referral (sent_on);
ALTER TABLE referral ADD COLUMN choice_offered BOOLEAN;
CREATE INDEX referral_choice_offered_idx ON referral (choice_offered);
-- Covering indexes, so the coverage counts read the cohort's part of an index and never the documents
-- (index-only scans on PostgreSQL once the table is vacuumed). Neither is unique.
CREATE INDEX patient_report_cohort_idx ON patient (complex_needs, long_term_condition, died_on, patient_id);
CREATE INDEX care_plan_report_idx ON care_plan (patient_id, agreed_from, ended_on, last_agreed_on, last_review_due);
