package io.github.personalcare.budget;

import io.github.personalcare.audit.AuditEvent;
import io.github.personalcare.audit.AuditOutcome;
import io.github.personalcare.lang.InvalidInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.personalcare.budget.BudgetWorld.PHYSIO;
import static io.github.personalcare.budget.SpendRejectedException.Reason.INSUFFICIENT_FUNDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A ledger command sent again with its idempotency key is answered with the entry the first one
 * recorded, whatever the budget would say of it now, and leaves nothing behind: no second entry, no
 * new budget version, no event, no refusal on the audit trail. The key is not looked up before a
 * first run (one statement fewer per spend); a resend is found when a rule refuses it or when its
 * entry collides with the first.
 */
class LedgerResendTest {
    private final BudgetWorld b = new BudgetWorld();
    private PersonalHealthBudget budget;

    @BeforeEach
    void fundedBudget() {
        budget = b.funded();
    }

    private List<AuditOutcome> refusals() {
        return b.audit().stream().map(AuditEvent::outcome)
                .filter(o -> o == AuditOutcome.REJECTED || o == AuditOutcome.ERROR).toList();
    }

    @Test
    @DisplayName("R17 a resent spend the budget could take again returns the first entry and records nothing")
    void aResendTheRulesWouldPassReturnsTheFirstEntry() {
        LedgerEntry first = b.budgets().recordSpend(b.w.gp, budget.id(), b.spend("s-1", PHYSIO, "5.00", SpendCategory.THERAPY));
        long version = b.version(budget.id());
        int entries = b.storedEntries(budget.id()).size();
        int outbox = b.outboxSize();

        LedgerEntry again = b.budgets().recordSpend(b.w.gp, budget.id(), b.spend("s-1", PHYSIO, "5.00", SpendCategory.THERAPY));

        assertThat(again).isEqualTo(first);
        assertThat(b.storedEntries(budget.id())).hasSize(entries);
        assertThat(b.version(budget.id())).isEqualTo(version);
        assertThat(b.outboxSize()).isEqualTo(outbox);
        assertThat(b.budgets().balance(b.w.gp, budget.id(), PHYSIO)).isEqualTo(new Balance(119_500));
        assertThat(refusals()).isEmpty();
    }

    @Test
    @DisplayName("R17 a resent spend that took the last of the money returns the first entry, not a refusal")
    void aResendTheRulesWouldNowRefuseReturnsTheFirstEntry() {
        LedgerEntry first = b.budgets().recordSpend(b.w.gp, budget.id(), b.spend("s-all", PHYSIO, "1200.00",
                SpendCategory.THERAPY));
        assertThatExceptionOfType(SpendRejectedException.class)
                .isThrownBy(() -> b.budgets().recordSpend(b.w.gp, budget.id(), b.spend("s-more", PHYSIO, "1200.00",
                        SpendCategory.THERAPY)))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(INSUFFICIENT_FUNDS));
        int refused = refusals().size();
        long version = b.version(budget.id());

        LedgerEntry again = b.budgets().recordSpend(b.w.gp, budget.id(), b.spend("s-all", PHYSIO, "1200.00",
                SpendCategory.THERAPY));

        assertThat(again).isEqualTo(first);
        assertThat(b.version(budget.id())).isEqualTo(version);
        assertThat(b.budgets().balance(b.w.gp, budget.id(), PHYSIO)).isEqualTo(Balance.ZERO);
        assertThat(refusals()).as("the resend is not audited as refused").hasSize(refused);
    }

    @Test
    void aKeyReusedForAnotherEntryTheRulesWouldRefuseNamesTheKeyNotTheRule() {
        b.budgets().recordSpend(b.w.gp, budget.id(), b.spend("s-all", PHYSIO, "1200.00", SpendCategory.THERAPY));
        int entries = b.storedEntries(budget.id()).size();

        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> b.budgets().recordSpend(b.w.gp, budget.id(), b.spend("s-all", PHYSIO, "1300.00",
                        SpendCategory.THERAPY)))
                .satisfies(e -> assertThat(e.field()).isEqualTo("idempotencyKey"))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("IDEMPOTENCY"));
        assertThat(b.storedEntries(budget.id())).hasSize(entries);
    }

    @Test
    void aResentAllocationReturnsTheFirstEntry() {
        LedgerEntry first = b.budgets().allocate(b.w.gp, budget.id(), LedgerCommand.Allocation.of("alloc-more", PHYSIO,
                Money.parse("10.00"), b.today));
        long version = b.version(budget.id());

        LedgerEntry again = b.budgets().allocate(b.w.gp, budget.id(), LedgerCommand.Allocation.of("alloc-more", PHYSIO,
                Money.parse("10.00"), b.today));

        assertThat(again).isEqualTo(first);
        assertThat(b.version(budget.id())).isEqualTo(version);
        assertThat(refusals()).isEmpty();
    }
}
