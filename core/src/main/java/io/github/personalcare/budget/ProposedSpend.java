package io.github.personalcare.budget;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What a {@link SpendingRule} looks at: the budget as it stands, the spend about to be recorded,
 * the patient's current agreed plan (if any), the policy and the date of the command.
 *
 * @param budget the budget, at the version the spend will update
 * @param spend  the spend, validated but not stored
 * @param plan   the current agreed plan
 * @param policy the configured policy
 * @param today  the date of the command
 */
public record ProposedSpend(PersonalHealthBudget budget, LedgerEntry spend, Optional<AgreedPlan> plan,
        BudgetPolicy policy, LocalDate today) {
    /**
     * Checks the budget, spend, policy and date are present and the entry is a spend; an absent
     * plan becomes empty.
     *
     * @param budget the budget, at the version the spend will update
     * @param spend  the spend, validated but not stored
     * @param plan   the current agreed plan
     * @param policy the configured policy
     * @param today  the date of the command
     * @throws InvalidInputException if a required component is missing
     * @throws IllegalArgumentException if the entry is not a spend
     */
    public ProposedSpend {
        Require.present("budget", budget);
        Require.present("spend", spend);
        plan = plan == null ? Optional.empty() : plan;
        Require.present("policy", policy);
        Require.present("today", today);
        if (spend.kind() != EntryKind.SPEND) {
            throw new IllegalArgumentException("not a spend");
        }
    }
}
