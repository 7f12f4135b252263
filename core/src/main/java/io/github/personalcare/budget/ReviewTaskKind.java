package io.github.personalcare.budget;

/** Why a review task was raised (R23). */
public enum ReviewTaskKind {
    /** A significant change in the person's health was recorded: the body must consider a review. */
    HEALTH_CHANGED,
    /** The money is, or is forecast to be, insufficient for the plan: the body must review. */
    SHORTFALL;

    /** {@return whether the review is obligatory rather than to be considered (reg. 13/14)} */
    public boolean isMandatory() {
        return this == SHORTFALL;
    }
}
