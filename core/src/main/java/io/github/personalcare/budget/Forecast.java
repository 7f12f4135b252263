package io.github.personalcare.budget;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;

import java.time.LocalDate;

/**
 * Where a budget is heading by the end of the period, if spending carries on at the rate so
 * far. A projected closing balance below zero is a shortfall against the plan, which should
 * raise a must-review task (R23).
 *
 * @param budget           the budget
 * @param period           the current period
 * @param asOf             the date of the forecast
 * @param balance          the balance now
 * @param spentSoFar       spends less refunds in the period up to {@code asOf}
 * @param projectedSpend   the period's projected spends less refunds at the same daily rate
 * @param projectedClosing the balance projected at the end of the period
 */
public record Forecast(BudgetId budget, BudgetPeriod period, LocalDate asOf, Balance balance, Money spentSoFar,
        Money projectedSpend, Balance projectedClosing) {
    /**
     * Checks every component is present.
     *
     * @param budget           the budget
     * @param period           the period forecast
     * @param asOf             the date of the forecast
     * @param balance          the balance now
     * @param spentSoFar       spends less refunds in the period up to {@code asOf}
     * @param projectedSpend   the period's projected spends less refunds at the same daily rate
     * @param projectedClosing the balance projected at the end of the period
     * @throws InvalidInputException if a component is missing
     */
    public Forecast {
        Require.present("budget", budget);
        Require.present("period", period);
        Require.present("asOf", asOf);
        Require.present("balance", balance);
        Require.present("spentSoFar", spentSoFar);
        Require.present("projectedSpend", projectedSpend);
        Require.present("projectedClosing", projectedClosing);
    }

    /** {@return whether the money is projected to run out before the period ends} */
    public boolean isShortfall() {
        return projectedClosing.isOverdrawn();
    }
}
