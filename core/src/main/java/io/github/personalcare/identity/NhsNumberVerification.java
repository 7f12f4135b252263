package io.github.personalcare.identity;

import io.github.personalcare.lang.InvalidInputException;

/**
 * NHS number verification status, as the UK Core England code system defines it (R3):
 * how far the number has been checked against the Personal Demographics Service.
 */
public enum NhsNumberVerification {
    /** 01: number present and verified. */
    VERIFIED("01"),
    /** 02: number present but not traced. */
    NOT_TRACED("02"),
    /** 03: trace required. */
    TRACE_REQUIRED("03"),
    /** 04: trace attempted, no match or multiple match found. */
    NO_MATCH("04"),
    /** 05: trace needs to be resolved (NHS number or patient detail conflict). */
    TO_BE_RESOLVED("05"),
    /** 06: trace in progress. */
    TRACE_IN_PROGRESS("06"),
    /** 07: number not present and trace not required. */
    NOT_PRESENT("07"),
    /** 08: trace postponed (baby under six weeks old). */
    TRACE_POSTPONED("08");

    private final String code;

    NhsNumberVerification(String code) {
        this.code = code;
    }

    /** The two-digit code of {@code https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland}. */
    public String code() {
        return code;
    }

    /**
     * Reads a UK Core England code (01–08).
     *
     * @throws InvalidInputException for any other code (R3)
     */
    public static NhsNumberVerification ofCode(String code) {
        for (NhsNumberVerification v : values()) {
            if (v.code.equals(code)) {
                return v;
            }
        }
        throw new InvalidInputException("nhsNumberVerification", "R3", "must be a UK Core code 01-08");
    }
}
