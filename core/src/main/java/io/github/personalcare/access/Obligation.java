package io.github.personalcare.access;

/** What must happen when a permit is acted on. */
public enum Obligation {
    /** Record the access in the audit trail (always, R50). */
    AUDIT,
    /** Tell the patient their record was accessed. */
    NOTIFY_PATIENT,
    /** Raise an alert for privacy-officer review (break-glass, self-claimed relationship, R40). */
    ALERT_PRIVACY_OFFICER,
    /** Remove items withheld from this viewer (third-party, serious harm, objected labels, R48). */
    REDACT_WITHHELD
}
