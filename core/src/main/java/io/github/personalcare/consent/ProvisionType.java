package io.github.personalcare.consent;

/** Whether a nested provision permits or denies what it matches ({@code Consent.provision.type}). */
public enum ProvisionType {
    PERMIT("permit"),
    DENY("deny");

    private final String code;

    ProvisionType(String code) {
        this.code = code;
    }

    /** The FHIR code. */
    public String code() {
        return code;
    }
}
