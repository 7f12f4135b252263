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
     * The action of the entry that tells the patient someone accessed their record on a
     * relationship the SDK had no record of (a self-claimed relationship, R40): the entry's actor
     * is who accessed, and the access itself is the entry just before it.
     */
    public static final String PATIENT_NOTIFIED = "access.patient_notified";

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
