package io.github.personalcare.jdbc;

import io.github.personalcare.spi.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;

/**
 * Turns driver exceptions into {@link StorageException}s that keep the SQLState (and, on
 * PostgreSQL, the constraint name) but never the driver's message, which can quote stored values.
 * The driver exception is not chained for the same reason.
 */
final class SqlErrors {
    private static final Logger log = LoggerFactory.getLogger(SqlErrors.class);
    static final String UNIQUE_VIOLATION = "23505";

    private SqlErrors() {
    }

    /** A storage failure of {@code what} (such as "insert into care_plan"), logged without values. */
    static StorageException failure(String what, SQLException e, Dialect dialect) {
        String state = e.getSQLState();
        String constraint = dialect == Dialect.POSTGRESQL ? constraint(e) : null;
        String message = what + " failed" + (constraint == null ? "" : " on constraint " + constraint);
        log.warn("{} (SQLState {})", message, state);
        return new StorageException("STORAGE", message, state, false);
    }

    /** A failure during commit: whether it committed is unknown if the connection broke. */
    static StorageException commitFailure(SQLException e) {
        String state = e.getSQLState();
        boolean unknown = state == null || state.startsWith("08");
        log.warn("commit failed (SQLState {}); outcome {}", state, unknown ? "unknown" : "rolled back");
        return new StorageException("STORAGE", "commit failed", state, unknown);
    }

    /** The violated constraint's name reported by pgjdbc, or null. */
    static String constraintName(SQLException e) {
        return constraint(e);
    }

    private static String constraint(SQLException e) {
        try {
            return PostgresErrors.constraint(e);
        } catch (LinkageError notPgjdbc) {
            return null;
        }
    }

    static boolean isUniqueViolation(SQLException e) {
        return UNIQUE_VIOLATION.equals(e.getSQLState());
    }
}
