-- Issue 20: appointments. Schedules and slots a service or practice publishes (directory data,
-- stored under the all-zeros patient id PatientId.NONE) and patients' appointments, as
-- SchemaDefinitions.ddl writes them (SchemaDefinitionsTest checks they stay the same), plus the
-- composite index the free-slot search is answered from (service, bookable, starts_at), written
-- by hand: AppointmentStores.SLOT_SEARCH_INDEX. Slot times are epoch seconds (UTC) in starts_at.
CREATE TABLE appointment_schedule (
    id UUID PRIMARY KEY,
    patient_id UUID NOT NULL,
    version BIGINT NOT NULL,
    doc CHARACTER LARGE OBJECT NOT NULL,
    service CHARACTER VARYING,
    organisation CHARACTER VARYING
);
CREATE INDEX appointment_schedule_patient_idx ON appointment_schedule (patient_id);
CREATE INDEX appointment_schedule_service_idx ON appointment_schedule (service);
CREATE INDEX appointment_schedule_organisation_idx ON appointment_schedule (organisation);
CREATE TABLE appointment_slot (
    id UUID PRIMARY KEY,
    patient_id UUID NOT NULL,
    version BIGINT NOT NULL,
    doc CHARACTER LARGE OBJECT NOT NULL,
    service CHARACTER VARYING,
    schedule CHARACTER VARYING,
    starts_at BIGINT,
    uk_date DATE,
    bookable BOOLEAN
);
CREATE INDEX appointment_slot_patient_idx ON appointment_slot (patient_id);
CREATE INDEX appointment_slot_service_idx ON appointment_slot (service);
CREATE INDEX appointment_slot_schedule_idx ON appointment_slot (schedule);
CREATE INDEX appointment_slot_starts_at_idx ON appointment_slot (starts_at);
CREATE INDEX appointment_slot_uk_date_idx ON appointment_slot (uk_date);
CREATE INDEX appointment_slot_bookable_idx ON appointment_slot (bookable);
CREATE TABLE appointment (
    id UUID PRIMARY KEY,
    patient_id UUID NOT NULL,
    version BIGINT NOT NULL,
    doc CHARACTER LARGE OBJECT NOT NULL,
    slot CHARACTER VARYING,
    status CHARACTER VARYING,
    organisation CHARACTER VARYING,
    referral CHARACTER VARYING,
    uk_date DATE,
    next_reminder BIGINT
);
CREATE INDEX appointment_patient_idx ON appointment (patient_id);
CREATE INDEX appointment_slot_idx ON appointment (slot);
CREATE INDEX appointment_status_idx ON appointment (status);
CREATE INDEX appointment_organisation_idx ON appointment (organisation);
CREATE INDEX appointment_referral_idx ON appointment (referral);
CREATE INDEX appointment_uk_date_idx ON appointment (uk_date);
CREATE INDEX appointment_next_reminder_idx ON appointment (next_reminder);
CREATE INDEX appointment_slot_search_idx ON appointment_slot (service, bookable, starts_at);
