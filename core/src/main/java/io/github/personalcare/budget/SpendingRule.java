package io.github.personalcare.budget;

import java.util.List;

/**
 * One rule a spend must pass before it is recorded; a failing rule throws
 * {@link SpendRejectedException} with its reason. The {@link Standard} rules run in order on
 * every spend: budget active, within the period, line in the agreed plan (R15), direct payments
 * not stopped (R25, R26), category not excluded (R16), funds sufficient (R17).
 */
@FunctionalInterface
public interface SpendingRule {

    /**
     * Checks the spend.
     *
     * @param proposed the spend with the budget, plan and policy it is checked against
     * @throws SpendRejectedException if the rule refuses it
     */
    void check(ProposedSpend proposed);

    /** {@return the standard rules, in the order they are applied} */
    static List<SpendingRule> standard() {
        return List.of(Standard.values());
    }

    /**
     * Checks every rule in order; the first refusal wins.
     *
     * @param rules    the rules
     * @param proposed the spend with the budget, plan and policy it is checked against
     * @throws SpendRejectedException from the first rule that refuses it
     */
    static void checkAll(List<? extends SpendingRule> rules, ProposedSpend proposed) {
        for (SpendingRule r : rules) {
            r.check(proposed);
        }
    }

    /** The rules every spend passes. */
    enum Standard implements SpendingRule {
        /** Only an active budget can be spent from. */
        BUDGET_ACTIVE {
            @Override
            public void check(ProposedSpend p) {
                if (p.budget().status() != BudgetStatus.ACTIVE) {
                    throw new SpendRejectedException(SpendRejectedException.Reason.BUDGET_NOT_ACTIVE,
                            "the budget is " + p.budget().status());
                }
            }
        },
        /** A spend is dated in the current allocation period and not in the future. */
        WITHIN_PERIOD {
            @Override
            public void check(ProposedSpend p) {
                var date = p.spend().date();
                boolean inCurrent = p.budget().periodOn(p.today()).map(period -> period.contains(date)).orElse(false);
                if (date.isAfter(p.today()) || !inCurrent) {
                    throw new SpendRejectedException(SpendRejectedException.Reason.OUTSIDE_PERIOD,
                            "the spend must be dated within the current allocation period and not in the future");
                }
            }
        },
        /** R15: the line is one of the budget's and the current agreed plan references it. */
        LINE_IN_PLAN {
            @Override
            public void check(ProposedSpend p) {
                var line = p.spend().line();
                if (p.budget().line(line).isEmpty()) {
                    throw new SpendRejectedException(SpendRejectedException.Reason.LINE_NOT_IN_PLAN,
                            "line " + line + " is not a line of the budget");
                }
                if (p.plan().map(plan -> !plan.references(line)).orElse(true)) {
                    throw new SpendRejectedException(SpendRejectedException.Reason.LINE_NOT_IN_PLAN,
                            "line " + line + " is not in the patient's current agreed care plan");
                }
            }
        },
        /** R25, R26: no spend from a direct-payment line once direct payments have stopped. */
        DIRECT_PAYMENTS_ACTIVE {
            @Override
            public void check(ProposedSpend p) {
                var budget = p.budget();
                boolean dp = budget.line(p.spend().line()).map(BudgetLine::isDirectPayment).orElse(false);
                if (dp && budget.directPaymentStop().isPresent()) {
                    var stop = budget.directPaymentStop().get();
                    throw new SpendRejectedException(SpendRejectedException.Reason.DIRECT_PAYMENTS_STOPPED,
                            stop.reason() == StopReason.DEATH ? "R26" : "R25",
                            "direct payments stopped: " + stop.reason());
                }
            }
        },
        /** R16: the category is not excluded by the policy. */
        CATEGORY_ALLOWED {
            @Override
            public void check(ProposedSpend p) {
                var category = p.spend().category().orElseThrow();
                if (p.policy().excludes(category)) {
                    throw new SpendRejectedException(SpendRejectedException.Reason.EXCLUDED_CATEGORY,
                            "category " + category + " may not be paid for from a personal health budget");
                }
            }
        },
        /**
         * R17: the line's and the budget's remaining balances cover the spend, unless the line is
         * notional, the policy allows notional overspend and the spend names its approver.
         */
        FUNDS_SUFFICIENT {
            @Override
            public void check(ProposedSpend p) {
                var budget = p.budget();
                var spend = p.spend();
                var line = budget.line(spend.line()).orElseThrow();
                if (PersonalHealthBudget.overspendAllowed(spend, line, p.policy())) {
                    return;
                }
                if (!budget.balance(spend.line()).covers(spend.amount())) {
                    throw new SpendRejectedException(SpendRejectedException.Reason.INSUFFICIENT_FUNDS,
                            "the line's remaining balance is less than the spend");
                }
                if (!budget.balance().covers(spend.amount())) {
                    throw new SpendRejectedException(SpendRejectedException.Reason.INSUFFICIENT_FUNDS,
                            "the budget's remaining balance is less than the spend");
                }
            }
        }
    }
}
