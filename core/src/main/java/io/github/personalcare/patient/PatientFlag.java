package io.github.personalcare.patient;

/** Facts about a patient that rules and reports depend on. */
public enum PatientFlag {
    /** Counted in the complex-needs cohort of the plan-coverage measure (95% target). */
    COMPLEX_NEEDS,
    /** Has one or more long-term conditions. */
    LONG_TERM_CONDITION,
    /** S-flagged (sensitive) record: address, telecom and practice are never exported or logged (R49). */
    SENSITIVE,
    /** Lacks capacity for the decisions in question; a representative acts (R19, R46). */
    LACKS_CAPACITY,
    /**
     * No longer read by any decision: Gillick competence is decision-specific and is recorded as a
     * {@link CompetenceAssessment} with {@link PatientService#recordCompetence} (R46). Kept so that
     * records stored with it still read; the SDK refuses to set it.
     *
     * @deprecated record a {@link CompetenceAssessment} instead
     */
    @Deprecated
    GILLICK_COMPETENT,
    /** Excluded from direct payments under the Schedule of SI 2013/1617 (R20). */
    DIRECT_PAYMENT_EXCLUDED,
    /** National data opt-out recorded: no secondary use of identifiable data (R42). */
    NATIONAL_DATA_OPT_OUT,
    /** SNOMED 1364731000000104: enhanced review before online record access (R48). */
    ENHANCED_REVIEW_INDICATED
}
