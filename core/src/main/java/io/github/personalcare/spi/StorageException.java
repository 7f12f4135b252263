package io.github.personalcare.spi;

import io.github.personalcare.lang.PersonalCareException;

import java.util.Optional;

/**
 * A storage adapter failed. The adapter keeps the SQLState (when there is one) and drops the
 * driver's own message, which can quote stored values. Nothing of the unit of work was committed,
 * unless the failure was in the commit itself, which {@link #commitOutcomeUnknown()} says.
 */
public class StorageException extends PersonalCareException {
    /** The SQLState of the database error, or null. */
    private final String sqlState;
    /** Whether the connection failed during commit. */
    private final boolean commitOutcomeUnknown;

    /**
     * A storage failure with a rule code ({@code "STORAGE"}, {@code "ONE_PATIENT"}, ...).
     *
     * @param rule    short code of the failure
     * @param message what failed, without stored values
     */
    public StorageException(String rule, String message) {
        this(rule, message, null, false);
    }

    /**
     * Creates the exception; the message gets the SQLState appended, if there is one.
     *
     * @param rule                 short code of the failure
     * @param message              what failed, without stored values
     * @param sqlState             the SQLState, if the failure came from a database; else null
     * @param commitOutcomeUnknown true if the failure came after the commit was sent and the
     *                             commit may have happened
     */
    public StorageException(String rule, String message, String sqlState, boolean commitOutcomeUnknown) {
        super(rule, message + (sqlState == null ? "" : " (SQLState " + sqlState + ")"));
        this.sqlState = sqlState;
        this.commitOutcomeUnknown = commitOutcomeUnknown;
    }

    /** {@return the SQLState of the database error, if there was one} */
    public Optional<String> sqlState() {
        return Optional.ofNullable(sqlState);
    }

    /**
     * {@return whether the commit may or may not have happened}: the failure came after the commit
     * was sent and nothing proves the server refused it. Re-send the same command with the same
     * idempotency key; never treat the work as not done.
     */
    public boolean commitOutcomeUnknown() {
        return commitOutcomeUnknown;
    }
}
