package io.github.personalcare.prescription;

/** Where a repeat prescription request is. */
public enum RequestStatus {
    /** Sent by the patient or a proxy; the practice has not decided. */
    SUBMITTED,
    /** A prescriber approved it; not yet issued. */
    APPROVED,
    /** A prescriber rejected it with a reason. Final. */
    REJECTED,
    /** Issued: each medicine's issue was counted. Final. */
    ISSUED;

    /** {@return true while the request still holds its medicines (submitted or approved)} */
    public boolean isOpen() {
        return this == SUBMITTED || this == APPROVED;
    }
}
