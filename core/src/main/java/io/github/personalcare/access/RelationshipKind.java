package io.github.personalcare.access;

/** How an actor is involved in a patient's care: the legitimate relationships of R39. */
public enum RelationshipKind {
    /** A professional on the patient's care team. */
    CARE_TEAM_PROFESSIONAL,
    /** The lead professional of the patient's care team. */
    LEAD_PROFESSIONAL,
    /** A carer or family member on the care team, without proxy rights. */
    CARER,
    /** A carer or representative on the care team who holds proxy rights (scope from consents, R12, R47). */
    CARER_WITH_PROXY,
    /** A professional of the organisation receiving an open referral for the patient. */
    REFERRAL_RECEIVER,
    /** A professional of the organisation running a booked appointment of the patient. */
    APPOINTMENT_PROVIDER,
    /** A professional of the patient's registered GP practice. */
    REGISTERED_PRACTICE
}
