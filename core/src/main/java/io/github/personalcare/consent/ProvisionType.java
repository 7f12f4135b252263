package io.github.personalcare.consent;

/** Whether a nested provision permits or denies what it matches ({@code Consent.provision.type}). */
public enum ProvisionType {
    /** Permits what the provision matches, an exception to a denying parent. */
    PERMIT,
    /** Denies what the provision matches, an exception to a permitting parent. */
    DENY
}
