package io.github.personalcare.access;

/**
 * Why data is being accessed (purpose of use). Direct care and emergency are individual care;
 * research and planning are secondary uses that the national data opt-out can block (R42).
 */
public enum Purpose {
    /** Care of this person by people involved in it (implied consent, R39). */
    DIRECT_CARE("TREAT"),
    /** Break-glass emergency treatment: needs a reason, always audited and alerted (R40). */
    EMERGENCY("ETREAT"),
    /** The patient (or their proxy) using their own record. */
    PATIENT_SELF_SERVICE("PATRQT"),
    /** Running the service: registration, budgets, bookings. */
    ADMINISTRATION("HOPERAT"),
    /** Research: a secondary use (R42). */
    RESEARCH("HRESCH"),
    /** Planning and commissioning: a secondary use (R42). */
    PLANNING("HSYSADMIN"),
    /** Privacy and audit review. */
    AUDIT("HCOMPL");

    private final String v3Code;

    Purpose(String v3Code) {
        this.v3Code = v3Code;
    }

    /** The HL7 v3 PurposeOfUse code (FHIR {@code http://terminology.hl7.org/CodeSystem/v3-ActReason}). */
    public String v3Code() {
        return v3Code;
    }

    /** True for research and planning, which the national data opt-out applies to (R42). */
    public boolean isSecondaryUse() {
        return this == RESEARCH || this == PLANNING;
    }
}
