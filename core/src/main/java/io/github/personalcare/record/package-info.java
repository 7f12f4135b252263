/**
 * A patient's whole record ({@link io.github.personalcare.record.PatientRecord}) and the bulk path
 * in ({@link io.github.personalcare.record.RecordImportService}, reached by
 * {@code care.imports()}): records read from FHIR or built by a supplier's migration code are
 * stored through the access guard with the purpose {@code MIGRATION}, each whole or not at all, a
 * chunk of records per transaction (a failed chunk is redone one record per transaction),
 * idempotent per record, with progress and path-precise problems; the audit trail a record brings
 * is kept as provenance apart from the SDK's own hash chain.
 */
package io.github.personalcare.record;
