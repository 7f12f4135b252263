package io.github.personalcare.identity;

import io.github.personalcare.lang.InvalidInputException;

/**
 * NHS number verification status (the NHS Number Status Indicator, R3; the FHIR module maps its codes):
 * how far the number has been checked against the Personal Demographics Service, or in Wales also
 * against the Welsh NHS administrative register.
 */
public enum NhsNumberVerification {
    /** 01: number present and verified. */
    VERIFIED,
    /** 02: number present but not traced. */
    NOT_TRACED,
    /** 03: trace required. */
    TRACE_REQUIRED,
    /** 04: trace attempted, no match or multiple match found. */
    NO_MATCH,
    /** 05: trace needs to be resolved (NHS number or patient detail conflict). */
    TO_BE_RESOLVED,
    /** 06: trace in progress. */
    TRACE_IN_PROGRESS,
    /** 07: number not present and trace not required. */
    NOT_PRESENT,
    /** 08: trace postponed (baby under six weeks old). */
    TRACE_POSTPONED,
    /**
     * nn, NHS Wales only: number present and traced using Welsh NHS AR. A status of its own, not
     * {@link #VERIFIED} (01), so a record traced in Wales is never passed on as verified.
     */
    TRACED_WELSH_AR;
}
