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
    /** The rule that was applied. */
    private final String rule;

    /**
     * Creates the exception.
     *
     * @param rule    the rule that was applied: an R-number or a short code
     * @param message the message, which must not contain the rejected value
     * @throws NullPointerException if {@code rule} is null
     */
    protected PersonalCareException(String rule, String message) {
        super(message);
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    /**
     * Creates the exception with its cause. Pass a cause only if its message holds no personal
     * data: a chained message reaches the logs too.
     *
     * @param rule    the rule that was applied: an R-number or a short code
     * @param message the message, which must not contain the rejected value
     * @param cause   the underlying failure
     * @throws NullPointerException if {@code rule} is null
     */
    protected PersonalCareException(String rule, String message, Throwable cause) {
        super(message, cause);
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    /** {@return the rule that was applied: an R-number such as {@code "R7"} or a short code} */
    public String rule() {
        return rule;
    }
}
