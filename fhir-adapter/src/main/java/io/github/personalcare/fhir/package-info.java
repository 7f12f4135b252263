/**
 * FHIR R4 / UK Core mapping: a person's record as FHIR JSON and back, with Jackson only (no HAPI
 * at runtime). Start at {@link io.github.personalcare.fhir.PatientRecordMapper} (the whole-record
 * Bundle) and {@link io.github.personalcare.fhir.FhirImporter} (bounded, path-precise import);
 * each resource type has one {@link io.github.personalcare.fhir.FhirMapper}. Rules: R1–R5
 * (identifiers), R49 (nothing that locates an S-flagged patient), R50 (audit chains survive),
 * R51 (UK Core profiles claimed). Depends on core's identity, access and audit packages only.
 */
package io.github.personalcare.fhir;
