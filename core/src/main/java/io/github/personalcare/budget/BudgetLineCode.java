package io.github.personalcare.budget;

import io.github.personalcare.lang.InvalidInputException;

/**
 * The code of a budget line, as the agreed care plan's support-and-services item names it
 * ({@code "CARER-HOURS"}): 1–40 uppercase letters, digits or '-'. A budget line may exist only
 * for a code the agreed plan references, and every spend names one (R15). Codes are not
 * personal and may be logged.
 */
public record BudgetLineCode(String value) {
    /**
     * Checks the code (R15).
     *
     * @param value 1 to 40 uppercase letters, digits or '-'
     * @throws InvalidInputException unless 1–40 uppercase letters, digits or '-'
     */
    public BudgetLineCode {
        if (value == null || value.isEmpty() || value.length() > 40) {
            throw new InvalidInputException("budgetLine", "R15", "must be 1 to 40 characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) {
                throw new InvalidInputException("budgetLine", "R15", "must be uppercase letters, digits or '-'");
            }
        }
    }

    /**
     * Reads a line code.
     *
     * @param value 1 to 40 uppercase letters, digits or '-'
     * @return the line code
     * @throws InvalidInputException unless 1 to 40 uppercase letters, digits or '-'
     */
    public static BudgetLineCode of(String value) {
        return new BudgetLineCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
