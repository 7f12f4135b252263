package io.github.personalcare.budget;

/** Why a budget changed status; the free-text detail, if any, is kept apart and never logged. */
public enum StatusReason {
    /** Proposed for the patient's agreed care plan. */
    PROPOSED_FOR_PLAN,
    /** Activated against the agreed care plan. */
    PLAN_AGREED,
    /** Suspended while a concern about use of the money is looked into. */
    CONCERN_ABOUT_USE,
    /** Suspended or ended because the person is in hospital or away. */
    PERSON_AWAY,
    /** Suspended or ended after a review. */
    REVIEW_OUTCOME,
    /** Resumed after the matter was resolved. */
    RESOLVED,
    /** Ended because the person no longer needs or wants the budget. */
    NO_LONGER_NEEDED,
    /** Ended because the person died (R26). */
    DEATH,
    /** Another reason, given in the detail. */
    OTHER
}
