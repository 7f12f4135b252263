package io.github.personalcare.jdbc;

import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.lang.NotFoundException;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.RecordId;
import io.github.personalcare.spi.AggregateStore;
import io.github.personalcare.spi.AggregateType;
import io.github.personalcare.spi.DuplicateKeyException;
import io.github.personalcare.spi.Index;
import io.github.personalcare.spi.IndexKind;
import io.github.personalcare.spi.Query;
import io.github.personalcare.spi.StorageException;
import io.github.personalcare.lang.VersionConflictException;
import io.github.personalcare.lang.Versioned;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** An aggregate table: id, patient_id, version, the JSON document and one column per index. */
final class JdbcAggregateStore<I extends RecordId, A> implements AggregateStore<I, A> {
    private final JdbcTransaction tx;
    private final AggregateType<I, A> type;
    private final String table;

    JdbcAggregateStore(JdbcTransaction tx, AggregateType<I, A> type) {
        this.tx = tx;
        this.type = type;
        this.table = SchemaDefinitions.checkTable(type.name());
        List<String> columns = new ArrayList<>(List.of("id", "patient_id", "version", "doc"));
        for (Index<A> index : type.indexes()) {
            columns.add(SchemaDefinitions.checkIndex(type.name(), index.name()));
        }
        tx.requireTable(table, columns, "aggregate type " + type.name());
    }

    /** {@return the table's name} */
    String table() {
        return table;
    }

    private Versioned<A> row(ResultSet rs) throws SQLException {
        return new Versioned<>(tx.json.read(type.type(), rs.getString("doc"), type.name()), rs.getLong("version"));
    }

    private JdbcTransaction.Row readRow(ResultSet rs) throws SQLException {
        return new JdbcTransaction.Row(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
                rs.getLong("version"), rs.getString("doc"), null);
    }

    /** The row's aggregate, parsed once per transaction. */
    private Versioned<A> versioned(JdbcTransaction.Row row) {
        if (row.value == null) {
            row.value = tx.json.read(type.type(), row.doc, type.name());
        }
        return new Versioned<>(type.type().cast(row.value), row.version);
    }

    @Override
    public Optional<Versioned<A>> find(I id) {
        tx.checkOpen();
        JdbcTransaction.Row cached = tx.cached(table, id.value());
        if (cached != null) {
            return Optional.of(versioned(cached));
        }
        Optional<JdbcTransaction.Row> found = tx.query("reading " + table, "SELECT id, patient_id, version, doc FROM "
                + table + " WHERE id = ?", ps -> ps.setObject(1, id.value()), this::readRow).stream().findFirst();
        found.ifPresent(r -> tx.cache(table, r));
        return found.map(this::versioned);
    }

    /**
     * The query answered from the patient's rows this transaction holds, or null if it holds none or
     * a criterion is one only the database compares (text and booleans are compared for equality only).
     */
    private List<Versioned<A>> fromCache(Query query) {
        if (query.patient().isEmpty()) {
            return null;
        }
        Collection<JdbcTransaction.Row> all = tx.cachedOfPatient(table, query.patient().get().value());
        if (all == null) {
            return null;
        }
        List<Index<A>> indexes = new ArrayList<>();
        for (Query.Criterion c : query.criteria()) {
            Index<A> index = type.index(c.index())
                    .orElseThrow(() -> new IllegalArgumentException("no index " + c.index() + " on " + type.name()));
            boolean ordered = index.kind() == IndexKind.DATE || index.kind() == IndexKind.NUMBER;
            if (c.op() != Query.Op.EQ && !ordered) {
                return null;
            }
            indexes.add(index);
        }
        List<Versioned<A>> matching = new ArrayList<>();
        for (JdbcTransaction.Row row : all) {
            Versioned<A> v = versioned(row);
            boolean matches = true;
            for (int i = 0; i < indexes.size() && matches; i++) {
                Query.Criterion c = query.criteria().get(i);
                matches = holds(indexes.get(i).valueOf(v.value()), c.op(),
                        Index.normalise(indexes.get(i).kind(), c.value()));
            }
            if (matches) {
                matching.add(v);
            }
        }
        return matching;
    }

    /** As SQL compares: nothing matches an absent value. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static boolean holds(Object actual, Query.Op op, Object wanted) {
        if (actual == null || wanted == null) {
            return false;
        }
        if (op == Query.Op.EQ) {
            return actual.equals(wanted);
        }
        int cmp = ((Comparable) actual).compareTo(wanted);
        switch (op) {
            case LT: return cmp < 0;
            case LE: return cmp <= 0;
            case GT: return cmp > 0;
            case GE: return cmp >= 0;
            default: throw new IllegalStateException();
        }
    }

    @Override
    public List<Versioned<A>> query(Query query) {
        tx.checkOpen();
        List<Versioned<A>> cached = fromCache(query);
        if (cached != null) {
            return cached;
        }
        StringBuilder sql = new StringBuilder("SELECT version, doc FROM ").append(table).append(" WHERE 1 = 1");
        List<Object> values = new ArrayList<>();
        List<IndexKind> kinds = new ArrayList<>();
        if (query.patient().isPresent()) {
            sql.append(" AND patient_id = ?");
            values.add(query.patient().get().value());
            kinds.add(null);
        }
        for (Query.Criterion c : query.criteria()) {
            Index<A> index = type.index(c.index())
                    .orElseThrow(() -> new IllegalArgumentException("no index " + c.index() + " on " + type.name()));
            sql.append(" AND ").append(index.name()).append(' ').append(operator(c.op())).append(" ?");
            values.add(Index.normalise(index.kind(), c.value()));
            kinds.add(index.kind());
        }
        List<Versioned<A>> found = tx.query("querying " + table, sql.toString(), ps -> {
            for (int i = 0; i < values.size(); i++) {
                if (kinds.get(i) == null) {
                    ps.setObject(i + 1, values.get(i));
                } else {
                    bindIndex(ps, i + 1, kinds.get(i), values.get(i), c -> c);
                }
            }
        }, this::row);
        query.patient().ifPresent(p -> tx.learn(table, p.value()));
        return found;
    }

    private static String operator(Query.Op op) {
        switch (op) {
            case EQ: return "=";
            case LT: return "<";
            case LE: return "<=";
            case GT: return ">";
            case GE: return ">=";
            default: throw new IllegalStateException();
        }
    }

    private void bindIndex(PreparedStatement ps, int i, IndexKind kind, Object value,
            UnaryOperator<String> field) throws SQLException {
        switch (kind) {
            case TEXT:
                if (value == null) {
                    ps.setNull(i, Types.VARCHAR);
                } else {
                    String text = (String) value;
                    String problem = JsonDocuments.plainTextProblem(text);
                    if (problem != null) {
                        throw new InvalidInputException(field.apply(type.name()), "TEXT", problem);
                    }
                    ps.setString(i, text);
                }
                break;
            case DATE:
                if (value == null) {
                    ps.setNull(i, Types.DATE);
                } else {
                    ps.setObject(i, (LocalDate) value);
                }
                break;
            case NUMBER:
                if (value == null) {
                    ps.setNull(i, Types.BIGINT);
                } else {
                    ps.setLong(i, (Long) value);
                }
                break;
            case BOOLEAN:
                if (value == null) {
                    ps.setNull(i, Types.BOOLEAN);
                } else {
                    ps.setBoolean(i, (Boolean) value);
                }
                break;
            default:
                throw new IllegalStateException();
        }
    }

    /** Binds the index columns, in declaration order, from position {@code first}. */
    private void bindIndexes(PreparedStatement ps, int first, A aggregate) throws SQLException {
        int i = first;
        for (Index<A> index : type.indexes()) {
            bindIndex(ps, i++, index.kind(), index.valueOf(aggregate), t -> t + "." + index.name());
        }
    }

    @Override
    public long insert(A aggregate) {
        tx.checkOpen();
        UUID id = type.id().apply(aggregate).value();
        PatientId patient = type.patient().apply(aggregate);
        String doc = tx.json.write(type.type(), aggregate, type.name());
        tx.scope.touch(patient);
        StringBuilder columns = new StringBuilder("id, patient_id, version, doc");
        StringBuilder marks = new StringBuilder("?, ?, 1, ").append(tx.dialect.documentParameter());
        for (Index<A> index : type.indexes()) {
            columns.append(", ").append(index.name());
            marks.append(", ?");
        }
        String sql = "INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ")";
        JdbcTransaction.Binder binder = ps -> {
            ps.setObject(1, id);
            ps.setObject(2, patient.value());
            ps.setString(3, doc);
            bindIndexes(ps, 4, aggregate);
        };
        int rows = tx.dialect == Dialect.POSTGRESQL
                // ON CONFLICT (any unique index) keeps the transaction usable, as on H2, when the caller
                // handles the duplicate; a concurrent insert of the same key is waited for first.
                ? tx.update("insert into " + table, sql + " ON CONFLICT DO NOTHING", binder)
                : tx.updateOrDuplicate("insert into " + table, sql, binder);
        if (rows != 1) {
            boolean idTaken = !tx.query("reading " + table, "SELECT 1 FROM " + table + " WHERE id = ?",
                    ps -> ps.setObject(1, id), rs -> 1).isEmpty();
            throw idTaken ? new DuplicateKeyException(type.name() + " id") : duplicateKey(id, aggregate);
        }
        tx.cache(table, new JdbcTransaction.Row(id, patient.value(), 1, doc, aggregate));
        return 1;
    }

    /**
     * The duplicate key that made a write of the aggregate fail, naming the type and the unique index
     * column but never the value: the first unique column whose value another row holds.
     */
    private DuplicateKeyException duplicateKey(UUID id, A aggregate) {
        for (String column : tx.schema.uniqueColumns(table).values()) {
            Optional<Index<A>> index = type.index(column);
            if (index.isEmpty()) {
                continue;
            }
            Object value = index.get().valueOf(aggregate);
            if (value == null) {
                continue;
            }
            IndexKind kind = index.get().kind();
            boolean taken = !tx.query("reading " + table, "SELECT 1 FROM " + table + " WHERE " + column
                    + " = ? AND id <> ?", ps -> {
                        bindIndex(ps, 1, kind, value, t -> t + "." + column);
                        ps.setObject(2, id);
                    }, rs -> 1).isEmpty();
            if (taken) {
                return new DuplicateKeyException(type.name() + " " + column);
            }
        }
        return new DuplicateKeyException(type.name() + " unique key");
    }

    @Override
    public long update(A aggregate, long expectedVersion) {
        tx.checkOpen();
        UUID id = type.id().apply(aggregate).value();
        PatientId patient = type.patient().apply(aggregate);
        String doc = tx.json.write(type.type(), aggregate, type.name());
        StringBuilder sql = new StringBuilder("UPDATE ").append(table)
                .append(" SET version = version + 1, doc = ").append(tx.dialect.documentParameter());
        for (Index<A> index : type.indexes()) {
            sql.append(", ").append(index.name()).append(" = ?");
        }
        sql.append(" WHERE id = ? AND version = ? AND patient_id = ?");
        int after = 2 + type.indexes().size();
        tx.scope.touch(patient);
        String[] violated = new String[1];
        int rows = tx.updateOrDuplicate("update of " + table, sql.toString(), ps -> {
            ps.setString(1, doc);
            bindIndexes(ps, 2, aggregate);
            ps.setObject(after, id);
            ps.setLong(after + 1, expectedVersion);
            ps.setObject(after + 2, patient.value());
        }, constraint -> violated[0] = constraint);
        tx.forget(table, id);
        if (rows < 0) {
            // PostgreSQL has aborted the transaction: name the index from the constraint, query nothing.
            if (tx.dialect == Dialect.POSTGRESQL) {
                String column = violated[0] == null ? null
                        : tx.schema.uniqueColumns(table).get(violated[0].toLowerCase(Locale.ROOT));
                throw new DuplicateKeyException(type.name() + " " + (column == null ? "unique key" : column));
            }
            throw duplicateKey(id, aggregate);
        }
        if (rows == 1) {
            tx.cache(table, new JdbcTransaction.Row(id, patient.value(), expectedVersion + 1, doc, aggregate));
            return expectedVersion + 1;
        }
        // Nothing changed: say why, reading the row as committed now.
        record Current(long version, UUID patient) {
        }
        Optional<Current> current = tx.query("reading " + table, "SELECT version, patient_id FROM " + table
                + " WHERE id = ?", ps -> ps.setObject(1, id),
                rs -> new Current(rs.getLong(1), rs.getObject(2, UUID.class))).stream().findFirst();
        if (current.isEmpty()) {
            throw new NotFoundException(type.type().getSimpleName(), id.toString());
        }
        if (current.get().version() != expectedVersion) {
            throw new VersionConflictException(type.name(), id.toString(), expectedVersion, current.get().version());
        }
        throw new StorageException("PATIENT_CHANGED", type.name() + " " + id + " cannot move to another patient");
    }

    @Override
    public AggregateType<I, A> type() {
        return type;
    }
}
