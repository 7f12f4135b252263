package io.github.personalcare.budget;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.github.personalcare.budget.BudgetWorld.PHYSIO;
import static org.assertj.core.api.Assertions.assertThat;

/** Eight threads spend from one line until it is exhausted (R17 under concurrency). */
class BudgetConcurrencyTest {
    private static final int THREADS = 8;
    private static final long SPEND_PENCE = 700;

    @Test
    void concurrentSpendsNeverOverdrawTheBudgetAndNoSpendIsLost() throws Exception {
        BudgetWorld b = new BudgetWorld();
        PersonalHealthBudget budget = b.funded();
        long allocated = budget.balance(PHYSIO).pence();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<List<LedgerEntry>>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Callable<List<LedgerEntry>> spender = () -> {
                List<LedgerEntry> mine = new ArrayList<>();
                start.await();
                for (int i = 0; ; i++) {
                    try {
                        mine.add(b.budgets().recordSpend(b.w.gp, budget.id(), LedgerCommand.Spend.of(
                                "t" + thread + "-" + i, PHYSIO, Money.ofPence(SPEND_PENCE), b.today,
                                SpendCategory.THERAPY, BudgetWorld.PAYEE)));
                    } catch (SpendRejectedException e) {
                        assertThat(e.reason()).isEqualTo(SpendRejectedException.Reason.INSUFFICIENT_FUNDS);
                        return mine;
                    }
                }
            };
            results.add(pool.submit(spender));
        }
        start.countDown();
        List<LedgerEntry> accepted = new ArrayList<>();
        for (Future<List<LedgerEntry>> f : results) {
            accepted.addAll(f.get());
        }
        pool.shutdown();

        List<LedgerEntry> storedSpends = b.storedEntries(budget.id()).stream()
                .filter(e -> e.kind() == EntryKind.SPEND).toList();
        long spent = storedSpends.stream().mapToLong(e -> e.amount().pence()).sum();
        assertThat(storedSpends).containsExactlyInAnyOrderElementsOf(accepted);
        assertThat(spent).isLessThanOrEqualTo(allocated);
        assertThat(accepted).hasSize((int) (allocated / SPEND_PENCE));
        assertThat(b.stored(budget.id()).value().balance(PHYSIO).pence()).isEqualTo(allocated % SPEND_PENCE);
    }
}
