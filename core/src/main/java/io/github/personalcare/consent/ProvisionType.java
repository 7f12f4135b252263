package io.github.personalcare.consent;

/** Whether a nested provision permits or denies what it matches ({@code Consent.provision.type}). */
public enum ProvisionType {
    PERMIT,
    DENY
}
