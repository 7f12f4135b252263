package io.github.personalcare.consent;

/** Whether a nested provision permits or denies what it matches ({@code Consent.provision.type}). */
public enum ProvisionType {
    /** Permits what the provision matches, whatever its parent or the base policy would say. */
    PERMIT,
    /** Denies what the provision matches, whatever its parent or the base policy would say. */
    DENY
}
