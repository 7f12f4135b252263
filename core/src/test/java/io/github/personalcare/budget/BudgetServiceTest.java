package io.github.personalcare.budget;

import io.github.personalcare.careplan.CarePlanId;
import io.github.personalcare.report.BudgetReport;
import io.github.personalcare.report.ReportCount;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.UserId;

import io.github.personalcare.lang.IllegalTransitionException;
import io.github.personalcare.access.AccessDeniedException;
import io.github.personalcare.audit.AuditOutcome;
import io.github.personalcare.event.DomainEvent;
import io.github.personalcare.spi.OutboxEntry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import static io.github.personalcare.budget.BudgetWorld.EQUIP;
import static io.github.personalcare.budget.BudgetWorld.PA;
import static io.github.personalcare.budget.BudgetWorld.PHYSIO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BudgetServiceTest {
    /** Exact report figures go only to administration (R42 small numbers). */
    private static final AccessContext ADMIN = AccessContext.of(Actor.professional(UserId.of("ADMIN-1"),
            ProfessionalRole.ADMINISTRATOR, OdsCode.of("A81001")), Purpose.ADMINISTRATION);
    private final BudgetWorld b = new BudgetWorld();

    private List<DomainEvent> events() {
        return b.w.storage.inTransaction(tx -> tx.outbox().undelivered()).stream().map(OutboxEntry::event).toList();
    }

    @Test
    void aProposedBudgetIsActivatedSuspendedResumedAndEndedWithEvents() {
        PersonalHealthBudget budget = b.proposed();
        assertThat(budget.status()).isEqualTo(BudgetStatus.PROPOSED);

        b.budgets().activate(b.w.gp, budget.id(), b.version(budget.id()));
        b.budgets().suspend(b.w.gp, budget.id(), StatusReason.PERSON_AWAY, Optional.empty(), b.version(budget.id()));
        b.budgets().resume(b.w.gp, budget.id(), StatusReason.RESOLVED, Optional.empty(), b.version(budget.id()));
        PersonalHealthBudget ended = b.budgets().end(b.w.gp, budget.id(), StatusReason.NO_LONGER_NEEDED, Optional.empty(), b.version(budget.id())).value();

        assertThat(ended.history()).extracting(StatusChange::status).containsExactly(BudgetStatus.PROPOSED,
                BudgetStatus.ACTIVE, BudgetStatus.SUSPENDED, BudgetStatus.ACTIVE, BudgetStatus.ENDED);
        assertThat(events()).filteredOn(e -> e instanceof BudgetEvent).extracting(DomainEvent::type)
                .containsExactly("budget.proposed", "budget.status.active", "budget.status.suspended",
                        "budget.status.active", "budget.status.ended");
    }

    @Test
    void anEndedBudgetCannotBeResumed() {
        PersonalHealthBudget budget = b.active();
        b.budgets().end(b.w.gp, budget.id(), StatusReason.NO_LONGER_NEEDED, Optional.empty(), b.version(budget.id()));

        assertThatExceptionOfType(IllegalTransitionException.class)
                .isThrownBy(() -> b.budgets().resume(b.w.gp, budget.id(), StatusReason.RESOLVED, Optional.empty(), b.version(budget.id())))
                .satisfies(e -> assertThat(e.state()).isEqualTo("ENDED"));
    }

    @Test
    void aSuspendedBudgetTakesNoSpends() {
        PersonalHealthBudget budget = b.funded();
        b.budgets().suspend(b.w.gp, budget.id(), StatusReason.CONCERN_ABOUT_USE, Optional.empty(), b.version(budget.id()));

        assertThatExceptionOfType(SpendRejectedException.class)
                .isThrownBy(() -> b.budgets().recordSpend(b.w.gp, budget.id(),
                        b.spend("s-1", PHYSIO, "1.00", SpendCategory.THERAPY)))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(SpendRejectedException.Reason.BUDGET_NOT_ACTIVE));
    }

    @Test
    void theSameKeyTwiceRecordsOnceAndReturnsTheFirstEntry() {
        PersonalHealthBudget budget = b.funded();
        LedgerCommand.Spend spend = b.spend("inv-17", PHYSIO, "40.00", SpendCategory.THERAPY);

        LedgerEntry first = b.budgets().recordSpend(b.w.gp, budget.id(), spend);
        LedgerEntry again = b.budgets().recordSpend(b.w.gp, budget.id(), spend);

        assertThat(again).isEqualTo(first);
        assertThat(b.storedEntries(budget.id())).filteredOn(e -> e.kind() == EntryKind.SPEND).hasSize(1);
        assertThat(b.budgets().balance(b.w.gp, budget.id(), PHYSIO)).isEqualTo(new Balance(116_000));
    }

    @Test
    void aSpendIsAuditedAndPublishedWithCodesOnly() {
        PersonalHealthBudget budget = b.funded();

        LedgerEntry e = b.budgets().recordSpend(b.w.gp, budget.id(), b.spend("s-1", PHYSIO, "40.00", SpendCategory.THERAPY));

        assertThat(b.audit()).last().satisfies(a -> {
            assertThat(a.action()).isEqualTo("budget.spend");
            assertThat(a.outcome()).isEqualTo(AuditOutcome.SUCCESS);
        });
        assertThat(events()).last().isEqualTo(new BudgetEvent.EntryRecorded(
                ((BudgetEvent.EntryRecorded) events().get(events().size() - 1)).eventId(), b.w.clock.instant(),
                b.patient(), budget.id(), e.id(), EntryKind.SPEND, "PHYSIO", -4_000));
    }

    @Test
    void someoneOutsideThePatientsCareIsDeniedAndNothingIsStored() {
        PersonalHealthBudget budget = b.funded();
        int entries = b.storedEntries(budget.id()).size();

        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> b.budgets().recordSpend(b.w.stranger, budget.id(),
                        b.spend("s-1", PHYSIO, "1.00", SpendCategory.THERAPY)));
        assertThat(b.storedEntries(budget.id())).hasSize(entries);
        assertThat(b.audit()).last().satisfies(a -> assertThat(a.outcome()).isEqualTo(AuditOutcome.DENY));
    }

    @Test
    void thePatientCanReadTheirOwnBalance() {
        PersonalHealthBudget budget = b.funded();

        assertThat(b.budgets().balance(b.w.self, budget.id())).isEqualTo(new Balance(500_000));
    }

    @Test
    void aStatementHasOpeningEntriesClosingAndLines() {
        PersonalHealthBudget budget = b.funded();
        b.budgets().recordSpend(b.w.gp, budget.id(), b.spend("s-1", PHYSIO, "40.00", SpendCategory.THERAPY));
        b.budgets().recordRefund(b.w.gp, budget.id(), new LedgerCommand.Refund("r-1", PHYSIO, Money.parse("5.00"),
                b.today, BudgetWorld.PAYEE));

        Statement s = b.budgets().statement(b.w.gp, budget.id(), b.today);

        assertThat(s.period()).isEqualTo(new BudgetPeriod(b.today, b.today.plusYears(1)));
        assertThat(s.opening()).isEqualTo(Balance.ZERO);
        assertThat(s.entries()).hasSize(5);
        assertThat(s.closing()).isEqualTo(new Balance(496_500));
        assertThat(s.lines()).extracting(Statement.LineStatement::line).containsExactly(PA, PHYSIO, EQUIP);
        Statement.LineStatement physio = s.lines().get(1);
        assertThat(physio.spent()).isEqualTo(Money.parse("40.00"));
        assertThat(physio.refunded()).isEqualTo(Money.parse("5.00"));
        assertThat(physio.closing()).isEqualTo(new Balance(116_500));
    }

    @Test
    void theNextPeriodsStatementOpensWithTheClosingBalance() {
        PersonalHealthBudget budget = b.funded();
        b.budgets().recordSpend(b.w.gp, budget.id(), b.spend("s-1", PHYSIO, "40.00", SpendCategory.THERAPY));

        Statement next = b.budgets().statement(b.w.gp, budget.id(), b.today.plusYears(1));

        assertThat(next.opening()).isEqualTo(new Balance(496_000));
        assertThat(next.entries()).isEmpty();
        assertThat(next.closing()).isEqualTo(next.opening());
    }

    @Test
    @DisplayName("R23 the forecast follows each line's payment schedule and counts the planned money still to come")
    void theForecastFollowsThePaymentSchedule() {
        PersonalHealthBudget budget = b.funded();
        b.budgets().recordSpend(b.w.gp, budget.id(), b.spend("s-1", EQUIP, "100.00", SpendCategory.EQUIPMENT));
        b.w.clock.advance(Duration.ofDays(9)); // 10 days elapsed: one monthly payment due of 12

        Forecast f = b.budgets().forecast(b.w.gp, budget.id());

        assertThat(f.spentSoFar()).isEqualTo(Money.parse("100.00"));
        assertThat(f.projectedSpend()).isEqualTo(Money.parse("1200.00"));
        assertThat(f.scheduledToCome()).isEqualTo(Money.parse("3000.00")); // the direct-payment line's other half
        assertThat(f.projectedClosing()).isEqualTo(new Balance(490_000 + 300_000 - 110_000));
        assertThat(f.isShortfall()).isFalse();
    }

    @Test
    void aSpendingRateThatWouldRunOutBeforeThePeriodEndsIsAShortfall() {
        PersonalHealthBudget budget = b.funded();
        b.budgets().recordSpend(b.w.gp, budget.id(), b.spend("s-1", EQUIP, "400.00", SpendCategory.EQUIPMENT));
        b.w.clock.advance(Duration.ofDays(29)); // 30 days elapsed: still the first monthly payment

        Forecast f = b.budgets().forecast(b.w.gp, budget.id());

        assertThat(f.projectedSpend()).isEqualTo(Money.parse("4800.00"));
        assertThat(f.isShortfall()).isFalse();
        b.budgets().recordSpend(b.w.gp, budget.id(), b.spend("s-2", PA, "2000.00", SpendCategory.PERSONAL_ASSISTANT));
        assertThat(b.budgets().forecast(b.w.gp, budget.id()).isShortfall()).isTrue();
    }

    @Test
    @DisplayName("R23 £6,000 a year paid £500 a month, the first £500 paid and spent on day 1: no shortfall on day 30")
    void r23SpendingWhatIsPaidAsItIsPaidIsNoShortfall() {
        CarePlanId plan = b.agreedPlanFunding(PA).value().id();
        BudgetLine monthly = b.standardLines().get(0); // £6,000 a year, direct payment, paid monthly
        PersonalHealthBudget budget = b.budgets().propose(b.w.gp, b.proposal(plan, List.of(monthly))).value();
        budget = b.budgets().activate(b.w.gp, budget.id(), 1).value();
        b.budgets().allocate(b.w.gp, budget.id(), LedgerCommand.Allocation.directPayment("pay-1", PA,
                Money.parse("500.00"), b.today, BudgetWorld.ACCOUNT));
        b.budgets().recordSpend(b.w.gp, budget.id(), b.spend("s-1", PA, "500.00", SpendCategory.PERSONAL_ASSISTANT));
        b.w.clock.advance(Duration.ofDays(29));

        Forecast f = b.budgets().forecast(b.w.gp, budget.id());

        assertThat(f.projectedSpend()).isEqualTo(Money.parse("6000.00"));
        assertThat(f.scheduledToCome()).isEqualTo(Money.parse("5500.00"));
        assertThat(f.projectedClosing()).isEqualTo(Balance.ZERO);
        assertThat(f.isShortfall()).isFalse();

        // The same person paid weekly has had five payments by day 30: the rate is five weeks' worth.
        BudgetPeriod period = f.period();
        Ledger ledger = b.budgets().ledger(b.w.gp, budget.id());
        Forecast weekly = ledger.forecast(period, f.asOf(), List.of(monthly.paidIn(PaymentFrequency.WEEKLY)));
        assertThat(weekly.projectedSpend()).isEqualTo(Money.parse("5300.00")); // £500 over 5 of 53 payments
    }

    @Test
    @DisplayName("R23 a line paid once for the period is to last the period: its spending is carried by the days elapsed")
    void aLinePaidOnceIsForecastByTheDaysElapsed() {
        PersonalHealthBudget budget = b.funded();
        b.budgets().recordSpend(b.w.gp, budget.id(), b.spend("s-1", EQUIP, "700.00", SpendCategory.EQUIPMENT));
        b.w.clock.advance(Duration.ofDays(29)); // 30 days of 365

        Forecast monthly = b.budgets().forecast(b.w.gp, budget.id());
        List<BudgetLine> lines = b.budgets().get(b.w.gp, budget.id()).value().lines().stream()
                .map(l -> l.code().equals(EQUIP) ? l.paidIn(PaymentFrequency.ONCE_PER_PERIOD) : l).toList();
        Forecast once = b.budgets().ledger(b.w.gp, budget.id()).forecast(monthly.period(), monthly.asOf(), lines);

        assertThat(once.projectedSpend()).isEqualTo(Money.parse("8516.67")); // £700 in 30 days, over 365 days
        assertThat(once.isShortfall()).isTrue();
    }

    @Test
    @DisplayName("R25 once direct payments stop, no more money is forecast to come into a direct-payment line")
    void noMoneyIsForecastToComeAfterDirectPaymentsStop() {
        PersonalHealthBudget budget = b.funded();
        assertThat(b.budgets().forecast(b.w.gp, budget.id()).scheduledToCome()).isEqualTo(Money.parse("3000.00"));

        b.budgets().withdrawDirectPaymentConsent(b.w.gp, budget.id(), b.today, b.version(budget.id()));

        assertThat(b.budgets().forecast(b.w.gp, budget.id()).scheduledToCome()).isEqualTo(Money.ZERO);
    }

    @Test
    void activeBudgetsAreCountedByHowAndWhyTheyAreHeld() {
        PersonalHealthBudget funded = b.funded();
        b.budgets().propose(b.w.gp, b.proposal(funded.carePlan(), b.standardLines())); // proposed: not counted

        BudgetReport.ActiveBudgets report = b.w.care.reports().activeBudgets(ADMIN);

        assertThat(report.total()).isEqualTo(ReportCount.exact(1));
        assertThat(report.using(ManagementOption.DIRECT_PAYMENT)).isEqualTo(ReportCount.exact(1));
        assertThat(report.using(ManagementOption.NOTIONAL)).isEqualTo(ReportCount.exact(1));
        assertThat(report.heldFor(EligibilityReason.CONTINUING_HEALTHCARE)).isEqualTo(ReportCount.exact(1));
        assertThat(report.heldFor(EligibilityReason.WHEELCHAIR)).isEqualTo(ReportCount.exact(0));
        // R42 anyone not acting for administration gets the small numbers suppressed
        assertThat(b.w.care.reports().activeBudgets(b.w.gp).total().isSuppressed()).isTrue();
    }

    @Test
    void spendIsReportedByCategoryAndMonth() {
        PersonalHealthBudget budget = b.funded();
        b.budgets().recordSpend(b.w.gp, budget.id(), b.spend("s-1", PHYSIO, "40.00", SpendCategory.THERAPY));
        b.budgets().recordSpend(b.w.gp, budget.id(), b.spend("s-2", PHYSIO, "10.00", SpendCategory.THERAPY));
        b.budgets().recordSpend(b.w.gp, budget.id(), b.spend("s-3", EQUIP, "99.99", SpendCategory.EQUIPMENT));

        BudgetReport.SpendByCategory report = b.w.care.reports().spendByCategory(ADMIN, b.today.withDayOfMonth(1),
                b.today.plusMonths(1).withDayOfMonth(1));

        assertThat(report.spend()).containsExactlyInAnyOrder(
                new BudgetReport.CategorySpend(YearMonth.from(b.today), SpendCategory.EQUIPMENT,
                        Optional.of(Money.parse("99.99")), ReportCount.exact(1)),
                new BudgetReport.CategorySpend(YearMonth.from(b.today), SpendCategory.THERAPY,
                        Optional.of(Money.parse("50.00")), ReportCount.exact(2)));
        assertThat(report.total(SpendCategory.THERAPY)).isEqualTo(Money.parse("50.00"));
        // R42 for anyone else the amounts of suppressed counts are withheld too
        BudgetReport.SpendByCategory planning = b.w.care.reports().spendByCategory(b.w.gp,
                b.today.withDayOfMonth(1), b.today.plusMonths(1).withDayOfMonth(1));
        assertThat(planning.spend()).allSatisfy(r -> assertThat(r.amount()).isEmpty());
        assertThat(planning.total(SpendCategory.THERAPY)).isEqualTo(Money.ZERO);
    }

    @Test
    void populationReportsAreDeniedToACarer() {
        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> b.w.care.reports().activeBudgets(b.w.carer));
    }
}
