package io.github.personalcare.access;

/**
 * Why data is being accessed (purpose of use). Direct care and emergency are individual care;
 * research and planning are secondary uses that the national data opt-out can block (R42).
 */
public enum Purpose {
    /** Care of this person by people involved in it (implied consent, R39). */
    DIRECT_CARE,
    /** Break-glass emergency treatment: needs a reason, always audited and alerted (R40). */
    EMERGENCY,
    /** The patient (or their proxy) using their own record. */
    PATIENT_SELF_SERVICE,
    /** Running the service: registration, budgets, bookings. */
    ADMINISTRATION,
    /** Research: a secondary use (R42). */
    RESEARCH,
    /** Planning and commissioning: a secondary use (R42). */
    PLANNING,
    /** Privacy and audit review. */
    AUDIT,
    /**
     * Moving whole records in from another system in bulk (records management, HL7 {@code RECORDMGT}),
     * as {@code care.imports()} does; by default only a system actor may.
     */
    MIGRATION;

    /**
     * {@return whether this is research or planning, which the national data opt-out applies to
     * (R42)}
     */
    public boolean isSecondaryUse() {
        return this == RESEARCH || this == PLANNING;
    }
}
