package io.github.personalcare.consent;

/**
 * The FHIR R4 {@code Consent.status} of a record. Only {@link #ACTIVE} consents are evaluated
 * (R43); withdrawal moves an active consent to {@link #INACTIVE} at once.
 */
public enum ConsentStatus {
    /** Being prepared; not yet offered to the patient. */
    DRAFT,
    /** Offered for the patient to accept; recorded but not evaluated (R43). */
    PROPOSED,
    /** In force: evaluated in every decision its scope covers (R43). */
    ACTIVE,
    /** A proposal the patient turned down. */
    REJECTED,
    /** No longer in force: withdrawn or ended. */
    INACTIVE,
    /** Recorded by mistake; never evaluated. */
    ENTERED_IN_ERROR;

    /**
     * {@return whether a record in this state may move to {@code next}} The whole lifecycle is this
     * switch.
     *
     * @param next the state asked about
     */
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

    /** {@return whether the terms may still be changed: draft, proposed or active} */
    public boolean isOpen() {
        return this == DRAFT || this == PROPOSED || this == ACTIVE;
    }
}
