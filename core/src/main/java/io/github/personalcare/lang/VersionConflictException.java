package io.github.personalcare.lang;


/**
 * Someone else changed the record since the caller read it: the expected version is stale.
 * Nothing was changed; read the record again and decide whether to repeat the command.
 */
public class VersionConflictException extends PersonalCareException {
    /** The version the caller expected. */
    private final long expected;
    /** The version stored. */
    private final long actual;

    /**
     * Creates the exception; its message names the kind, the id and both versions.
     *
     * @param kind     the aggregate type name
     * @param id       its internal id
     * @param expected the version the caller expected
     * @param actual   the version stored
     */
    public VersionConflictException(String kind, String id, long expected, long actual) {
        super("VERSION", kind + " " + id + ": expected version " + expected + " but found " + actual);
        this.expected = expected;
        this.actual = actual;
    }

    /** {@return the version the caller expected} */
    public long expected() {
        return expected;
    }

    /** {@return the version stored} */
    public long actual() {
        return actual;
    }
}
