package io.github.personalcare.budget;

import io.github.personalcare.internal.check.Require;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One change of a budget's status, with its reason: the budget keeps them all.
 *
 * @param status the new status
 * @param on     the date
 * @param reason why, as a code
 * @param detail why, in words (free text, never logged or put in events)
 */
public record StatusChange(BudgetStatus status, LocalDate on, StatusReason reason, Optional<String> detail) {
    public StatusChange {
        Require.present("status", status);
        Require.present("on", on);
        Require.present("reason", reason);
        detail = Require.optionalText("detail", detail == null ? Optional.empty() : detail, Require.LONG_TEXT);
    }
}
