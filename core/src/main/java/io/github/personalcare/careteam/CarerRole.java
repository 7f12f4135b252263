package io.github.personalcare.careteam;

/** The part a carer or family member plays in the patient's care (R12: every carer has one). */
public enum CarerRole {
    /** An unpaid carer: family member, partner or friend who looks after the patient. */
    UNPAID_CARER,
    /** A family member involved in planning but not providing care. */
    FAMILY_MEMBER,
    /** A paid personal assistant or care worker (for example employed through a direct payment). */
    PAID_CARER,
    /** An independent advocate supporting the patient in planning. */
    ADVOCATE,
    /** A legal representative (attorney, deputy, person with parental responsibility). */
    REPRESENTATIVE
}
