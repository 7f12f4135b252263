package io.github.personalcare.feedback;

/** What a feedback response is about, as a code for indexes and aggregates. */
public enum FeedbackTopic {
    /** A service the patient used. */
    SERVICE,
    /** Their care planning. */
    CARE_PLANNING,
    /** A referral. */
    REFERRAL
}
