package io.github.personalcare.careplan;

/**
 * The commands of the care plan lifecycle, as named in
 * {@link io.github.personalcare.lang.IllegalTransitionException}s. {@link PlanStatus#allows} says
 * which state takes which.
 */
public enum PlanCommand {
    /** Replace the working content of a draft or a plan under review. */
    EDIT,
    /** Propose the working content for agreement, freezing it (R10). */
    PROPOSE,
    /** Take a proposal back for more editing. */
    RETURN_TO_DRAFT,
    /** Record the person's agreement (R8). */
    AGREE,
    /** Record the lead professional's co-signature (R8). */
    CO_SIGN,
    /** Open a new draft version of an agreed plan (R6, R10). */
    START_REVIEW,
    /** End the plan. */
    END,
    /** Mark the plan recorded in error (R13). */
    ENTER_IN_ERROR
}
