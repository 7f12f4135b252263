package io.github.personalcare.budget;

/**
 * The kinds of ledger entry. Each adds to or takes from the balance; only an
 * {@link #ADJUSTMENT} goes either way, as its {@link Direction} says. Balances always equal
 * allocations − spends + refunds ± adjustments − recoveries.
 */
public enum EntryKind {
    /** Money put into the budget (for a direct payment: a payment into the account). */
    ALLOCATION,
    /** Money spent on a service or item in the plan. */
    SPEND,
    /** Money returned from an earlier spend. */
    REFUND,
    /** A correction or offset, up or down. */
    ADJUSTMENT,
    /** Unspent or misused money taken back by the NHS body (reg. 15). */
    RECOVERY;

    /** +1 if the entry adds to the balance, -1 if it takes from it. */
    int sign(Direction direction) {
        return switch (this) {
            case ALLOCATION, REFUND -> 1;
            case SPEND, RECOVERY -> -1;
            case ADJUSTMENT -> direction == Direction.INCREASE ? 1 : -1;
        };
    }
}
