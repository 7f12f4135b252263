package io.github.personalcare.lang;

import java.util.Objects;

/**
 * A stored aggregate with its version. Versions start at 1 on insert and grow by one with each
 * update; a writer passes the version it read back as the expected version.
 */
public record Versioned<A>(A value, long version) {
    /**
     * Checks the value is present and the version is at least 1.
     *
     * @param value the aggregate
     * @param version its stored version, from 1
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if {@code version} is below 1
     */
    public Versioned {
        Objects.requireNonNull(value, "value");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1");
        }
    }
}
