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
     * Replaced: Gillick competence is decision-specific and is recorded as a
     * {@link CompetenceAssessment} with {@link PatientService#recordCompetence} (R46). A record
     * stored with it keeps what it granted, cited as {@link Patient#LEGACY_FLAG}, for each kind of
     * decision until a clinician records an assessment for it; the SDK refuses to set it anew.
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
