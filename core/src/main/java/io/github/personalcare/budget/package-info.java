/**
 * Personal health budgets: money a person controls to meet the outcomes of their agreed care
 * plan. Start at {@link io.github.personalcare.budget.BudgetService}. A
 * {@link io.github.personalcare.budget.PersonalHealthBudget} owns a
 * {@link io.github.personalcare.budget.Ledger} of allocations, spends, refunds, adjustments and
 * recoveries in exact pence ({@link io.github.personalcare.budget.Money}), never below zero
 * (R17); its lines come from the agreed plan (R15) and each is notional, third-party or a
 * direct payment (R14, R19–R27); {@link io.github.personalcare.budget.SpendingRule}s check
 * every spend (R16). Depends on patient, identity, access, audit, event, spi, internal and, through
 * {@link io.github.personalcare.budget.AgreedPlanLines} only, careplan.
 */
package io.github.personalcare.budget;
