package io.github.personalcare.budget;

import io.github.personalcare.lang.InvalidInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import java.util.Optional;
import static io.github.personalcare.budget.BudgetWorld.PAYEE;
import static io.github.personalcare.budget.BudgetWorld.PHYSIO;
import static io.github.personalcare.budget.SpendRejectedException.Reason.LINE_NOT_IN_PLAN;
import static io.github.personalcare.budget.SpendRejectedException.Reason.OUTSIDE_PERIOD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Bad input gives a typed error naming the field and the rule, and nothing is stored. */
class BudgetBadInputTest {
    private final BudgetWorld b = new BudgetWorld();
    private PersonalHealthBudget budget;
    private long version;
    private int entries;
    private int outbox;

    @BeforeEach
    void fundedBudget() {
        budget = b.funded();
        version = b.stored(budget.id()).version();
        entries = b.storedEntries(budget.id()).size();
        outbox = b.outboxSize();
    }

    private void assertNothingStored() {
        assertThat(b.storedEntries(budget.id())).hasSize(entries);
        assertThat(b.stored(budget.id()).version()).isEqualTo(version);
        assertThat(b.outboxSize()).isEqualTo(outbox);
    }

    private LedgerCommand.Spend spendOf(String amount, String currency) {
        return LedgerCommand.Spend.of("s-1", "PHYSIO", amount, currency, b.today, SpendCategory.THERAPY, PAYEE);
    }

    @Test
    void aNegativeAmountIsRejected() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> b.budgets().recordSpend(b.w.gp, budget.id(), spendOf("-5.00", "GBP")))
                .satisfies(e -> assertThat(e.field()).isEqualTo("amount"))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R17"));
        assertNothingStored();
    }

    @Test
    void aZeroAmountIsRejected() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> b.budgets().recordSpend(b.w.gp, budget.id(), spendOf("0.00", "GBP")))
                .satisfies(e -> assertThat(e.field()).isEqualTo("amount"))
                .satisfies(e -> assertThat(e.getMessage()).contains("more than zero"));
        assertNothingStored();
    }

    @Test
    void anOverPreciseAmountIsRejectedNotRounded() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> b.budgets().recordSpend(b.w.gp, budget.id(), spendOf("12.505", "GBP")))
                .satisfies(e -> assertThat(e.field()).isEqualTo("amount"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("12.505"));
        assertNothingStored();
    }

    @Test
    void aWrongCurrencyIsRejected() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> b.budgets().recordSpend(b.w.gp, budget.id(), spendOf("12.50", "EUR")))
                .satisfies(e -> assertThat(e.field()).isEqualTo("currency"))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R17"));
        assertNothingStored();
    }

    @Test
    void anUnknownLineIsRejectedAsNotInThePlan() {
        assertThatExceptionOfType(SpendRejectedException.class)
                .isThrownBy(() -> b.budgets().recordSpend(b.w.gp, budget.id(),
                        b.spend("s-1", BudgetLineCode.of("NO-SUCH-LINE"), "5.00", SpendCategory.THERAPY)))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(LINE_NOT_IN_PLAN));
        assertNothingStored();
    }

    @Test
    void aMalformedLineCodeIsRejected() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> LedgerCommand.Spend.of("s-1", "physio hours", "5.00", "GBP", b.today,
                        SpendCategory.THERAPY, PAYEE))
                .satisfies(e -> assertThat(e.field()).isEqualTo("budgetLine"));
        assertNothingStored();
    }

    @Test
    void aSpendDatedBeforeThePeriodIsRejected() {
        LocalDate lastYear = b.today.minusDays(1);
        assertThatExceptionOfType(SpendRejectedException.class)
                .isThrownBy(() -> b.budgets().recordSpend(b.w.gp, budget.id(), LedgerCommand.Spend.of("s-1", PHYSIO,
                        Money.parse("5.00"), lastYear, SpendCategory.THERAPY, PAYEE)))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(OUTSIDE_PERIOD));
        assertNothingStored();
    }

    @Test
    void aSpendDatedInTheFutureIsRejected() {
        assertThatExceptionOfType(SpendRejectedException.class)
                .isThrownBy(() -> b.budgets().recordSpend(b.w.gp, budget.id(), LedgerCommand.Spend.of("s-1", PHYSIO,
                        Money.parse("5.00"), b.today.plusDays(1), SpendCategory.THERAPY, PAYEE)))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(OUTSIDE_PERIOD));
        assertNothingStored();
    }

    @Test
    void anAllocationDatedOutsideThePeriodIsRejected() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> b.budgets().allocate(b.w.gp, budget.id(), LedgerCommand.Allocation.of("a-9", PHYSIO,
                        Money.parse("5.00"), b.today.minusDays(1))))
                .satisfies(e -> assertThat(e.field()).isEqualTo("date"))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("PERIOD"));
        assertNothingStored();
    }

    @Test
    void anIdempotencyKeyReusedForADifferentEntryIsRejected() {
        b.budgets().recordSpend(b.w.gp, budget.id(), b.spend("s-1", PHYSIO, "5.00", SpendCategory.THERAPY));
        int after = b.storedEntries(budget.id()).size();

        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> b.budgets().recordSpend(b.w.gp, budget.id(),
                        b.spend("s-1", PHYSIO, "6.00", SpendCategory.THERAPY)))
                .satisfies(e -> assertThat(e.field()).isEqualTo("idempotencyKey"));
        assertThat(b.storedEntries(budget.id())).hasSize(after);
    }

    @Test
    void aMalformedIdempotencyKeyIsRejected() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> b.spend("key with spaces", PHYSIO, "5.00", SpendCategory.THERAPY))
                .satisfies(e -> assertThat(e.field()).isEqualTo("idempotencyKey"));
    }

    @Test
    void aBlankPayeeIsRejected() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> LedgerCommand.Spend.of("s-1", PHYSIO, Money.parse("5.00"), b.today,
                        SpendCategory.THERAPY, " "))
                .satisfies(e -> assertThat(e.field()).isEqualTo("payee"));
    }

    @Test
    @DisplayName("Issue 15 item 7: a statement or health change dated outside CalendarLimits is a typed error")
    void datesOutsideTheCalendarLimitsAreTypedErrors() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> b.budgets().statement(b.w.gp, budget.id(), java.time.LocalDate.MAX))
                .satisfies(e -> assertThat(e.field()).isEqualTo("date"))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("DATE"));
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> b.budgets().recordHealthChange(b.w.gp, budget.id(), java.time.LocalDate.of(1, 1, 1),
                        version))
                .satisfies(e -> assertThat(e.field()).isEqualTo("on"));
        assertNothingStored();
    }

    @Test
    @DisplayName("R17 issue 15 item 7: an allocation of Long.MAX_VALUE pence is a typed error, not an overflow")
    void anAllocationAboveTheMaximumIsATypedError() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> b.budgets().allocate(b.w.gp, budget.id(), LedgerCommand.Allocation.of("a-max",
                        BudgetWorld.PA, Money.ofPence(Long.MAX_VALUE), b.today)))
                .satisfies(e -> assertThat(e.field()).isEqualTo("amount"));
        assertNothingStored();
    }

    @Test
    @DisplayName("R24 issue 15 item 7: a planned amount or notice left out is a typed error naming it, nothing stored")
    void aMissingPlannedAmountIsATypedError() {
        int audited = b.w.storage.inTransaction(tx -> tx.audit().forPatient(budget.patient())).size();
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> b.budgets().changePlannedAmount(b.w.gp, budget.id(), BudgetWorld.PA, null,
                        Optional.empty(), version))
                .satisfies(e -> assertThat(e.field()).isEqualTo("amount"));
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> b.budgets().changePlannedAmount(b.w.gp, budget.id(), BudgetWorld.PA,
                        Money.parse("10.00"), null, version))
                .satisfies(e -> assertThat(e.field()).isEqualTo("notice"));
        assertNothingStored();
        int after = b.w.storage.inTransaction(tx -> tx.audit().forPatient(budget.patient())).size();
        assertThat(after).isEqualTo(audited);
    }
}
