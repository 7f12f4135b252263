/**
 * Reports for commissioners and providers, and the audit service: counts and shares, never
 * patient data. Start at {@link io.github.personalcare.report.ReportService} ({@code care.reports()}):
 * care plan coverage (the share of a complex-needs or long-term-condition cohort with an agreed plan,
 * and the share overdue for review; plans entered in error never count, R13) and
 * {@link io.github.personalcare.report.RttReport} (incomplete pathways within 18 weeks against a
 * configurable 92% standard, R37); {@link io.github.personalcare.report.AuditService}
 * ({@code care.audit()}) gives access logs and chain verification. Every report is a population query
 * decided and audited by the guard, counted in the storage where it can be
 * ({@code AggregateStore.count}), and its counts are {@link io.github.personalcare.report.ReportCount}s:
 * exact for administration only, otherwise suppressed or rounded by
 * {@link io.github.personalcare.report.SmallNumbers}. Depends on the concept packages it reports on and
 * everything below.
 */
package io.github.personalcare.report;
