package io.github.personalcare.jdbc;

import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.SQLException;

/** Finds pgjdbc's own connection behind a pool's wrapper; loaded only when the dialect is PostgreSQL. */
final class PostgresSessions {
    private PostgresSessions() {
    }

    /**
     * The driver's connection behind {@code c} (itself when it is pgjdbc's), or null when it cannot
     * be told: another PostgreSQL driver, or a wrapper that does not unwrap.
     */
    static Object driverConnection(Connection c) {
        try {
            return c.isWrapperFor(PGConnection.class) ? c.unwrap(PGConnection.class) : null;
        } catch (SQLException | RuntimeException | LinkageError notPgjdbc) {
            return null;
        }
    }
}
