package io.github.personalcare.budget;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;

import java.time.LocalDate;

/**
 * Where a budget is heading by the end of the period, from each line's payment schedule: spending
 * is taken to follow the payments at the rate so far, and the planned money still to be paid in
 * this period counts (see {@link Ledger#forecast}). A projected closing balance below zero is a
 * shortfall against the plan, which should raise a must-review task (R23).
 *
 * @param budget           the budget
 * @param period           the current period
 * @param asOf             the date of the forecast
 * @param balance          the balance now
 * @param spentSoFar       spends less refunds in the period up to {@code asOf}
 * @param projectedSpend   the period's projected spends less refunds: each line's spending so far
 *                         over the payments due so far, carried to all the period's payments
 * @param scheduledToCome  planned money not yet paid in this period
 * @param projectedClosing the balance projected at the end of the period
 */
public record Forecast(BudgetId budget, BudgetPeriod period, LocalDate asOf, Balance balance, Money spentSoFar,
        Money projectedSpend, Money scheduledToCome, Balance projectedClosing) {
    /**
     * Checks every component is present.
     *
     * @param budget           the budget
     * @param period           the current period
     * @param asOf             the date of the forecast
     * @param balance          the balance now
     * @param spentSoFar       spends less refunds in the period up to {@code asOf}
     * @param projectedSpend   the period's projected spends less refunds
     * @param scheduledToCome  planned money not yet paid in this period
     * @param projectedClosing the balance projected at the end of the period
     * @throws InvalidInputException naming the component that is missing
     */
    public Forecast {
        Require.present("budget", budget);
        Require.present("period", period);
        Require.present("asOf", asOf);
        Require.present("balance", balance);
        Require.present("spentSoFar", spentSoFar);
        Require.present("projectedSpend", projectedSpend);
        Require.present("scheduledToCome", scheduledToCome);
        Require.present("projectedClosing", projectedClosing);
    }

    /** {@return whether the money is projected to run out before the period ends} */
    public boolean isShortfall() {
        return projectedClosing.isOverdrawn();
    }
}
