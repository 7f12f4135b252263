package io.github.personalcare.identity;

import io.github.personalcare.internal.check.Require;

/** A person's name as they use it. Personal data: never logged, never in exception messages. */
public record PersonName(String given, String family) {
    public PersonName {
        given = Require.text("name.given", given, Require.SHORT_TEXT);
        family = Require.text("name.family", family, Require.SHORT_TEXT);
    }

    /** "Given Family": for display only. */
    public String display() {
        return given + " " + family;
    }

    @Override
    public String toString() {
        return "PersonName[redacted]";
    }
}
