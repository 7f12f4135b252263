package io.github.personalcare.budget;

import io.github.personalcare.lang.RuleViolationException;

/**
 * A spending rule refused a spend; {@link #reason()} says which, so a caller can branch on it.
 * Nothing is stored; the refusal is audited as {@code REJECTED} with the rule.
 */
public class SpendRejectedException extends RuleViolationException {
    /** Why a spend was refused. */
    public enum Reason {
        /** The category is excluded for every budget (R16). */
        EXCLUDED_CATEGORY("R16"),
        /** The line is not in the budget or not in the current agreed care plan (R15). */
        LINE_NOT_IN_PLAN("R15"),
        /** The line's or the budget's remaining balance is less than the spend (R17). */
        INSUFFICIENT_FUNDS("R17"),
        /** The budget is proposed, suspended or ended. */
        BUDGET_NOT_ACTIVE("BUDGET_STATUS"),
        /** The spend is dated outside the current allocation period, or in the future. */
        OUTSIDE_PERIOD("PERIOD"),
        /** Direct payments have stopped: consent withdrawn (R25), death (R26) or another reg. 17 reason. */
        DIRECT_PAYMENTS_STOPPED("R25");

        private final String rule;

        Reason(String rule) {
            this.rule = rule;
        }

        /** {@return the rule the reason enforces} */
        public String rule() {
            return rule;
        }
    }

    /** Why the spend was refused. */
    private final Reason reason;

    /**
     * Creates the exception under the reason's own rule.
     *
     * @param reason  why
     * @param message what was refused, without personal data or free text
     */
    public SpendRejectedException(Reason reason, String message) {
        this(reason, reason.rule(), message);
    }

    /**
     * Creates the exception under a more precise rule than the reason's own.
     *
     * @param reason  why
     * @param rule    the rule, when more precise than the reason's own (R26 for a death)
     * @param message what was refused, without personal data or free text
     */
    public SpendRejectedException(Reason reason, String rule, String message) {
        super(rule, "spend rejected, " + reason + ": " + message);
        this.reason = reason;
    }

    /** {@return why the spend was refused} */
    public Reason reason() {
        return reason;
    }
}
