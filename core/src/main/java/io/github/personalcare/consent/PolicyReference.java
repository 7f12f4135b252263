package io.github.personalcare.consent;

import io.github.personalcare.internal.check.Require;

import java.util.Optional;

/**
 * A reference to the policy a consent is given under ({@code Consent.policy}): an optional
 * authority and the URI of the policy text, such as the national data opt-out.
 */
public record PolicyReference(Optional<String> authority, String uri) {
    /** The national data opt-out policy page (§4.3). */
    public static final PolicyReference NATIONAL_DATA_OPT_OUT = new PolicyReference(
            Optional.of("https://digital.nhs.uk"),
            "https://digital.nhs.uk/services/national-data-opt-out");

    public PolicyReference {
        authority = Require.optionalText("policy.authority", authority == null ? Optional.empty() : authority,
                Require.SHORT_TEXT);
        Require.text("policy.uri", uri, Require.SHORT_TEXT);
    }

    /** A policy reference with no authority. */
    public static PolicyReference of(String uri) {
        return new PolicyReference(Optional.empty(), uri);
    }
}
