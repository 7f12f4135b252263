package io.github.personalcare.consent;

/**
 * The FHIR R4 {@code Consent.category} (1..*). Only the code confirmed in the domain notes is
 * listed; more are added when their codes are checked against the terminology.
 */
public enum ConsentCategory {
    /** Information access: {@code http://terminology.hl7.org/CodeSystem/v3-ActCode#INFA}. */
    INFORMATION_ACCESS
}
