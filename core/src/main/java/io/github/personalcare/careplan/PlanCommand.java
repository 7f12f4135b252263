package io.github.personalcare.careplan;

/** The commands of the care plan lifecycle, as named in {@link io.github.personalcare.lang.IllegalTransitionException}s. */
public enum PlanCommand {
    EDIT, PROPOSE, RETURN_TO_DRAFT, AGREE, CO_SIGN, START_REVIEW, END, ENTER_IN_ERROR
}
