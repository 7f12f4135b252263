package io.github.personalcare.careplan;

import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.identity.OdsCode;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A service or item of support that is commissioned for the person (§1.2): what it is (at most
 * {@link Require#LONG_TEXT} characters), optionally the provider's ODS code, and optionally the
 * personal health budget line that funds it. A budget line code is 1–40 uppercase letters, digits
 * and hyphens; a budget's every line must be referenced by the patient's current agreed plan (R15).
 */
public record SupportItem(String description, Optional<OdsCode> provider, Optional<String> budgetLine) {
    private static final Pattern BUDGET_LINE = Pattern.compile("[A-Z0-9-]{1,40}");

    /**
     * Checks the item; absent optionals become empty.
     *
     * @param description what is commissioned
     * @param provider    the provider's ODS code, if known
     * @param budgetLine  the personal health budget line that funds it, if any
     * @throws InvalidInputException naming {@code support.description} or
     *                               {@code support.budgetLine}
     */
    public SupportItem {
        description = Require.text("support.description", description, Require.LONG_TEXT);
        provider = provider == null ? Optional.empty() : provider;
        budgetLine = budgetLine == null ? Optional.empty() : budgetLine;
        if (budgetLine.isPresent() && !BUDGET_LINE.matcher(budgetLine.get()).matches()) {
            throw new InvalidInputException("support.budgetLine", "R15",
                    "must be 1 to 40 uppercase letters, digits or '-'");
        }
    }

    /**
     * A service not funded by a personal health budget.
     *
     * @param description what is commissioned
     * @return the item
     * @throws InvalidInputException if the description is blank or too long
     */
    public static SupportItem of(String description) {
        return new SupportItem(description, Optional.empty(), Optional.empty());
    }

    /**
     * A service funded by the given personal health budget line.
     *
     * @param description what is commissioned
     * @param budgetLine  the budget line code, 1 to 40 uppercase letters, digits and hyphens
     * @return the item
     * @throws InvalidInputException if the description or the budget line code is not valid
     * @throws NullPointerException if {@code budgetLine} is null
     */
    public static SupportItem fundedBy(String description, String budgetLine) {
        return new SupportItem(description, Optional.empty(), Optional.of(budgetLine));
    }
}
