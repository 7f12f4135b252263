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

    /**
     * A failure once {@code commit()} was sent. The server may have committed before the failure
     * reached us (a terminated backend, 57P01, answers after the commit record is written; a
     * broken connection, class 08, can lose the answer), so the outcome is unknown unless the
     * SQLState proves the server refused the commit: class 40 (rolled back: serialization failure,
     * deadlock), class 23 (a deferred constraint failed at commit) or 25P02 (the transaction had
     * already failed, so COMMIT rolled it back).
     */
    static StorageException commitFailure(String state) {
        boolean unknown = !provesRolledBack(state);
        log.warn("commit failed (SQLState {}); outcome {}", state, unknown ? "unknown" : "rolled back");
        return new StorageException("STORAGE", "commit failed", state, unknown);
    }

    static boolean provesRolledBack(String state) {
        return state != null && (state.startsWith("40") || state.startsWith("23") || state.equals("25P02"));
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
