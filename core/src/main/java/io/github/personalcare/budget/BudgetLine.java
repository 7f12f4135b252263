package io.github.personalcare.budget;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;

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
    /**
     * Checks the line: every component is required and the planned amount is more than zero (R17).
     *
     * @param code             the plan's budget line code
     * @param category         what the money is for
     * @param plannedPerPeriod the amount planned for each period
     * @param management       how the line's money is held
     * @throws InvalidInputException naming the component that is missing or not positive
     */
    public BudgetLine {
        Require.present("line.code", code);
        Require.present("line.category", category);
        Require.present("line.plannedPerPeriod", plannedPerPeriod).requirePositive("line.plannedPerPeriod");
        Require.present("line.management", management);
    }

    /** {@return how this line is held: notional, third party or direct payment} */
    public ManagementOption option() {
        return management.option();
    }

    /** {@return whether this is a direct-payment line} */
    public boolean isDirectPayment() {
        return management instanceof Management.DirectPayment;
    }

    /**
     * A copy with another planned amount.
     *
     * @param amount the new amount planned for each period, more than zero
     * @return the copy
     * @throws InvalidInputException if {@code amount} is missing or zero
     */
    public BudgetLine withPlannedPerPeriod(Money amount) {
        return new BudgetLine(code, category, amount, management);
    }
}
