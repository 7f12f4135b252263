package io.github.personalcare.budget;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;

import java.util.List;

/**
 * A budget's statement for one period: the opening balance (every entry dated before the
 * period), the period's entries, the closing balance, and for each line its opening balance and
 * the period's totals. The closing balance is always the opening balance plus the period's
 * entries.
 *
 * @param budget  the budget
 * @param period  the period
 * @param opening the balance at the start of the period
 * @param entries the period's entries, by date
 * @param lines   the same per line
 */
public record Statement(BudgetId budget, BudgetPeriod period, Balance opening, List<LedgerEntry> entries,
        List<LineStatement> lines) {
    /**
     * Checks the budget, period and opening balance are present and copies the lists.
     *
     * @param budget  the budget
     * @param period  the period
     * @param opening the balance at the start of the period
     * @param entries the period's entries, by date
     * @param lines   the same per line
     * @throws InvalidInputException if the budget, period or opening balance is missing
     */
    public Statement {
        Require.present("budget", budget);
        Require.present("period", period);
        Require.present("opening", opening);
        entries = List.copyOf(entries);
        lines = List.copyOf(lines);
    }

    /** {@return the balance at the end of the period} */
    public Balance closing() {
        Balance b = opening;
        for (LedgerEntry e : entries) {
            b = b.plus(e.signedPence());
        }
        return b;
    }

    /**
     * One line of the statement.
     *
     * @param line         the line
     * @param opening      its balance at the start of the period
     * @param allocated    allocations in the period
     * @param spent        spends in the period
     * @param refunded     refunds in the period
     * @param adjustedUp   upward adjustments in the period
     * @param adjustedDown downward adjustments in the period
     * @param recovered    recoveries in the period
     */
    public record LineStatement(BudgetLineCode line, Balance opening, Money allocated, Money spent, Money refunded,
            Money adjustedUp, Money adjustedDown, Money recovered) {
        /** {@return the line's balance at the end of the period} */
        public Balance closing() {
            return opening.plus(allocated.pence()).plus(-spent.pence()).plus(refunded.pence())
                    .plus(adjustedUp.pence()).plus(-adjustedDown.pence()).plus(-recovered.pence());
        }
    }
}
