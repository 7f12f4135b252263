package io.github.personalcare.lang;

/**
 * A domain rule refuses the command: the input is well formed but the state of the record does not
 * allow it (an agreed plan cannot be edited, a budget cannot be overspent). Nothing is stored.
 */
public class RuleViolationException extends PersonalCareException {
    /**
     * @param rule    the rule applied (an R-number or a short code)
     * @param message what was refused and why, without personal data
     */
    public RuleViolationException(String rule, String message) {
        super(rule, message + " (" + rule + ")");
    }
}
