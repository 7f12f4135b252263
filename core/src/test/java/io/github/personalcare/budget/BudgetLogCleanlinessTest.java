package io.github.personalcare.budget;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.personalcare.careplan.CareWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import io.github.personalcare.support.CapturedLogs;

import java.util.List;
import java.util.Optional;

import static io.github.personalcare.budget.BudgetWorld.PA;
import static io.github.personalcare.budget.BudgetWorld.PAYEE;
import static io.github.personalcare.budget.BudgetWorld.PHYSIO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Runs every kind of budget command, accepted and refused, with every logger at TRACE, and
 * checks that no log line holds the NHS number (in any form), the patient's name, a payee or
 * a reason typed by a person.
 */
class BudgetLogCleanlinessTest {
    private static final String REASON = "Concern raised by Mrs Pemberton's neighbour";
    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();



    @Test
    void budgetCommandsLogNoNhsNumberNamePayeeOrReason() {
        BudgetWorld b = new BudgetWorld();
        PersonalHealthBudget budget = b.funded();
        b.budgets().recordSpend(b.w.gp, budget.id(), b.spend("s-1", PHYSIO, "10.00", SpendCategory.THERAPY));
        assertThatExceptionOfType(SpendRejectedException.class).isThrownBy(() ->
                b.budgets().recordSpend(b.w.gp, budget.id(), b.spend("s-2", PA, "10.00", SpendCategory.GAMBLING)));
        b.budgets().recordRefund(b.w.gp, budget.id(), new LedgerCommand.Refund("r-1", PHYSIO, Money.parse("1.00"),
                b.today, PAYEE));
        b.budgets().adjust(b.w.gp, budget.id(), new LedgerCommand.Adjustment("a-1", PHYSIO, Direction.INCREASE,
                Money.parse("1.00"), b.today, REASON));
        WrittenNotice notice = BudgetWorld.lastNotice(b.budgets().issueRepaymentNotice(b.w.gp, budget.id(), PA, Money.parse("5.00"),
                b.today.plusDays(28), Repayer.PATIENT, REASON, b.version(budget.id())));
        b.budgets().recover(b.w.gp, budget.id(), new LedgerCommand.Recovery("rec-1", PA, Money.parse("5.00"), b.today,
                REASON, Optional.of(notice.id())));
        b.budgets().recordShortfall(b.w.gp, budget.id(), Optional.of(PA), b.today, b.version(budget.id()));
        b.budgets().completeReview(b.w.gp, budget.id(), new BudgetReview(b.today, true, true, true, Optional.of(REASON)), b.version(budget.id()));
        b.budgets().suspend(b.w.gp, budget.id(), StatusReason.CONCERN_ABOUT_USE, Optional.of(REASON), b.version(budget.id()));
        b.budgets().resume(b.w.gp, budget.id(), StatusReason.RESOLVED, Optional.of(REASON), b.version(budget.id()));
        b.budgets().statement(b.w.gp, budget.id(), b.today);
        b.budgets().forecast(b.w.gp, budget.id());
        b.budgets().withdrawDirectPaymentConsent(b.w.gp, budget.id(), b.today, b.version(budget.id()));
        assertThatExceptionOfType(RuntimeException.class).isThrownBy(() ->
                b.budgets().recordSpend(b.w.stranger, budget.id(), b.spend("s-3", PHYSIO, "1.00", SpendCategory.THERAPY)));

        List<String> lines = logs.events().stream()
                .map(e -> e.getFormattedMessage() + " " + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage()))
                .toList();
        assertThat(lines).isNotEmpty();
        assertThat(lines).noneMatch(l -> l.contains(CareWorld.NHS_NUMBER) || l.contains("943 476 5870")
                || l.contains(CareWorld.GIVEN) || l.contains(CareWorld.FAMILY)
                || l.contains("Pemberton") || l.contains("Bright Days") || l.contains("neighbour"));
    }
}
