package io.github.personalcare.budget;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;

/**
 * The running totals of one budget line, kept on the budget so that every ledger entry is one
 * optimistic update of the budget (its version is the lock: two spends racing for the last
 * pound cannot both commit). The totals always equal those derived from the ledger's entries.
 *
 * @param line         the line
 * @param allocated    total of allocations, in pence
 * @param spent        total of spends
 * @param refunded     total of refunds
 * @param adjustedUp   total of upward adjustments
 * @param adjustedDown total of downward adjustments
 * @param recovered    total of recoveries
 */
public record LineAccount(BudgetLineCode line, long allocated, long spent, long refunded, long adjustedUp,
        long adjustedDown, long recovered) {
    /**
     * Checks the line is present and no total is negative.
     *
     * @param line         the line
     * @param allocated    total of allocations, in pence
     * @param spent        total of spends
     * @param refunded     total of refunds
     * @param adjustedUp   total of upward adjustments
     * @param adjustedDown total of downward adjustments
     * @param recovered    total of recoveries
     * @throws InvalidInputException if {@code line} is missing
     * @throws IllegalArgumentException if a total is negative
     */
    public LineAccount {
        Require.present("line", line);
        if (allocated < 0 || spent < 0 || refunded < 0 || adjustedUp < 0 || adjustedDown < 0 || recovered < 0) {
            throw new IllegalArgumentException("line totals are sums of positive amounts");
        }
    }

    /**
     * A line with nothing recorded.
     *
     * @param line the line
     * @return the totals, all zero
     */
    public static LineAccount empty(BudgetLineCode line) {
        return new LineAccount(line, 0, 0, 0, 0, 0, 0);
    }

    /**
     * {@return the line's balance: allocations − spends + refunds ± adjustments − recoveries}
     *
     * @throws ArithmeticException if a sum does not fit in a {@code long}
     */
    public Balance balance() {
        long b = Math.subtractExact(allocated, spent);
        b = Math.addExact(b, refunded);
        b = Math.addExact(b, adjustedUp);
        b = Math.subtractExact(b, adjustedDown);
        return new Balance(Math.subtractExact(b, recovered));
    }

    /** {@return spends less refunds, in pence: what the line has actually paid for} */
    public long netSpent() {
        return spent - refunded;
    }

    /**
     * The totals after one more entry.
     *
     * @param e an entry of this line
     * @return the new totals
     * @throws ArithmeticException if a total does not fit in a {@code long}
     */
    public LineAccount with(LedgerEntry e) {
        long a = e.amount().pence();
        return switch (e.kind()) {
            case ALLOCATION -> new LineAccount(line, Math.addExact(allocated, a), spent, refunded, adjustedUp, adjustedDown, recovered);
            case SPEND -> new LineAccount(line, allocated, Math.addExact(spent, a), refunded, adjustedUp, adjustedDown, recovered);
            case REFUND -> new LineAccount(line, allocated, spent, Math.addExact(refunded, a), adjustedUp, adjustedDown, recovered);
            case ADJUSTMENT -> e.direction() == Direction.INCREASE
                    ? new LineAccount(line, allocated, spent, refunded, Math.addExact(adjustedUp, a), adjustedDown, recovered)
                    : new LineAccount(line, allocated, spent, refunded, adjustedUp, Math.addExact(adjustedDown, a), recovered);
            case RECOVERY -> new LineAccount(line, allocated, spent, refunded, adjustedUp, adjustedDown, Math.addExact(recovered, a));
        };
    }
}
