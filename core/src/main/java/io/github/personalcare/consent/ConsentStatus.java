package io.github.personalcare.consent;

/**
 * The FHIR R4 {@code Consent.status} of a record. Only {@link #ACTIVE} consents are evaluated
 * (R43); withdrawal moves an active consent to {@link #INACTIVE} at once.
 */
public enum ConsentStatus {
    DRAFT,
    PROPOSED,
    ACTIVE,
    REJECTED,
    INACTIVE,
    ENTERED_IN_ERROR;

    /** True if a record in this state may move to {@code next}; the whole lifecycle is this switch. */
    public boolean canMoveTo(ConsentStatus next) {
        switch (this) {
            case DRAFT:
                return next == PROPOSED || next == ACTIVE || next == REJECTED || next == INACTIVE
                        || next == ENTERED_IN_ERROR;
            case PROPOSED:
                return next == ACTIVE || next == REJECTED || next == INACTIVE || next == ENTERED_IN_ERROR;
            case ACTIVE:
                return next == INACTIVE || next == ENTERED_IN_ERROR;
            case REJECTED:
            case INACTIVE:
            case ENTERED_IN_ERROR:
                return false;
            default:
                throw new IllegalStateException("unknown status");
        }
    }

    /** True for states whose terms may still be changed (draft, proposed, active). */
    public boolean isOpen() {
        return this == DRAFT || this == PROPOSED || this == ACTIVE;
    }
}
