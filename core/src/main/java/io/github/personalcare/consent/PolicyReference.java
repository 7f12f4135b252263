package io.github.personalcare.consent;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;

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

    /**
     * Checks the reference: the URI and the authority, if any, are short text. An absent authority
     * becomes empty.
     *
     * @param authority who issued the policy, if named
     * @param uri       the URI of the policy text
     * @throws InvalidInputException if the URI is blank or either is longer than 200 characters
     */
    public PolicyReference {
        authority = Require.optionalText("policy.authority", authority == null ? Optional.empty() : authority,
                Require.SHORT_TEXT);
        Require.text("policy.uri", uri, Require.SHORT_TEXT);
    }

    /**
     * A policy reference with no authority.
     *
     * @param uri the URI of the policy text
     * @return the reference
     * @throws InvalidInputException if the URI is blank or too long
     */
    public static PolicyReference of(String uri) {
        return new PolicyReference(Optional.empty(), uri);
    }
}
