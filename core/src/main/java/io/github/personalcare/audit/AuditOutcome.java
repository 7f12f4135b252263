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
    REJECTED,
    /**
     * The caller was allowed to ask, and the record asked for does not exist. Decided after the
     * access decision, so a caller who may not see a record learns nothing from its absence.
     */
    NOT_FOUND,
    /**
     * The request could not be decided or carried out because storage or configuration failed
     * (a {@code StorageException} or {@code ConfigurationException}); nobody decided to deny it,
     * nothing was stored, and the failure reached the caller unchanged.
     */
    ERROR
}
