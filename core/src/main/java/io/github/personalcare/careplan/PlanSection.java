package io.github.personalcare.careplan;

/**
 * The sections of a personalised care and support plan, in display order (§1.2, §1.3). Kept in one
 * enum so they can be renamed in one place once the PRSB PCSP dataset is checked.
 */
public enum PlanSection {
    /** About me: how I communicate, how and when to support me. */
    ABOUT_ME,
    /** What matters to me, in the person's own words. */
    WHAT_MATTERS_TO_ME,
    /** Goals and outcomes, how progress is measured, target dates. */
    GOALS,
    /** Actions: who does what by when, linked to goals. */
    ACTIONS,
    /** Support and services commissioned, optionally funded by a personal health budget line. */
    SUPPORT_AND_SERVICES,
    /** Contingency and crisis plan: signs, what to do, who to contact. */
    CONTINGENCY,
    /** Information and advice given (information prescriptions). */
    INFORMATION_AND_ADVICE,
    /** Review arrangements: next review date, frequency, how. */
    REVIEW_ARRANGEMENTS,
    /** The care team members involved when the version was proposed. */
    CARE_TEAM
}
