package io.github.personalcare.access;

/**
 * The role a professional acts in. Clinical roles may have a legitimate relationship for direct
 * care (R39); the others act for administration, commissioning, research or audit.
 */
public enum ProfessionalRole {
    /** A GP. Clinical. */
    GENERAL_PRACTITIONER(true),
    /** A hospital consultant. Clinical. */
    CONSULTANT(true),
    /** A nurse. Clinical. */
    NURSE(true),
    /** An allied health professional (physiotherapist, occupational therapist, ...). Clinical. */
    ALLIED_HEALTH_PROFESSIONAL(true),
    /** A pharmacist. Clinical. */
    PHARMACIST(true),
    /** A clinician in emergency care. Clinical. */
    EMERGENCY_CLINICIAN(true),
    /** A social worker. Counted as clinical: delivers care. */
    SOCIAL_WORKER(true),
    /** A care coordinator. Counted as clinical: coordinates care. */
    CARE_COORDINATOR(true),
    /** Personal health budget officer: manages budgets, not clinical. */
    BUDGET_OFFICER(false),
    /** Administrative staff: registration, bookings, population work lists. Not clinical. */
    ADMINISTRATOR(false),
    /** A commissioner: population reports for planning. Not clinical. */
    COMMISSIONER(false),
    /** A researcher: research only, under consent and the national data opt-out (R42). Not clinical. */
    RESEARCHER(false),
    /** A privacy officer: reviews the audit trail and break-glass alerts (R40). Not clinical. */
    PRIVACY_OFFICER(false);

    private final boolean clinical;

    ProfessionalRole(boolean clinical) {
        this.clinical = clinical;
    }

    /** {@return whether the role delivers or coordinates care (R39)} */
    public boolean isClinical() {
        return clinical;
    }
}
