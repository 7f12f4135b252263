package io.github.personalcare.budget;

/** The kinds of account a direct payment may be paid into (reg. 10, R21). */
public enum AccountKind {
    /** A bank account used only for direct-payment money. */
    DEDICATED_ACCOUNT,
    /** An account held by an appointed person or organisation on the recipient's instructions. */
    MANAGED_ACCOUNT,
    /** A prepaid card issued for the direct payment. */
    PREPAID_CARD
}
