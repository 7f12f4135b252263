package io.github.personalcare.lang;

import java.util.Objects;

/**
 * Root of every exception the SDK throws. Unchecked; {@link #rule()} names the rule that was
 * applied: an R-number from the domain notes ({@code "R1"}) or a short code ({@code "VERSION"}).
 *
 * <p>Messages never contain the rejected value: an NHS number or a name in an exception
 * message would end up in a supplier's log.
 */
public abstract class PersonalCareException extends RuntimeException {
    private final String rule;

    protected PersonalCareException(String rule, String message) {
        super(message);
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    protected PersonalCareException(String rule, String message, Throwable cause) {
        super(message, cause);
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    /** The rule that was applied: an R-number such as {@code "R7"} or a short code. */
    public String rule() {
        return rule;
    }
}
