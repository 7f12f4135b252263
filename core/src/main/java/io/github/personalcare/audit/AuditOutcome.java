package io.github.personalcare.audit;

/** What happened to the audited request or command. */
public enum AuditOutcome {
    /** The access policy permitted the access. */
    PERMIT,
    /** The access policy denied the access. */
    DENY,
    /** A command changed the record. */
    SUCCESS,
    /** A domain rule refused the command; nothing was stored. */
    REJECTED
}
