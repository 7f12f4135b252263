package io.github.personalcare.consent;

/**
 * The computable base policy of a consent ({@code Consent.policyRule}, HL7 v3 ActCode): what the
 * root provision decides for requests it covers when no nested provision does (§4.8 step 3).
 */
public enum BasePolicy {
    /** Nothing is allowed unless a nested provision permits it: the root decides deny. */
    OPT_IN,
    /**
     * Implied consent stands unless a nested provision denies it: the root adds nothing, and the
     * organisation's default rules (R39, R42, R47) decide. Opting out never grants access by itself.
     */
    OPT_OUT
}
