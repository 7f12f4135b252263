package io.github.personalcare.budget;

import io.github.personalcare.internal.check.Require;

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
