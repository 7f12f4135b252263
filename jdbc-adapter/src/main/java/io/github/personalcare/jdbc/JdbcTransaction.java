package io.github.personalcare.jdbc;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.audit.AuditChain;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.RecordId;
import io.github.personalcare.spi.AggregateStore;
import io.github.personalcare.spi.AggregateType;
import io.github.personalcare.spi.AuditTrail;
import io.github.personalcare.spi.EntryLog;
import io.github.personalcare.spi.EntryType;
import io.github.personalcare.spi.Outbox;
import io.github.personalcare.spi.PatientScope;
import io.github.personalcare.spi.StorageException;
import io.github.personalcare.spi.Transaction;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** One open JDBC transaction seen as a {@link Transaction}; valid until its unit of work returns. */
final class JdbcTransaction implements Transaction {
    /** Binds the parameters of a statement. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /** Reads one row. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    final Connection connection;
    final Dialect dialect;
    final JsonDocuments json;
    final SchemaCheck schema;
    final PatientScope scope = new PatientScope();
    private final Set<String> lockedChains = new HashSet<>();
    private boolean open = true;

    JdbcTransaction(Connection connection, Dialect dialect, JsonDocuments json, SchemaCheck schema) {
        this.connection = connection;
        this.dialect = dialect;
        this.json = json;
        this.schema = schema;
    }

    void close() {
        open = false;
    }

    void checkOpen() {
        if (!open) {
            throw new StorageException("CLOSED", "transaction is no longer open");
        }
    }

    @Override
    public <I extends RecordId, A> AggregateStore<I, A> aggregates(AggregateType<I, A> type) {
        checkOpen();
        return new JdbcAggregateStore<>(this, type);
    }

    @Override
    public <E> EntryLog<E> entries(EntryType<E> type) {
        checkOpen();
        return new JdbcEntryLog<>(this, type);
    }

    @Override
    public AuditTrail audit() {
        checkOpen();
        return new JdbcAuditTrail(this);
    }

    @Override
    public Outbox outbox() {
        checkOpen();
        return new JdbcOutbox(this);
    }

    /** Fails with a {@link io.github.personalcare.lang.ConfigurationException} if the table is missing. */
    void requireTable(String table, List<String> columns, String what) {
        try {
            schema.require(connection, table, columns, what);
        } catch (SQLException e) {
            throw SqlErrors.failure("reading the schema of " + table, e, dialect);
        }
    }

    /**
     * Takes the row lock on the chain's head (creating the head if absent) until the transaction
     * ends. Audit appends lock their chain; outbox publishes and entry appends lock the patient's
     * chain, so all three are serialised per patient in one lock order and cannot deadlock each other.
     */
    void lockChain(String chain, PatientId patient) {
        if (lockedChains.contains(chain)) {
            return;
        }
        requireTable("audit_chain_head", List.of("chain", "patient_id", "seq", "hash"), "the audit trail");
        Binder headRow = ps -> {
            ps.setString(1, chain);
            ps.setObject(2, patient == null ? null : patient.value());
            ps.setString(3, AuditChain.GENESIS);
        };
        // A head inserted by a transaction that then rolled back is gone again: try a few times.
        for (int attempt = 0; attempt < 3; attempt++) {
            if (dialect == Dialect.POSTGRESQL) {
                // Waits for a concurrent insert of the same head, then does nothing.
                update("creating audit chain head", "INSERT INTO audit_chain_head (chain, patient_id, seq, hash) "
                        + "VALUES (?, ?, 0, ?) ON CONFLICT (chain) DO NOTHING", headRow);
            } else {
                // H2 keeps the transaction usable after a failed statement: a duplicate means the head exists.
                updateOrDuplicate("creating audit chain head", "INSERT INTO audit_chain_head (chain, patient_id, seq, "
                        + "hash) VALUES (?, ?, 0, ?)", headRow);
            }
            List<Long> locked = query("locking audit chain head",
                    "SELECT seq FROM audit_chain_head WHERE chain = ? FOR UPDATE", ps -> ps.setString(1, chain),
                    rs -> rs.getLong(1));
            if (!locked.isEmpty()) {
                lockedChains.add(chain);
                return;
            }
        }
        throw new StorageException("STORAGE", "audit chain head could not be locked");
    }

    @Override
    public void lockPatient(PatientId patient) {
        Require.present("patient", patient);
        lockChain(patient.value().toString(), patient);
    }

    int update(String what, String sql, Binder binder) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw SqlErrors.failure(what, e, dialect);
        }
    }

    /** Like {@link #update} but returns -1 on a unique violation instead of failing. */
    int updateOrDuplicate(String what, String sql, Binder binder) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        } catch (SQLException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                return -1;
            }
            throw SqlErrors.failure(what, e, dialect);
        }
    }

    /**
     * Like {@link #update} but, on a unique violation, returns -1 and hands the violated constraint's
     * name (PostgreSQL only; null otherwise) to {@code constraint} instead of failing.
     */
    int updateOrDuplicate(String what, String sql, Binder binder, Consumer<String> constraint) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        } catch (SQLException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                constraint.accept(dialect == Dialect.POSTGRESQL ? SqlErrors.constraintName(e) : null);
                return -1;
            }
            throw SqlErrors.failure(what, e, dialect);
        }
    }

    <T> List<T> query(String what, String sql, Binder binder, RowReader<T> reader) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rs.next()) {
                    result.add(reader.read(rs));
                }
                return result;
            }
        } catch (SQLException e) {
            throw SqlErrors.failure(what, e, dialect);
        }
    }

    static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
