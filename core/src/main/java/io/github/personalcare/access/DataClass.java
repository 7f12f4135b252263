package io.github.personalcare.access;

/** The kind of data an access concerns; consent provisions can permit or deny by class. */
public enum DataClass {
    DEMOGRAPHICS,
    CARE_TEAM,
    CARE_PLAN,
    BUDGET,
    REFERRAL,
    CONSENT,
    AUDIT_LOG
}
