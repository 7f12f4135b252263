package io.github.personalcare.budget;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
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
     * The forecast for the period containing {@code asOf}: the spending rate so far (spends less
     * refunds per elapsed day) carried to the period's end.
     *
     * @param period the period containing {@code asOf}
     * @param asOf   the date the spending so far is counted up to
     * @return the forecast
     * @throws InvalidInputException if {@code asOf} is missing
     */
    public Forecast forecast(BudgetPeriod period, LocalDate asOf) {
        Require.present("asOf", asOf);
        long net = 0;
        for (LedgerEntry e : in(period)) {
            if (!e.date().isAfter(asOf)) {
                if (e.kind() == EntryKind.SPEND) {
                    net = Math.addExact(net, e.amount().pence());
                } else if (e.kind() == EntryKind.REFUND) {
                    net = Math.subtractExact(net, e.amount().pence());
                }
            }
        }
        long netSoFar = Math.max(0, net);
        long elapsed = Math.max(1, Math.min(period.days(), java.time.temporal.ChronoUnit.DAYS.between(period.start(), asOf) + 1));
        // Integer arithmetic, rounded half up: pence per day is never a double.
        long projected = Math.floorDiv(Math.addExact(Math.multiplyExact(netSoFar, period.days()), elapsed / 2), elapsed);
        Balance now = balance();
        Balance closing = now.plus(-(projected - netSoFar));
        return new Forecast(budget, period, asOf, now, Money.ofPence(netSoFar), Money.ofPence(projected), closing);
    }
}
