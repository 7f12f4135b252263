package io.github.personalcare.budget;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;

/**
 * One line of a budget: the care plan item it pays for (by code, R15), what it is for
 * (category), the amount planned for each allocation period, how the money is held (R14) and how
 * often it is paid in.
 *
 * @param code              the plan's budget line code
 * @param category          what the money is for; may not be an excluded category (R16)
 * @param plannedPerPeriod  the amount planned for each period
 * @param management        how the line's money is held
 * @param paymentFrequency  how often the planned amount is paid in, in equal instalments from the
 *                          period's first day; {@link PaymentFrequency#MONTHLY} if not given
 */
public record BudgetLine(BudgetLineCode code, SpendCategory category, Money plannedPerPeriod, Management management,
        PaymentFrequency paymentFrequency) {
    /**
     * Checks the line: every component but the schedule is required and the planned amount is
     * more than zero (R17); no schedule means monthly.
     *
     * @param code             the plan's budget line code
     * @param category         what the money is for
     * @param plannedPerPeriod the amount planned for each period
     * @param management       how the line's money is held
     * @param paymentFrequency how often the planned amount is paid in
     * @throws InvalidInputException naming the component that is missing or not positive
     */
    public BudgetLine {
        Require.present("line.code", code);
        Require.present("line.category", category);
        Require.present("line.plannedPerPeriod", plannedPerPeriod).requirePositive("line.plannedPerPeriod");
        Require.present("line.management", management);
        paymentFrequency = paymentFrequency == null ? PaymentFrequency.MONTHLY : paymentFrequency;
    }

    /**
     * A line paid in monthly.
     *
     * @param code             the plan's budget line code
     * @param category         what the money is for
     * @param plannedPerPeriod the amount planned for each period
     * @param management       how the line's money is held
     * @throws InvalidInputException naming the component that is missing or not positive
     */
    public BudgetLine(BudgetLineCode code, SpendCategory category, Money plannedPerPeriod, Management management) {
        this(code, category, plannedPerPeriod, management, PaymentFrequency.MONTHLY);
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
        return new BudgetLine(code, category, amount, management, paymentFrequency);
    }

    /**
     * A copy paid in at another frequency.
     *
     * @param frequency how often the planned amount is paid in; monthly if null
     * @return the copy
     */
    public BudgetLine paidIn(PaymentFrequency frequency) {
        return new BudgetLine(code, category, plannedPerPeriod, management, frequency);
    }
}
