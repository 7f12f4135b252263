package io.github.personalcare.consent;

import io.github.personalcare.access.Purpose;

/**
 * The FHIR R4 {@code Consent.scope} ({@code http://terminology.hl7.org/CodeSystem/consentscope}).
 * A consent is evaluated only for requests whose purpose its scope covers (§4.8 step 1).
 */
public enum ConsentScope {
    /** Who may see or share the record: covers every purpose. */
    PATIENT_PRIVACY,
    /** Consent to treatment: covers direct care and emergency care. */
    TREATMENT,
    /** Participation in research: covers research only. */
    RESEARCH,
    /** An advance directive (refusal of treatment): not about data access, so it covers no access purpose. */
    ADR;

    /**
     * {@return whether a consent of this scope speaks to a request made for {@code purpose}}
     *
     * @param purpose the request's purpose
     */
    public boolean covers(Purpose purpose) {
        switch (this) {
            case PATIENT_PRIVACY:
                return true;
            case TREATMENT:
                return purpose == Purpose.DIRECT_CARE || purpose == Purpose.EMERGENCY;
            case RESEARCH:
                return purpose == Purpose.RESEARCH;
            case ADR:
                return false;
            default:
                throw new IllegalStateException("unknown scope");
        }
    }
}
