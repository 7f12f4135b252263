package io.github.personalcare.jdbc;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;

/** Reads what pgjdbc knows beyond the SQLState; loaded only when the dialect is PostgreSQL. */
final class PostgresErrors {
    private PostgresErrors() {
    }

    /** The violated constraint's name (a schema name, never a value), if pgjdbc reported one. */
    static String constraint(SQLException e) {
        try {
            if (e instanceof PSQLException p) {
                ServerErrorMessage server = p.getServerErrorMessage();
                return server == null ? null : server.getConstraint();
            }
            return null;
        } catch (LinkageError notPgjdbc) {
            // Another PostgreSQL driver is in use: the SQLState is all we keep.
            return null;
        }
    }
}
