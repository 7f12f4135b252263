package io.github.personalcare.lang;


/**
 * Someone else changed the record since the caller read it: the expected version is stale.
 * Nothing was changed; read the record again and decide whether to repeat the command.
 */
public class VersionConflictException extends PersonalCareException {
    private final long expected;
    private final long actual;

    /**
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

    /** The version the caller expected. */
    public long expected() {
        return expected;
    }

    /** The version stored. */
    public long actual() {
        return actual;
    }
}
