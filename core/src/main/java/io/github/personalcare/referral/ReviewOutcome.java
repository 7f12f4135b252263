package io.github.personalcare.referral;

/**
 * The outcome a referral assessment (triage) service records instead of accepting or rejecting
 * (R32); codes of {@code https://fhir.nhs.uk/STU3/CodeSystem/eRS-ReviewOutcome-1}. Conversion of
 * advice and guidance into a referral is its own command ({@code ConvertToReferral}, R34).
 */
public enum ReviewOutcome {
    /** The referral goes back to the referrer with advice: state TRIAGE_RESPONSE. */
    RETURN_TO_REFERRER_WITH_ADVICE,
    /** Accepted; the provider will book later: state TRIAGED_PROVIDER_TO_ACTION. */
    ACCEPT_REFER_BOOK_LATER
}
