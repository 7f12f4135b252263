package io.github.personalcare.access;

import io.github.personalcare.lang.InvalidInputException;

import java.util.UUID;

/** Ties together the audit entries and log lines of one request from the supplier's system. */
public record CorrelationId(String value) {
    /**
     * Checks the id.
     *
     * @param value 1 to 100 printable ASCII characters, no spaces
     * @throws InvalidInputException if {@code value} is missing, too long or has another character
     */
    public CorrelationId {
        if (value == null || value.isEmpty() || value.length() > 100
                || !value.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new InvalidInputException("correlationId", "ID", "must be 1 to 100 printable ASCII characters");
        }
    }

    /** {@return a new random correlation id} */
    public static CorrelationId random() {
        return new CorrelationId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
