package io.github.personalcare.audit;

import io.github.personalcare.access.Purpose;

import java.time.Instant;

/**
 * One line of a patient's access log: who (a non-personal reference), when, why, what they did
 * and whether it was allowed, with the rule that decided, and whether the patient's audit chain
 * verified when the log was read ({@code chainVerified} false: the trail was tampered with or
 * damaged, and the entries cannot be trusted; {@code audit().verify} names the record).
 *
 * @param at            when it happened
 * @param actor         who acted, a non-personal reference
 * @param purpose       the purpose of use
 * @param action        what was done
 * @param outcome       whether it was allowed, done or refused
 * @param rule          the rule that decided
 * @param chainVerified whether the patient's whole chain verified when the log was read
 */
public record AccessLogEntry(Instant at, String actor, Purpose purpose, String action, AuditOutcome outcome,
        String rule, boolean chainVerified) {

    /**
     * The action of the entry that tells the patient someone accessed their record on a
     * relationship the SDK had no record of (a self-claimed relationship, R40): the entry's actor
     * is who accessed, and the access itself is the entry just before it.
     */
    public static final String PATIENT_NOTIFIED = "access.patient_notified";

    /**
     * The log line of one audit record.
     *
     * @param r             the audit record
     * @param chainVerified whether the record's chain verified
     * @return its access log line
     */
    public static AccessLogEntry of(AuditRecord r, boolean chainVerified) {
        AuditEvent e = r.event();
        return new AccessLogEntry(e.at(), e.actor(), e.purpose(), e.action(), e.outcome(), e.rule(), chainVerified);
    }
}
