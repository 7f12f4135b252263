package io.github.personalcare.access;

/** The kind of data an access concerns; consent provisions can permit or deny by class. */
public enum DataClass {
    /** The patient record itself: NHS number, name, date of birth, flags, registered practice. */
    DEMOGRAPHICS,
    /** Who is involved in the person's care: professionals, carers, the lead professional. */
    CARE_TEAM,
    /** Personalised care and support plans, their goals, actions and reviews. */
    CARE_PLAN,
    /** Personal health budgets: allocations, ledgers, payments and reviews. */
    BUDGET,
    /** Referrals, their attachments and RTT clocks. */
    REFERRAL,
    /** The patient's consent records. */
    CONSENT,
    /** The audit trail: who accessed the record, when, why and with what outcome. */
    AUDIT_LOG,
    /** Secure messages between the patient (or a proxy) and their care team, with read receipts. */
    MESSAGE,
    /** Online consultation requests and their triage outcomes. */
    ECONSULTATION,
    /** Feedback the patient or a carer gave (Friends and Family Test and involvement questions). */
    FEEDBACK,
    /** Appointment bookings, cancellations and attendance. */
    APPOINTMENT,
    /** Repeat medicines, prescription requests and their approval or refusal. */
    PRESCRIPTION
}
