package io.github.personalcare.budget;

import io.github.personalcare.spi.AggregateType;
import io.github.personalcare.spi.EntryType;
import io.github.personalcare.spi.Index;

import java.util.List;

/** The storage descriptions of budgets and their ledgers, which every storage adapter keeps. */
public final class BudgetStores {
    /**
     * Budgets, queryable by status, cohort (eligibility reason), care plan, whether any line is a
     * direct payment, next review date and whether a review task is open (so the review queue is
     * an indexed query, never a scan of every budget), and whether any line is notional or managed
     * by a third party (for the count by management option).
     */
    public static final AggregateType<BudgetId, PersonalHealthBudget> BUDGETS = new AggregateType<>(
            "personal_health_budget", PersonalHealthBudget.class, PersonalHealthBudget::id,
            PersonalHealthBudget::patient, List.of(
                    Index.text("status", PersonalHealthBudget::status),
                    Index.text("cohort", b -> b.eligibility().reason()),
                    Index.text("care_plan", PersonalHealthBudget::carePlan),
                    Index.bool("direct_payment", PersonalHealthBudget::hasDirectPayments),
                    Index.date("next_review_due", b -> b.nextReviewDue().orElse(null)),
                    Index.bool("review_task_open", b -> b.reviewTasks().stream().anyMatch(ReviewTask::isOpen)),
                    Index.bool("notional", b -> b.options().contains(ManagementOption.NOTIONAL)),
                    Index.bool("third_party", b -> b.options().contains(ManagementOption.THIRD_PARTY))));

    /**
     * Ledger entries, owned by their budget, with idempotency keys unique per budget, and the
     * columns the spend report totals in the database: {@code kind} (the {@link EntryKind} name),
     * {@code entry_date} (the UK date the money moved), {@code category} (the spend category's code,
     * null for other kinds) and {@code amount_pence}.
     */
    public static final EntryType<LedgerEntry> LEDGER = new EntryType<>(
            "budget_ledger_entry", LedgerEntry.class, LedgerEntry::budget, LedgerEntry::patient,
            LedgerEntry::idempotencyKey, List.of(
                    Index.text("kind", LedgerEntry::kind),
                    Index.date("entry_date", LedgerEntry::date),
                    Index.text("category", e -> e.category().map(SpendCategory::code).orElse(null)),
                    Index.number("amount_pence", e -> e.amount().pence())));

    private BudgetStores() {
    }
}
