package io.github.personalcare.budget;

import io.github.personalcare.identity.RecordId;
import io.github.personalcare.lang.InvalidInputException;

import java.util.Objects;
import java.util.UUID;

/** Internal id of a {@link PersonalHealthBudget}; it owns the budget's ledger entries. */
public record BudgetId(UUID value) implements RecordId {
    /**
     * Checks the id is present.
     *
     * @param value the UUID
     * @throws NullPointerException if {@code value} is null
     */
    public BudgetId {
        Objects.requireNonNull(value, "value");
    }

    /** {@return a new random id} */
    public static BudgetId random() {
        return new BudgetId(UUID.randomUUID());
    }

    /**
     * Reads the UUID form.
     *
     * @param text a UUID in its canonical 36-character text form
     * @return the id
     * @throws InvalidInputException if {@code text} is missing or not a UUID
     */
    public static BudgetId parse(String text) {
        return new BudgetId(RecordId.uuid("budgetId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
