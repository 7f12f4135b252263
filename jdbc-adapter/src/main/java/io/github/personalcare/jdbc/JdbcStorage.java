package io.github.personalcare.jdbc;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.ConfigurationException;
import io.github.personalcare.spi.AggregateType;
import io.github.personalcare.spi.Storage;
import io.github.personalcare.spi.PatientScope;
import io.github.personalcare.spi.StorageException;
import io.github.personalcare.spi.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Storage on PostgreSQL 13+ or H2 2.x through a {@link DataSource} the supplier owns (pooled or
 * not; the storage never closes it). One unit of work is one JDBC transaction at READ COMMITTED:
 * optimistic versions are conditional updates ({@code ... WHERE id = ? AND version = ?}), and
 * audit appends, outbox publishes and entry appends of one patient are serialised by a row lock on
 * that patient's audit chain head, so audit sequences, entry positions and outbox order per
 * patient follow commit order. No unit of work is retried.
 *
 * <pre>{@code
 * PGSimpleDataSource ds = new PGSimpleDataSource();
 * ds.setURL("jdbc:postgresql://db:5432/care?logServerErrorDetail=false");
 * JdbcStorage storage = JdbcStorage.postgres(ds);
 * storage.migrate();                                  // or apply exportMigrations(dir) with your own tool
 * PersonalCare care = PersonalCare.builder().storage(storage).build();
 * }</pre>
 *
 * <p>Rules kept: a transaction writes one patient's data only ({@code ONE_PATIENT}); a stale
 * version throws {@link io.github.personalcare.lang.VersionConflictException} and changes nothing;
 * database errors become {@link StorageException} with the SQLState and without the driver's
 * message; text holding U+0000 is refused with {@link io.github.personalcare.lang.InvalidInputException}
 * before anything is written. Using a type whose table was never migrated throws
 * {@link ConfigurationException}.
 *
 * <p>On its first unit of work the storage checks the database before touching any data: the
 * schema history (every shipped migration applied, none changed, none newer), every table and
 * column, and every primary key and unique index the rules rely on (R2's NHS number, the UBRN,
 * ledger idempotency keys, audit sequences); anything missing is a {@link ConfigurationException}
 * naming it. An H2 database on disk must be opened with {@code ;WRITE_DELAY=0} on its URL, so that an
 * acknowledged commit survives the process being killed; without it the storage refuses with a
 * {@link ConfigurationException}. Thread-safe.
 */
public final class JdbcStorage implements Storage {
    private static final Logger log = LoggerFactory.getLogger(JdbcStorage.class);
    private static final int REINDEX_BATCH = 500;

    private final DataSource dataSource;
    private final Dialect dialect;
    private final MigrationRunner migrations;
    private final JsonDocuments json = new JsonDocuments();
    private final SchemaCheck schema = new SchemaCheck();
    private final ThreadLocal<JdbcTransaction> current = new ThreadLocal<>();
    /** Tables guarded calls read by patient, learnt as they ask; read with the access facts in one query. */
    private final Set<String> factTables = ConcurrentHashMap.newKeySet();
    /**
     * On PostgreSQL, the driver's connections (behind the supplier's pool) this storage has found at
     * READ COMMITTED: pgjdbc asks the server for the isolation level each time it is read, a round
     * trip (and a server transaction of its own) per unit of work that issue 13's profile found
     * beside a spend's six statements. Weak keys: a connection the pool discards is forgotten.
     */
    private final Map<Object, Boolean> readCommitted = Collections.synchronizedMap(new WeakHashMap<>());
    private final OpenCheck openCheck;
    private final boolean onePatientPerTransaction;
    /** Whether the open check has passed; until it has, every unit of work runs it first. */
    private volatile boolean opened;
    /** On H2 on disk, the lock every commit and rollback of the database holds ({@link H2Commits}); else null. */
    private volatile ReentrantLock endLock;

    private JdbcStorage(Builder b) {
        this.dataSource = b.dataSource;
        this.dialect = b.dialect != null ? b.dialect : detectDialect(b.dataSource);
        List<String> locations = new ArrayList<>();
        locations.add(MigrationRunner.BUILT_IN);
        locations.addAll(b.additionalMigrations);
        this.migrations = new MigrationRunner(dataSource, dialect, locations);
        this.openCheck = new OpenCheck(migrations.scripts());
        this.onePatientPerTransaction = b.onePatientPerTransaction;
    }

    /**
     * Storage on PostgreSQL 13 or later. Set {@code logServerErrorDetail=false} on the pgjdbc URL.
     *
     * @param dataSource the supplier's pooled data source; the storage never closes it
     * @return the storage, not yet migrated
     * @throws ConfigurationException if {@code dataSource} is missing or the shipped migrations
     *                                cannot be read
     */
    public static JdbcStorage postgres(DataSource dataSource) {
        return builder(dataSource).dialect(Dialect.POSTGRESQL).build();
    }

    /**
     * Storage on H2 2.x (for example {@code jdbc:h2:file:./care;WRITE_DELAY=0;LOCK_TIMEOUT=10000}). A
     * database on disk must be opened with {@code WRITE_DELAY=0}, or the first unit of work fails
     * with a {@link ConfigurationException}: H2's default writes commits in the background, so
     * acknowledged commits would be lost if the process died.
     *
     * @param dataSource the supplier's data source; the storage never closes it
     * @return the storage, not yet migrated
     * @throws ConfigurationException if {@code dataSource} is missing or the shipped migrations
     *                                cannot be read
     */
    public static JdbcStorage h2(DataSource dataSource) {
        return builder(dataSource).dialect(Dialect.H2).build();
    }

    /**
     * Storage whose dialect is read from the database product name (opens one connection).
     *
     * @param dataSource the supplier's data source; the storage never closes it
     * @return the storage, not yet migrated
     * @throws ConfigurationException if the database is neither PostgreSQL nor H2
     * @throws StorageException       if no connection could be opened
     */
    public static JdbcStorage detect(DataSource dataSource) {
        return builder(dataSource).build();
    }

    /**
     * A builder for the less common options.
     *
     * @param dataSource the supplier's data source; the storage never closes it
     * @return the builder
     * @throws ConfigurationException if {@code dataSource} is missing
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    private static Dialect detectDialect(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return Dialect.ofProduct(c.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw SqlErrors.failure("dialect detection", e, null);
        }
    }

    /** {@return the dialect in use} */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * Applies the shipped migrations that the database has not applied yet, in version order, and
     * verifies the checksum of every one already applied. Safe to call from several processes at
     * once: they are serialised, and later callers find nothing to do.
     *
     * @return the migrations applied by this call, oldest first
     * @throws ConfigurationException if an applied migration was changed, is unknown to this SDK
     *                                version, or a new one is older than an applied one
     * @throws StorageException       if a migration failed (on PostgreSQL, nothing of it is kept)
     */
    public List<Migration> migrate() {
        return migrations.migrate();
    }

    /** {@return the migrations this storage ships for its dialect, oldest first} */
    public List<Migration> migrations() {
        return migrations.scripts().stream().map(MigrationRunner.Script::migration).toList();
    }

    /**
     * Writes this dialect's migrations ({@code V1__foundation.sql}, ...) into {@code directory} for a
     * supplier's own migration tool (Flyway and Liquibase read these names as they are).
     *
     * @param directory an existing directory to write into
     * @return the files written
     * @throws java.io.UncheckedIOException if a file cannot be written
     */
    public List<Path> exportMigrations(Path directory) {
        return migrations.export(Objects.requireNonNull(directory, "directory"));
    }

    /**
     * Recomputes the index columns of every stored aggregate of the types from its document and
     * rewrites the rows whose columns are out of date: run it once after upgrading from an SDK
     * version older than a migration that added index columns (such as {@code V4__report_columns},
     * whose columns are null in rows written before it), so reports count every row. Works in
     * batches of 500 rows, each its own short transaction; safe beside live traffic (a row is only
     * rewritten at the version read, so a concurrent update's newer columns win) and safe to rerun
     * (a second run rewrites nothing).
     *
     * <pre>{@code
     * storage.reindex(PatientStores.PATIENTS, CarePlanStores.PLANS, BudgetStores.BUDGETS,
     *         ReferralStores.REFERRALS);
     * }</pre>
     *
     * @param types the aggregate types to reindex
     * @return the number of rows rewritten
     * @throws io.github.personalcare.lang.InvalidInputException if {@code types} or one of them is
     *                                                           null (nothing is read)
     * @throws StorageException if the database fails or a type's table was never migrated
     */
    public long reindex(AggregateType<?, ?>... types) {
        Require.present("types", types);
        for (AggregateType<?, ?> type : types) {
            Require.present("types[]", type);
        }
        long total = 0;
        for (AggregateType<?, ?> type : types) {
            long rewritten = 0;
            java.util.UUID after = null;
            while (true) {
                java.util.UUID from = after;
                JdbcAggregateStore.Reindexed batch = inTransaction(tx ->
                        ((JdbcAggregateStore<?, ?>) tx.aggregates(type)).reindex(from, REINDEX_BATCH));
                rewritten += batch.rewritten();
                if (batch.last() == null) {
                    break;
                }
                after = batch.last();
            }
            total += rewritten;
        }
        log.info("reindex finished: {} rows rewritten", total);
        return total;
    }

    /**
     * Runs the unit of work in one JDBC transaction (READ COMMITTED) and commits it; rolls back if it
     * throws. The connection is returned to the supplier's DataSource afterwards with its
     * auto-commit and isolation settings restored. On PostgreSQL, a pooled connection found at READ
     * COMMITTED once is not asked again (pgjdbc would ask the server, a round trip per unit of work):
     * code outside the SDK that raises a pooled connection's isolation and returns it to the pool
     * unrestored makes the SDK's later units of work on it run at that stricter level, which keeps
     * every guarantee but may fail more of them with serialisation errors (PostgreSQL has no
     * weaker level).
     *
     * @throws StorageException with rule {@code NESTED} if called inside another unit of work on this
     *                          thread; with the SQLState if the database failed
     */
    @Override
    public <R> R inTransaction(UnitOfWork<R> work) {
        return run(work, false);
    }

    /**
     * Runs the unit of work as {@link #inTransaction} does, in one JDBC transaction that may write
     * several patients' data: the bulk path in commits a chunk of records at once. Refused with
     * {@code UNSUPPORTED} when the builder set {@link Builder#onePatientPerTransaction()} (the
     * importer then writes one record per transaction).
     *
     * @throws StorageException with rule {@code NESTED} if called inside another unit of work on this
     *                          thread; with the SQLState if the database failed
     */
    @Override
    public <R> R inTransactionAcrossPatients(UnitOfWork<R> work) {
        if (onePatientPerTransaction) {
            throw new StorageException("UNSUPPORTED", "this storage is set to write one patient per transaction only");
        }
        return run(work, true);
    }

    private <R> R run(UnitOfWork<R> work, boolean acrossPatients) {
        Objects.requireNonNull(work, "work");
        if (current.get() != null) {
            throw new StorageException("NESTED", "a unit of work must not start another transaction");
        }
        Connection c;
        try {
            c = dataSource.getConnection();
        } catch (SQLException e) {
            throw SqlErrors.failure("opening a connection", e, dialect);
        }
        boolean autoCommit = true;
        int isolation = Connection.TRANSACTION_READ_COMMITTED;
        try {
            open(c);
            autoCommit = c.getAutoCommit();
            Object driverConnection = dialect == Dialect.POSTGRESQL ? PostgresSessions.driverConnection(c) : null;
            if (driverConnection == null || !readCommitted.containsKey(driverConnection)) {
                isolation = c.getTransactionIsolation();
                if (isolation != Connection.TRANSACTION_READ_COMMITTED) {
                    c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                } else if (driverConnection != null) {
                    readCommitted.put(driverConnection, Boolean.TRUE);
                }
            }
            c.setAutoCommit(false);
        } catch (SQLException e) {
            close(c, autoCommit, isolation);
            throw SqlErrors.failure("starting a transaction", e, dialect);
        } catch (RuntimeException e) {
            close(c, autoCommit, isolation);
            throw e;
        }
        JdbcTransaction tx = new JdbcTransaction(c, dialect, json, schema, factTables,
                acrossPatients ? PatientScope.acrossPatients() : new PatientScope());
        current.set(tx);
        try {
            R result;
            try {
                result = work.run(tx);
                tx.flush();
            } catch (RuntimeException | Error e) {
                tx.close();
                rollback(c);
                throw e;
            }
            tx.close();
            try {
                commit(c);
            } catch (SQLException e) {
                rollback(c);
                throw SqlErrors.commitFailure(e.getSQLState());
            } catch (RuntimeException e) {
                // A driver or pool failing without an SQLException: nothing proves a rollback.
                rollback(c);
                throw SqlErrors.commitFailure(null);
            }
            return result;
        } finally {
            current.remove();
            close(c, autoCommit, isolation);
        }
    }

    /**
     * Once per storage, before the first unit of work touches data: on H2 on disk, durable commits; then
     * the schema as the migrations describe it ({@link OpenCheck}). Runs again until it passes, so
     * a storage used before {@link #migrate()} works once migrated.
     */
    private void open(Connection c) throws SQLException {
        if (opened) {
            return;
        }
        synchronized (this) {
            if (opened) {
                return;
            }
            if (dialect == Dialect.H2) {
                String path = OpenCheck.requireDurableH2(c);
                endLock = path == null ? null : H2Commits.lockFor(path);
            }
            openCheck.check(c, migrations, schema);
            opened = true;
        }
    }

    /** Commits; on H2 on disk, holding the database's {@link H2Commits} lock. */
    private void commit(Connection c) throws SQLException {
        ReentrantLock lock = endLock;
        if (lock == null) {
            c.commit();
            return;
        }
        lock.lock();
        try {
            c.commit();
        } finally {
            lock.unlock();
        }
    }

    private void rollback(Connection c) {
        ReentrantLock lock = endLock;
        if (lock != null) {
            lock.lock();
        }
        try {
            c.rollback();
        } catch (SQLException e) {
            log.warn("rollback failed (SQLState {}); the database discards the transaction", e.getSQLState());
        } finally {
            if (lock != null) {
                lock.unlock();
            }
        }
    }

    private static void close(Connection c, boolean autoCommit, int isolation) {
        try {
            c.setAutoCommit(autoCommit);
            // only if this storage changed it: pgjdbc asks the server for the isolation level every time
            if (isolation != Connection.TRANSACTION_READ_COMMITTED) {
                c.setTransactionIsolation(isolation);
            }
        } catch (SQLException e) {
            log.debug("could not restore connection settings (SQLState {})", e.getSQLState());
        }
        try {
            c.close();
        } catch (SQLException e) {
            log.warn("closing a connection failed (SQLState {})", e.getSQLState());
        }
    }

    @Override
    public String toString() {
        return "JdbcStorage[" + dialect + "]";
    }

    /** Options of a {@link JdbcStorage}; each may be set once. */
    public static final class Builder {
        private final DataSource dataSource;
        private Dialect dialect;
        private final List<String> additionalMigrations = new ArrayList<>();
        private boolean additionalSet;
        private boolean onePatientPerTransaction;

        private Builder(DataSource dataSource) {
            if (dataSource == null) {
                throw new ConfigurationException("dataSource", "is required");
            }
            this.dataSource = dataSource;
        }

        /**
         * The dialect; default: detected from the database.
         *
         * @param value {@link Dialect#POSTGRESQL} or {@link Dialect#H2}
         * @return this builder
         * @throws ConfigurationException if the dialect was already set
         * @throws NullPointerException if {@code value} is null
         */
        public Builder dialect(Dialect value) {
            if (dialect != null) {
                throw new ConfigurationException("dialect", "is already set");
            }
            dialect = Objects.requireNonNull(value, "dialect");
            return this;
        }

        /**
         * Keeps every transaction to one patient's data, the bulk path in included: for a
         * database sharded by patient (Citus, for example), where a chunk of records of different
         * patients would be a transaction across shards. Bulk imports then commit once per record
         * (several times slower; see docs/performance.md). Default: the bulk path in may commit a
         * chunk of records of different patients at once, the only transaction that spans patients.
         *
         * @return this builder
         */
        public Builder onePatientPerTransaction() {
            onePatientPerTransaction = true;
            return this;
        }

        /**
         * Class-path locations of further migrations, applied after (and versioned above) the
         * shipped ones, laid out like the shipped location: {@code <location>/postgresql/} and
         * {@code <location>/h2/}, each with {@code migrations.txt}. For a supplier's own types and
         * for test types such as the testkit's.
         *
         * @param locations class-path locations such as {@code com/example/care/migrations}
         * @return this builder
         * @throws ConfigurationException if set twice, or a location is blank or starts or ends
         *                                with {@code /}
         */
        public Builder additionalMigrations(String... locations) {
            if (additionalSet) {
                throw new ConfigurationException("additionalMigrations", "is already set");
            }
            additionalSet = true;
            for (String l : locations) {
                if (l == null || l.isBlank() || l.startsWith("/") || l.endsWith("/")) {
                    throw new ConfigurationException("additionalMigrations", "locations look like a/b/c");
                }
                additionalMigrations.add(l);
            }
            return this;
        }

        /**
         * The storage.
         *
         * @return the storage, not yet migrated
         * @throws ConfigurationException if the migrations cannot be read or the dialect is
         *                                unsupported
         */
        public JdbcStorage build() {
            return new JdbcStorage(this);
        }
    }
}
