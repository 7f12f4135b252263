package io.github.personalcare.record;

import io.github.personalcare.internal.check.Require;

/**
 * Why a record was refused: where in the record ({@code "ledger[3]"}, {@code "budgets[0].carePlan"}),
 * by which rule (an R-number or a short code) and a message that never quotes the record's values.
 *
 * @param path    the place in the record, by component name and position
 * @param rule    the rule that refused it
 * @param message what is wrong, without personal data
 */
public record RecordProblem(String path, String rule, String message) {
    /**
     * Checks all three parts are present.
     *
     * @param path    the place in the record
     * @param rule    the rule that refused it
     * @param message what is wrong
     * @throws io.github.personalcare.lang.InvalidInputException if a part is missing
     */
    public RecordProblem {
        Require.text("path", path, Require.SHORT_TEXT);
        Require.text("rule", rule, Require.SHORT_TEXT);
        Require.text("message", message, Require.SHORT_TEXT);
    }
}
