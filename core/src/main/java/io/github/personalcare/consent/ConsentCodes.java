package io.github.personalcare.consent;

import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.access.AccessAction;
import io.github.personalcare.access.Purpose;

/**
 * Reads the FHIR codes a consent arrives with (from a form, an app or a FHIR resource) into the
 * SDK's types; an unknown code is a typed error naming the field, never silently dropped.
 */
public final class ConsentCodes {
    private ConsentCodes() {
    }

    /**
     * The purpose of use for an HL7 v3 PurposeOfUse code such as {@code TREAT} or {@code HRESCH}.
     *
     * @throws InvalidInputException for a missing or unknown code (rule CODE)
     */
    public static Purpose purpose(String v3Code) {
        for (Purpose p : Purpose.values()) {
            if (p.v3Code().equals(v3Code)) {
                return p;
            }
        }
        throw new InvalidInputException("provision.purpose", "CODE", "is not a known purpose of use");
    }

    /**
     * The action for a {@code consentaction} code such as {@code access}.
     *
     * @throws InvalidInputException for a missing or unknown code (rule CODE)
     */
    public static AccessAction action(String code) {
        for (AccessAction a : AccessAction.values()) {
            if (a.code().equals(code)) {
                return a;
            }
        }
        throw new InvalidInputException("provision.action", "CODE", "is not a known consent action");
    }

    /**
     * The scope for a {@code consentscope} code such as {@code patient-privacy}.
     *
     * @throws InvalidInputException for a missing or unknown code (rule CODE)
     */
    public static ConsentScope scope(String code) {
        for (ConsentScope s : ConsentScope.values()) {
            if (s.code().equals(code)) {
                return s;
            }
        }
        throw new InvalidInputException("scope", "CODE", "is not a known consent scope");
    }

    /**
     * The status for a FHIR {@code Consent.status} code such as {@code active}.
     *
     * @throws InvalidInputException for a missing or unknown code (rule CODE)
     */
    public static ConsentStatus status(String code) {
        for (ConsentStatus s : ConsentStatus.values()) {
            if (s.code().equals(code)) {
                return s;
            }
        }
        throw new InvalidInputException("status", "CODE", "is not a known consent status");
    }
}
