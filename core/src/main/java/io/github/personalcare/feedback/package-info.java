/**
 * Feedback: the patient, or a carer, answers the Friends and Family Test question and the two
 * involvement questions about a service, their care planning or a referral; they can see and
 * withdraw their own feedback; anonymous aggregates per organisation and calendar month suppress
 * small groups by construction ({@link io.github.personalcare.feedback.FeedbackSummary}). Start at
 * {@link io.github.personalcare.feedback.FeedbackService}.
 */
package io.github.personalcare.feedback;
