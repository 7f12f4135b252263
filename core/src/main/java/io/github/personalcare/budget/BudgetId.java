package io.github.personalcare.budget;

import io.github.personalcare.identity.RecordId;

import java.util.Objects;
import java.util.UUID;

/** Internal id of a {@link PersonalHealthBudget}; it owns the budget's ledger entries. */
public record BudgetId(UUID value) implements RecordId {
    public BudgetId {
        Objects.requireNonNull(value, "value");
    }

    /** A new random id. */
    public static BudgetId random() {
        return new BudgetId(UUID.randomUUID());
    }

    /** Reads the UUID form. */
    public static BudgetId parse(String text) {
        return new BudgetId(RecordId.uuid("budgetId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
