package io.github.personalcare.budget;

/**
 * A signed balance in pence, derived from ledger entries. It is below zero only for a notional
 * line overspent with a named approver, where the configured {@link BudgetPolicy} allows it;
 * every other balance is kept at zero or more (R17).
 *
 * @param pence the balance in pence; negative when overspent
 */
public record Balance(long pence) implements Comparable<Balance> {
    /** Nothing. */
    public static final Balance ZERO = new Balance(0);

    /**
     * The balance after an entry moving {@code signedPence}.
     *
     * @param signedPence the entry's amount: positive into the budget, negative out of it
     * @return the new balance
     * @throws ArithmeticException if the result does not fit in a {@code long}
     */
    public Balance plus(long signedPence) {
        return new Balance(Math.addExact(pence, signedPence));
    }

    /**
     * The sum of two balances.
     *
     * @param other the other balance
     * @return the sum
     * @throws ArithmeticException if the result does not fit in a {@code long}
     */
    public Balance plus(Balance other) {
        return plus(other.pence);
    }

    /** {@return whether the balance is below zero} */
    public boolean isOverdrawn() {
        return pence < 0;
    }

    /**
     * {@return whether at least {@code amount} remains}
     *
     * @param amount the amount asked about
     */
    public boolean covers(Money amount) {
        return pence >= amount.pence();
    }

    /** {@return the balance as money, zero when overdrawn} */
    public Money available() {
        return Money.ofPence(Math.max(0, pence));
    }

    @Override
    public int compareTo(Balance other) {
        return Long.compare(pence, other.pence);
    }

    @Override
    public String toString() {
        return (pence < 0 ? "-" : "") + Money.ofPence(Math.abs(pence));
    }
}
