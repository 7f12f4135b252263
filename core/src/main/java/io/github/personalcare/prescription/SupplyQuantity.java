package io.github.personalcare.prescription;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;

/**
 * How much of a medicine one issue supplies, such as 56 tablet or 300 ml.
 *
 * @param amount a whole number of units, 1 to 100,000
 * @param unit   the unit of measure in words (the dm+d unit of the pack), such as {@code "tablet"}
 */
public record SupplyQuantity(int amount, String unit) {
    /** The largest amount one issue may supply. */
    public static final int MAX_AMOUNT = 100_000;

    /**
     * Checks the amount and unit.
     *
     * @param amount 1 to 100,000
     * @param unit   1 to 40 characters
     * @throws InvalidInputException naming {@code quantity.amount} or {@code quantity.unit}
     */
    public SupplyQuantity {
        if (amount < 1 || amount > MAX_AMOUNT) {
            throw new InvalidInputException("quantity.amount", "RANGE", "must be 1 to " + MAX_AMOUNT);
        }
        Require.text("quantity.unit", unit, 40);
    }

    /**
     * A quantity.
     *
     * @param amount 1 to 100,000
     * @param unit   the unit in words
     * @return the quantity
     * @throws InvalidInputException if either is out of range
     */
    public static SupplyQuantity of(int amount, String unit) {
        return new SupplyQuantity(amount, unit);
    }

    @Override
    public String toString() {
        return amount + " " + unit;
    }
}
