/**
 * Reports for commissioners and providers, computed from the SDK's own records: counts and shares,
 * never patient data. Start at {@link io.github.personalcare.report.ReportService}: care plan
 * coverage (the share of a complex-needs or long-term-condition cohort with an agreed plan, and the
 * share overdue for review; plans entered in error never count, R13) and
 * {@link io.github.personalcare.report.RttReport} (incomplete pathways within 18 weeks against a
 * configurable 92% standard, R37). Reports are population queries decided and audited by the guard.
 */
package io.github.personalcare.report;
