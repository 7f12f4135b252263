package io.github.personalcare.lang;

import java.util.Objects;

/**
 * A value supplied by the caller breaks a rule. {@link #field()} names the input, {@link #rule()}
 * the rule; the message reads {@code "nhsNumber: check digit does not match (R1)"} and never
 * quotes the rejected value. Nothing is stored when this is thrown.
 */
public class InvalidInputException extends PersonalCareException {
    /** The input that is wrong. */
    private final String field;

    /**
     * Creates the exception; its message reads {@code field + ": " + detail + " (" + rule + ")"}.
     *
     * @param field  the input that is wrong, as the caller named it ({@code "nhsNumber"})
     * @param rule   the rule broken (an R-number or a short code)
     * @param detail what is wrong, in words, without the value itself
     * @throws NullPointerException if {@code field} or {@code rule} is null
     */
    public InvalidInputException(String field, String rule, String detail) {
        super(rule, Objects.requireNonNull(field, "field") + ": " + detail + " (" + rule + ")");
        this.field = field;
    }

    /** {@return the input that is wrong, as the caller named it} */
    public String field() {
        return field;
    }
}
