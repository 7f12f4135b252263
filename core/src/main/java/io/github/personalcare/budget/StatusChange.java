package io.github.personalcare.budget;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;

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
    /**
     * Checks the status, date and reason are present and the detail, if any, is at most
     * {@link Require#LONG_TEXT} characters. An absent detail becomes empty.
     *
     * @param status the new status
     * @param on     the date
     * @param reason why, as a code
     * @param detail why, in words (free text, never logged or put in events)
     * @throws InvalidInputException if a required component is missing or the detail is blank or
     *                               too long
     */
    public StatusChange {
        Require.present("status", status);
        Require.present("on", on);
        Require.present("reason", reason);
        detail = Require.optionalText("detail", detail == null ? Optional.empty() : detail, Require.LONG_TEXT);
    }
}
