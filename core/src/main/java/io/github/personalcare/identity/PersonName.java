package io.github.personalcare.identity;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;

/** A person's name as they use it. Personal data: never logged, never in exception messages. */
public record PersonName(String given, String family) {
    /**
     * Checks both parts.
     *
     * @param given the given name
     * @param family the family name
     * @throws InvalidInputException if a part is blank, longer than 200 characters or contains
     *                               control characters
     */
    public PersonName {
        given = Require.text("name.given", given, Require.SHORT_TEXT);
        family = Require.text("name.family", family, Require.SHORT_TEXT);
    }

    /** {@return "Given Family", for display only} */
    public String display() {
        return given + " " + family;
    }

    @Override
    public String toString() {
        return "PersonName[redacted]";
    }
}
