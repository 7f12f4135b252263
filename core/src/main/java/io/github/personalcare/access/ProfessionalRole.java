package io.github.personalcare.access;

/**
 * The role a professional acts in. Clinical roles may have a legitimate relationship for direct
 * care (R39); the others act for administration, commissioning, research or audit.
 */
public enum ProfessionalRole {
    GENERAL_PRACTITIONER(true),
    CONSULTANT(true),
    NURSE(true),
    ALLIED_HEALTH_PROFESSIONAL(true),
    PHARMACIST(true),
    EMERGENCY_CLINICIAN(true),
    SOCIAL_WORKER(true),
    CARE_COORDINATOR(true),
    /** Personal health budget officer: manages budgets, not clinical. */
    BUDGET_OFFICER(false),
    ADMINISTRATOR(false),
    COMMISSIONER(false),
    RESEARCHER(false),
    PRIVACY_OFFICER(false);

    private final boolean clinical;

    ProfessionalRole(boolean clinical) {
        this.clinical = clinical;
    }

    /** True for roles that deliver or coordinate care (R39). */
    public boolean isClinical() {
        return clinical;
    }
}
