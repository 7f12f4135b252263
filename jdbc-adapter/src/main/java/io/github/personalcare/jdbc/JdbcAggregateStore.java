package io.github.personalcare.jdbc;

import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.lang.NotFoundException;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.RecordId;
import io.github.personalcare.spi.AggregateStore;
import io.github.personalcare.spi.AggregateType;
import io.github.personalcare.spi.DuplicateKeyException;
import io.github.personalcare.spi.GroupCount;
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
    /** The UPDATE of one row at its expected version, derived once per storage. */
    private final String update;

    JdbcAggregateStore(JdbcTransaction tx, AggregateType<I, A> type) {
        this.tx = tx;
        this.type = type;
        this.table = type.name();
        this.update = tx.schema.checkedOnce(type, () -> {
            SchemaDefinitions.checkTable(type.name());
            List<String> columns = new ArrayList<>(List.of("id", "patient_id", "version", "doc"));
            for (Index<A> index : type.indexes()) {
                columns.add(SchemaDefinitions.checkIndex(type.name(), index.name()));
            }
            tx.requireTable(table, columns, "aggregate type " + type.name());
            StringBuilder sql = new StringBuilder("UPDATE ").append(table)
                    .append(" SET version = version + 1, doc = ").append(tx.dialect.documentParameter());
            for (Index<A> index : type.indexes()) {
                sql.append(", ").append(index.name()).append(" = ?");
            }
            return sql.append(" WHERE id = ? AND version = ? AND patient_id = ?").toString();
        });
    }

    /** {@return the table's name} */
    String table() {
        return table;
    }

    private Versioned<A> row(ResultSet rs) throws SQLException {
        return new Versioned<>(tx.json.readAggregate(type.type(), rs.getString("doc"), type.name()),
                rs.getLong("version"));
    }

    private JdbcTransaction.Row readRow(ResultSet rs) throws SQLException {
        return new JdbcTransaction.Row(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
                rs.getLong("version"), rs.getString("doc"), null);
    }

    /** The row's aggregate, parsed once per transaction. */
    private Versioned<A> versioned(JdbcTransaction.Row row) {
        if (row.value == null) {
            row.value = tx.json.readAggregate(type.type(), row.doc, type.name());
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

    /** Reads the rows not yet seen by this transaction in one statement per 1,000 ids. */
    @Override
    public List<Versioned<A>> findAll(Collection<I> ids) {
        tx.checkOpen();
        List<Versioned<A>> found = new ArrayList<>();
        List<UUID> unseen = new ArrayList<>();
        for (I id : ids) {
            JdbcTransaction.Row cached = tx.cached(table, id.value());
            if (cached != null) {
                found.add(versioned(cached));
            } else {
                unseen.add(id.value());
            }
        }
        for (int from = 0; from < unseen.size(); from += 1_000) {
            List<UUID> part = unseen.subList(from, Math.min(unseen.size(), from + 1_000));
            List<JdbcTransaction.Row> rows = tx.query("reading " + table, "SELECT id, patient_id, version, doc FROM "
                    + table + " WHERE id IN (" + String.join(", ", java.util.Collections.nCopies(part.size(), "?")) + ")",
                    ps -> {
                        for (int i = 0; i < part.size(); i++) {
                            ps.setObject(i + 1, part.get(i));
                        }
                    }, this::readRow);
            for (JdbcTransaction.Row r : rows) {
                tx.cache(table, r);
                found.add(versioned(r));
            }
        }
        return found;
    }

    /** True for an index whose column has a unique constraint or index in the database (R2, R4). */
    @Override
    public boolean isUnique(String index) {
        tx.checkOpen();
        return type.index(index).isPresent() && tx.schema.uniqueColumns(table).containsValue(index);
    }

    /**
     * The query answered from the patient's rows this transaction holds, or null if it holds none or
     * a criterion is one only the database compares (text and booleans are compared for equality only).
     */
    private List<Versioned<A>> fromCache(Query query) {
        if (query.patient().isEmpty() || !query.related().isEmpty()) {
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
            if (c.op() == Query.Op.GT_OR_NULL || c.op() != Query.Op.EQ && !ordered) {
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
        IndexColumns.Where where = where(query);
        List<Versioned<A>> found = tx.query("querying " + table, "SELECT t.version, t.doc FROM " + table + " t"
                + where.sql, where::bind, this::row);
        query.patient().ifPresent(p -> tx.learn(table, p.value()));
        return found;
    }

    @Override
    public List<GroupCount> count(Query query, List<String> groupBy) {
        tx.checkOpen();
        List<Index<A>> groups = type.indexes(groupBy);
        StringBuilder columns = new StringBuilder();
        for (Index<A> g : groups) {
            columns.append("t.").append(g.name()).append(", ");
        }
        IndexColumns.Where where = where(query);
        String sql = "SELECT " + columns + "COUNT(*) FROM " + table + " t" + where.sql
                + (groups.isEmpty() ? "" : " GROUP BY " + columns.substring(0, columns.length() - 2));
        List<GroupCount> rows = tx.query("counting " + table, sql, where::bind, rs -> {
            List<Object> key = new ArrayList<>(groups.size());
            for (int i = 0; i < groups.size(); i++) {
                key.add(IndexColumns.read(rs, i + 1, groups.get(i).kind()));
            }
            long n = rs.getLong(groups.size() + 1);
            return n == 0 ? null : new GroupCount(key, n);
        });
        rows.removeIf(java.util.Objects::isNull); // no GROUP BY over no rows gives one row counting 0
        return rows;
    }

    /** The WHERE clause of a query on {@code t} (this table), with EXISTS for related conditions. */
    private IndexColumns.Where where(Query query) {
        IndexColumns.Where w = new IndexColumns.Where(type.name());
        if (query.patient().isPresent()) {
            w.raw("t.patient_id = ?", query.patient().get().value());
        }
        w.criteria("t", type.name(), type::index, query, c -> SchemaDefinitions.checkIndex(type.name(), c));
        int n = 0;
        for (Query.Related r : query.related()) {
            related(w, "r" + n++, r.type(), r.query());
        }
        return w;
    }

    private static <T> void related(IndexColumns.Where w, String alias, AggregateType<?, T> of, Query query) {
        String other = SchemaDefinitions.checkTable(of.name());
        w.sql.append(" AND EXISTS (SELECT 1 FROM ").append(other).append(' ').append(alias).append(" WHERE ")
                .append(alias).append(".patient_id = t.patient_id");
        w.criteria(alias, of.name(), of::index, query, c -> SchemaDefinitions.checkIndex(of.name(), c));
        w.sql.append(')');
    }

    private void bindIndex(PreparedStatement ps, int i, IndexKind kind, Object value,
            UnaryOperator<String> field) throws SQLException {
        IndexColumns.bind(ps, i, kind, value, field.apply(type.name()));
    }

    /** One batch of {@link JdbcStorage#reindex}: the last id read (null when none) and the rows rewritten. */
    record Reindexed(UUID last, int rewritten) {
    }

    /**
     * Recomputes the index columns of up to {@code limit} rows after {@code after} (by id) from their
     * documents and rewrites the rows whose columns differ, each only at the version read, so a
     * concurrent writer's newer columns are never overwritten with older ones.
     */
    Reindexed reindex(UUID after, int limit) {
        tx.checkOpen();
        List<Index<A>> indexes = type.indexes();
        StringBuilder columns = new StringBuilder();
        StringBuilder set = new StringBuilder();
        for (Index<A> index : indexes) {
            columns.append(", ").append(index.name());
            set.append(set.length() == 0 ? "" : ", ").append(index.name()).append(" = ?");
        }
        String sql = "SELECT id, version, doc" + columns + " FROM " + table
                + (after == null ? "" : " WHERE id > ?") + " ORDER BY id LIMIT ?";
        List<Object[]> stale = new ArrayList<>();
        List<UUID> ids = tx.query("reindexing " + table, sql, ps -> {
            int i = 1;
            if (after != null) {
                ps.setObject(i++, after);
            }
            ps.setInt(i, limit);
        }, rs -> {
            UUID id = rs.getObject(1, UUID.class);
            A aggregate = tx.json.read(type.type(), rs.getString(3), type.name());
            for (int i = 0; i < indexes.size(); i++) {
                Object stored = IndexColumns.read(rs, 4 + i, indexes.get(i).kind());
                if (!java.util.Objects.equals(stored, indexes.get(i).valueOf(aggregate))) {
                    stale.add(new Object[] {id, rs.getLong(2), aggregate});
                    break;
                }
            }
            return id;
        });
        if (!stale.isEmpty() && !indexes.isEmpty()) {
            String update = "UPDATE " + table + " SET " + set + " WHERE id = ? AND version = ?";
            boolean done = tx.batchOrDuplicate("reindexing " + table, update, stale, (ps, row) -> {
                bindIndexes(ps, 1, type.type().cast(row[2]));
                ps.setObject(indexes.size() + 1, row[0]);
                ps.setLong(indexes.size() + 2, (Long) row[1]);
            });
            if (!done) {
                throw new DuplicateKeyException(type.name() + " unique index");
            }
        }
        return new Reindexed(ids.isEmpty() ? null : ids.get(ids.size() - 1), stale.size());
    }

    /** Binds the index columns, in declaration order, from position {@code first}. */
    private void bindIndexes(PreparedStatement ps, int first, A aggregate) throws SQLException {
        int i = first;
        for (Index<A> index : type.indexes()) {
            bindIndex(ps, i++, index.kind(), index.valueOf(aggregate), t -> t + "." + index.name());
        }
    }

    /** The INSERT of one row at version 1: id, patient, version, document, then each index column. */
    private String insertSql() {
        StringBuilder columns = new StringBuilder("id, patient_id, version, doc");
        StringBuilder marks = new StringBuilder("?, ?, 1, ").append(tx.dialect.documentParameter());
        for (Index<A> index : type.indexes()) {
            columns.append(", ").append(index.name());
            marks.append(", ?");
        }
        return "INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ")";
    }

    @Override
    public long insert(A aggregate) {
        tx.checkOpen();
        UUID id = type.id().apply(aggregate).value();
        PatientId patient = type.patient().apply(aggregate);
        String doc = tx.json.write(type.type(), aggregate, type.name());
        tx.scope.touch(patient);
        String sql = insertSql();
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
     * New aggregates of one patient in one batch (the bulk path in). A duplicate id or unique key fails
     * the whole batch with {@link DuplicateKeyException}, naming the type only; the caller rolls back.
     */
    @Override
    public void insertAll(List<A> aggregates) {
        if (aggregates.size() < 2) {
            aggregates.forEach(this::insert);
            return;
        }
        tx.checkOpen();
        List<JdbcTransaction.Row> rows = new ArrayList<>(aggregates.size());
        for (A aggregate : aggregates) {
            PatientId patient = type.patient().apply(aggregate);
            tx.scope.touch(patient);
            rows.add(new JdbcTransaction.Row(type.id().apply(aggregate).value(), patient.value(), 1,
                    tx.json.write(type.type(), aggregate, type.name()), aggregate));
        }
        String sql = insertSql();
        boolean stored;
        if (tx.dialect == Dialect.POSTGRESQL) {
            // one statement of many rows: a batch of single-row INSERTs is one execution per row
            int perRow = 3 + type.indexes().size();
            int most = Math.max(1, Math.min(1_000, 30_000 / perRow));
            String values = sql.substring(sql.indexOf(" VALUES ") + " VALUES ".length());
            List<List<JdbcTransaction.Row>> parts = new ArrayList<>();
            for (int from = 0; from < rows.size(); from += most) {
                parts.add(rows.subList(from, Math.min(rows.size(), from + most)));
            }
            stored = tx.eachOrDuplicate("insert into " + table, parts,
                    part -> sql + (", " + values).repeat(part.size() - 1), (ps, part) -> {
                        int i = 1;
                        for (JdbcTransaction.Row row : part) {
                            i = bindRow(ps, i, row);
                        }
                    });
        } else {
            stored = tx.batchOrDuplicate("insert into " + table, sql, rows, (ps, row) -> bindRow(ps, 1, row));
        }
        if (!stored) {
            throw new DuplicateKeyException(type.name() + " id or unique key");
        }
        rows.forEach(row -> tx.cache(table, row));
    }

    /** Binds one new row from position {@code first}; returns the next position. */
    private int bindRow(PreparedStatement ps, int first, JdbcTransaction.Row row) throws SQLException {
        ps.setObject(first, row.id);
        ps.setObject(first + 1, row.patient);
        ps.setString(first + 2, row.doc);
        @SuppressWarnings("unchecked")
        A aggregate = (A) row.value;
        bindIndexes(ps, first + 3, aggregate);
        return first + 3 + type.indexes().size();
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
        int after = 2 + type.indexes().size();
        tx.scope.touch(patient);
        String[] violated = new String[1];
        JdbcTransaction.Binder binder = ps -> {
            ps.setString(1, doc);
            bindIndexes(ps, 2, aggregate);
            ps.setObject(after, id);
            ps.setLong(after + 1, expectedVersion);
            ps.setObject(after + 2, patient.value());
        };
        int rows;
        if (tx.dialect == Dialect.POSTGRESQL) {
            // The document as jsonb gives it back (normalised, unlike the text sent): remembered as the
            // aggregate just written, the next command's read of the row parses nothing (issue 13).
            List<String> stored = tx.queryOrDuplicate("update of " + table, update + " RETURNING doc", binder,
                    rs -> rs.getString(1), constraint -> violated[0] = constraint);
            rows = stored == null ? -1 : stored.size();
            if (rows == 1) {
                tx.json.remember(type.type(), stored.get(0), aggregate);
            }
        } else {
            rows = tx.updateOrDuplicate("update of " + table, update, binder, constraint -> violated[0] = constraint);
            if (rows == 1) {
                tx.json.remember(type.type(), doc, aggregate);
            }
        }
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
