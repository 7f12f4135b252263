package io.github.personalcare.budget;

/**
 * Why the person has a personal health budget: one of the legal-right cohorts of the Standing
 * Rules (reg. 32A) or a discretionary offer (R18). Reports count active budgets by reason.
 */
public enum EligibilityReason {
    /** NHS Continuing Healthcare: aged 18 or over at the eligibility date (R18). */
    CONTINUING_HEALTHCARE,
    /** Continuing care for children: aged 17 or under at the eligibility date (R18). */
    CHILDREN_CONTINUING_CARE,
    /** Section 117 Mental Health Act after-care. */
    S117_AFTERCARE,
    /** A personal wheelchair budget. */
    WHEELCHAIR,
    /** Offered locally without a legal right. */
    DISCRETIONARY;

    /** {@return whether this is a cohort with a legal right to a budget} */
    public boolean isLegalRight() {
        return this != DISCRETIONARY;
    }
}
