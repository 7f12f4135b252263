package io.github.personalcare.spi;

/**
 * The type of an index value, so a JDBC adapter can give it a typed column. Values handed to
 * queries and returned by extractors are: {@code TEXT} a String (enums are stored by name, ids by
 * their UUID string), {@code DATE} a {@link java.time.LocalDate}, {@code NUMBER} a Long,
 * {@code BOOLEAN} a Boolean.
 */
public enum IndexKind {
    /** Text: a String; enums by name, record ids by their UUID string. */
    TEXT,
    /** A {@link java.time.LocalDate}. */
    DATE,
    /** A Long. */
    NUMBER,
    /** A Boolean. */
    BOOLEAN
}
