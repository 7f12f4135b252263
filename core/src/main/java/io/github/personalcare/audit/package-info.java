/**
 * The audit trail: append-only {@link io.github.personalcare.audit.AuditEvent}s (who, what, which
 * patient, purpose, outcome, rule, when), hash-chained per patient by
 * {@link io.github.personalcare.audit.AuditChain} so any edited, removed or reordered record is
 * detected (R50). Patients read who accessed their record through {@code care.audit()}
 * ({@code report.AuditService}). Audit reasons are stored, never logged. Depends on lang, identity
 * and access.
 */
package io.github.personalcare.audit;
