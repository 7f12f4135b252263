package io.github.personalcare.budget;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;

/**
 * A budget's ledger: its entries in the order they were recorded, and everything derived from
 * them. A balance, overall, per line or at a date, is always allocations − spends + refunds ±
 * adjustments − recoveries; nothing is stored that could disagree with the entries.
 * Immutable and pure.
 *
 * @param budget  the budget
 * @param entries its entries in recording order
 */
public record Ledger(BudgetId budget, List<LedgerEntry> entries) {
    /**
     * Checks the budget is present and every entry belongs to it; copies the entries.
     *
     * @param budget  the budget
     * @param entries its entries in recording order
     * @throws InvalidInputException if {@code budget} is missing
     * @throws IllegalArgumentException if an entry belongs to another budget
     */
    public Ledger {
        Require.present("budget", budget);
        entries = List.copyOf(entries);
        for (LedgerEntry e : entries) {
            if (!e.budget().equals(budget)) {
                throw new IllegalArgumentException("an entry of another budget");
            }
        }
    }

    /** {@return the balance over every entry} */
    public Balance balance() {
        Balance b = Balance.ZERO;
        for (LedgerEntry e : entries) {
            b = b.plus(e.signedPence());
        }
        return b;
    }

    /**
     * {@return the balance of one line}
     *
     * @param line the line
     */
    public Balance balance(BudgetLineCode line) {
        return account(line).balance();
    }

    /**
     * The totals of one line, as {@link PersonalHealthBudget#accounts()} keeps them.
     *
     * @param line the line
     * @return its totals; all zero if the line has no entries
     */
    public LineAccount account(BudgetLineCode line) {
        LineAccount a = LineAccount.empty(line);
        for (LedgerEntry e : entries) {
            if (e.line().equals(line)) {
                a = a.with(e);
            }
        }
        return a;
    }

    /**
     * {@return the balance of the entries dated before {@code date}}
     *
     * @param date the first date not counted
     */
    public Balance balanceBefore(LocalDate date) {
        Balance b = Balance.ZERO;
        for (LedgerEntry e : entries) {
            if (e.date().isBefore(date)) {
                b = b.plus(e.signedPence());
            }
        }
        return b;
    }

    /**
     * Entries dated within the period, by date and then recording order.
     *
     * @param period the period
     * @return the entries, in date order
     */
    public List<LedgerEntry> in(BudgetPeriod period) {
        List<LedgerEntry> result = new ArrayList<>();
        for (LedgerEntry e : entries) {
            if (period.contains(e.date())) {
                result.add(e);
            }
        }
        result.sort(Comparator.comparing(LedgerEntry::date)); // stable: recording order within a day
        return result;
    }

    /**
     * The statement of a period: opening balance, the period's entries, closing balance, and the
     * same per line (for the given lines, in their order).
     *
     * @param period the period
     * @param lines  the budget's lines, in the order the statement lists them; lines with entries
     *               but not listed follow
     * @return the statement
     */
    public Statement statement(BudgetPeriod period, List<BudgetLineCode> lines) {
        Map<BudgetLineCode, long[]> perLine = new LinkedHashMap<>();
        for (BudgetLineCode l : lines) {
            perLine.put(l, new long[7]);
        }
        for (LedgerEntry e : entries) {
            long[] t = perLine.computeIfAbsent(e.line(), l -> new long[7]);
            if (e.date().isBefore(period.start())) {
                t[0] = Math.addExact(t[0], e.signedPence());
            } else if (period.contains(e.date())) {
                int slot = switch (e.kind()) {
                    case ALLOCATION -> 1;
                    case SPEND -> 2;
                    case REFUND -> 3;
                    case ADJUSTMENT -> e.direction() == Direction.INCREASE ? 4 : 5;
                    case RECOVERY -> 6;
                };
                t[slot] = Math.addExact(t[slot], e.amount().pence());
            }
        }
        List<Statement.LineStatement> lineStatements = new ArrayList<>();
        perLine.forEach((line, t) -> lineStatements.add(new Statement.LineStatement(line, new Balance(t[0]),
                Money.ofPence(t[1]), Money.ofPence(t[2]), Money.ofPence(t[3]), Money.ofPence(t[4]), Money.ofPence(t[5]),
                Money.ofPence(t[6]))));
        return new Statement(budget, period, balanceBefore(period.start()), in(period), lineStatements);
    }

    /**
     * The forecast for the period containing {@code asOf}, from each line's payment schedule
     * ({@link BudgetLine#paymentFrequency()}): spending is taken to follow the payments, so a line's
     * spends less refunds so far, over the payments due so far, are carried to all the period's
     * payments; the planned money not yet paid in this period is added. A person who spends what
     * is paid, as it is paid, is forecast to end the period at the balance they have now. A line
     * paid once for the whole period is to last the period, so its spending is carried by the days
     * elapsed.
     *
     * @param period the allocation period containing {@code asOf}
     * @param asOf   the date of the forecast; entries dated after it are not counted
     * @param lines  the budget's lines, with their planned amounts and schedules
     * @return the forecast
     */
    public Forecast forecast(BudgetPeriod period, LocalDate asOf, List<BudgetLine> lines) {
        return forecast(period, asOf, lines, Set.of());
    }

    /**
     * As {@link #forecast(BudgetPeriod, LocalDate, List)}, with no more money to come into the
     * lines whose payments have stopped (R25, R26).
     *
     * @param period  the allocation period containing {@code asOf}
     * @param asOf    the date of the forecast; entries dated after it are not counted
     * @param lines   the budget's lines, with their planned amounts and schedules
     * @param stopped lines into which nothing more will be paid
     * @return the forecast
     * @throws InvalidInputException if {@code period}, {@code asOf} or {@code lines} is missing
     */
    public Forecast forecast(BudgetPeriod period, LocalDate asOf, List<BudgetLine> lines, Set<BudgetLineCode> stopped) {
        Require.present("period", period);
        Require.present("asOf", asOf);
        Require.present("lines", lines);
        Require.present("stopped", stopped);
        Map<BudgetLineCode, long[]> perLine = new HashMap<>(); // net spend so far, allocated so far
        for (LedgerEntry e : in(period)) {
            if (e.date().isAfter(asOf)) {
                continue;
            }
            long[] t = perLine.computeIfAbsent(e.line(), k -> new long[2]);
            switch (e.kind()) {
                case SPEND -> t[0] = Math.addExact(t[0], e.amount().pence());
                case REFUND -> t[0] = Math.subtractExact(t[0], e.amount().pence());
                case ALLOCATION -> t[1] = Math.addExact(t[1], e.amount().pence());
                case ADJUSTMENT, RECOVERY -> {
                    // balance changes, not spending or scheduled payments
                }
            }
        }
        long spentSoFar = 0;
        long projected = 0;
        long toCome = 0;
        for (BudgetLine line : lines) {
            long[] t = perLine.getOrDefault(line.code(), new long[2]);
            long spent = Math.max(0, t[0]);
            long due;
            long all;
            if (line.paymentFrequency() == PaymentFrequency.ONCE_PER_PERIOD) {
                due = Math.max(1, Math.min(period.days(), ChronoUnit.DAYS.between(period.start(), asOf) + 1));
                all = period.days();
            } else {
                due = Math.max(1, line.paymentFrequency().paymentsBy(period, asOf));
                all = Math.max(due, line.paymentFrequency().paymentsIn(period));
            }
            // Integer arithmetic, rounded half up: an amount of money is never a double.
            long lineProjected = Math.floorDiv(Math.addExact(Math.multiplyExact(spent, all), due / 2), due);
            spentSoFar = Math.addExact(spentSoFar, spent);
            projected = Math.addExact(projected, lineProjected);
            if (!stopped.contains(line.code())) {
                toCome = Math.addExact(toCome, Math.max(0, line.plannedPerPeriod().pence() - t[1]));
            }
        }
        Balance now = balance();
        Balance closing = now.plus(toCome).plus(-(projected - spentSoFar));
        return new Forecast(budget, period, asOf, now, Money.ofPence(spentSoFar), Money.ofPence(projected),
                Money.ofPence(toCome), closing);
    }
}
