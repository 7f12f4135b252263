package io.github.personalcare.audit;

import io.github.personalcare.access.Purpose;

import java.time.Instant;

/**
 * One line of a patient's access log: who (a non-personal reference), when, why, what they did
 * and whether it was allowed, with the rule that decided.
 */
public record AccessLogEntry(Instant at, String actor, Purpose purpose, String action, AuditOutcome outcome,
        String rule) {

    /**
     * The log line of one audit record.
     *
     * @param r the audit record
     * @return its access log line
     */
    public static AccessLogEntry of(AuditRecord r) {
        AuditEvent e = r.event();
        return new AccessLogEntry(e.at(), e.actor(), e.purpose(), e.action(), e.outcome(), e.rule());
    }
}
