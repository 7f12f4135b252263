package io.github.personalcare.budget;

import io.github.personalcare.internal.check.Require;

/**
 * One line of a budget: the care plan item it pays for (by code, R15), what it is for
 * (category), the amount planned for each allocation period and how the money is held (R14).
 *
 * @param code              the plan's budget line code
 * @param category          what the money is for; may not be an excluded category (R16)
 * @param plannedPerPeriod  the amount planned for each period
 * @param management        how the line's money is held
 */
public record BudgetLine(BudgetLineCode code, SpendCategory category, Money plannedPerPeriod, Management management) {
    public BudgetLine {
        Require.present("line.code", code);
        Require.present("line.category", category);
        Require.present("line.plannedPerPeriod", plannedPerPeriod).requirePositive("line.plannedPerPeriod");
        Require.present("line.management", management);
    }

    /** How this line is held. */
    public ManagementOption option() {
        return management.option();
    }

    /** True for a direct-payment line. */
    public boolean isDirectPayment() {
        return management instanceof Management.DirectPayment;
    }

    /** A copy with another planned amount. */
    public BudgetLine withPlannedPerPeriod(Money amount) {
        return new BudgetLine(code, category, amount, management);
    }
}
