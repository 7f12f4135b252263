package io.github.personalcare.patient;

/**
 * The kinds of decision a child under 16 may be assessed as Gillick competent to make (R46).
 * Competence is decision-specific: an assessment for one kind says nothing about another.
 */
public enum CompetenceDecision {
    /** Seeing their own record online before the online-access age (R46, R48). */
    OWN_RECORD_ACCESS,
    /** Giving, or refusing, consent to share their record, including with a parent (R46, R47). */
    SHARING_CONSENT,
    /** Agreeing their own personalised care and support plan (R8, R46). */
    CARE_PLAN_AGREEMENT
}
