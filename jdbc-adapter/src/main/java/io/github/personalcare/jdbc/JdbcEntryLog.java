package io.github.personalcare.jdbc;

import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.RecordId;
import io.github.personalcare.spi.DuplicateKeyException;
import io.github.personalcare.spi.EntryLog;
import io.github.personalcare.spi.EntryType;
import io.github.personalcare.spi.GroupTotal;
import io.github.personalcare.spi.Index;
import io.github.personalcare.spi.IndexKind;
import io.github.personalcare.spi.Query;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An append-only entry table. Appends take the patient's lock first, so the position in the owner's
 * log ({@code seq}) is gapless; the database's unique constraint on (owner_id, idempotency_key)
 * refuses a key used before, in the same statement as the insert.
 */
final class JdbcEntryLog<E> implements EntryLog<E> {
    private final JdbcTransaction tx;
    private final EntryType<E> type;
    private final String table;
    private final String insert;

    JdbcEntryLog(JdbcTransaction tx, EntryType<E> type) {
        this.tx = tx;
        this.type = type;
        this.table = type.name();
        // checked and derived once per storage
        this.insert = tx.schema.checkedOnce(type, () -> {
            SchemaDefinitions.checkTable(type.name());
            List<String> columns = new ArrayList<>(List.of("owner_id", "patient_id", "seq", "idempotency_key", "doc"));
            StringBuilder names = new StringBuilder();
            StringBuilder params = new StringBuilder();
            for (Index<E> index : type.indexes()) {
                columns.add(SchemaDefinitions.checkEntryIndex(type.name(), index.name()));
                names.append(", ").append(index.name());
                params.append(", ?");
            }
            tx.requireTable(table, columns, "entry type " + type.name());
            // One statement: the next position in the owner's log (gapless under the patient's lock) and the
            // insert, which stores nothing when the key is taken.
            return "INSERT INTO " + table + " (owner_id, patient_id, seq, idempotency_key, doc" + names + ") SELECT ?, ?, "
                    + "COALESCE(MAX(seq), 0) + 1, ?, " + tx.dialect.documentParameter() + params + " FROM " + table
                    + " WHERE owner_id = ?";
        });
    }

    /** Binds an entry's row: owner, patient, key, document, index columns, owner again. */
    private void bindRow(PreparedStatement ps, UUID owner, PatientId patient, String key, String doc, E entry)
            throws SQLException {
        ps.setObject(1, owner);
        ps.setObject(2, patient.value());
        ps.setString(3, key);
        ps.setString(4, doc);
        int i = 5;
        for (Index<E> index : type.indexes()) {
            IndexColumns.bind(ps, i++, index.kind(), index.valueOf(entry), type.name() + "." + index.name());
        }
        ps.setObject(i, owner);
    }

    @Override
    public long append(E entry) {
        tx.checkOpen();
        UUID owner = type.owner().apply(entry).value();
        PatientId patient = type.patient().apply(entry);
        String key = checkedKey(entry);
        String doc = tx.json.write(type.type(), entry, type.name());
        tx.scope.touch(patient);
        tx.lockPatient(patient);
        String sql = tx.dialect == Dialect.POSTGRESQL
                ? insert + " ON CONFLICT (owner_id, idempotency_key) DO NOTHING RETURNING seq"
                : "SELECT seq FROM FINAL TABLE (" + insert + ")";
        List<Long> appended = tx.queryOrDuplicate("append to " + table, sql,
                ps -> bindRow(ps, owner, patient, key, doc, entry), rs -> rs.getLong(1));
        if (appended == null || appended.isEmpty()) {
            throw new DuplicateKeyException(type.name() + " idempotency key");
        }
        long seq = appended.get(0);
        return seq;
    }

    /**
     * Entries in one batch (the bulk path in), each taking the next position in its owner's log. A
     * reused idempotency key fails the whole batch with {@link DuplicateKeyException}; the caller rolls
     * back.
     */
    @Override
    public void appendAll(List<E> entries) {
        if (entries.size() < 2) {
            entries.forEach(this::append);
            return;
        }
        tx.checkOpen();
        List<Object[]> rows = new ArrayList<>(entries.size());
        Set<PatientId> locked = new HashSet<>();
        for (E entry : entries) {
            PatientId patient = type.patient().apply(entry);
            String key = checkedKey(entry);
            tx.scope.touch(patient);
            if (locked.add(patient)) {
                tx.lockPatient(patient);
            }
            rows.add(new Object[] {type.owner().apply(entry).value(), patient, key,
                tx.json.write(type.type(), entry, type.name()), entry});
        }
        // one owner (a record imported on its own): one batch, one round trip; several owners (a chunk):
        // two statements of many rows
        boolean severalOwners = rows.stream().map(r -> r[0]).distinct().count() > 1;
        boolean stored = tx.dialect == Dialect.POSTGRESQL && severalOwners ? appendRows(rows)
                : tx.batchOrDuplicate("append to " + table, insert, rows, (ps, row) -> bindRow(ps,
                        (UUID) row[0], (PatientId) row[1], (String) row[2], (String) row[3], type.type().cast(row[4])));
        if (!stored) {
            throw new DuplicateKeyException(type.name() + " idempotency key");
        }
    }

    /**
     * PostgreSQL: two statements of many rows (a batch of INSERT ... SELECT is one execution per
     * row): the owners' last positions, read once, then the rows, each at its owner's last position
     * plus its rank among the rows of that owner. The patient's lock keeps other appends out between.
     */
    private boolean appendRows(List<Object[]> rows) {
        List<UUID> owners = rows.stream().map(r -> (UUID) r[0]).distinct().toList();
        java.util.Map<UUID, Long> last = new java.util.HashMap<>();
        for (int from = 0; from < owners.size(); from += 1_000) {
            List<UUID> part = owners.subList(from, Math.min(owners.size(), from + 1_000));
            tx.query("reading the last positions in " + table, "SELECT owner_id, MAX(seq) FROM " + table
                    + " WHERE owner_id IN (" + String.join(", ", java.util.Collections.nCopies(part.size(), "?"))
                    + ") GROUP BY owner_id", ps -> {
                        for (int i = 0; i < part.size(); i++) {
                            ps.setObject(i + 1, part.get(i));
                        }
                    }, rs -> last.put(rs.getObject(1, UUID.class), rs.getLong(2)));
        }
        StringBuilder names = new StringBuilder();
        StringBuilder params = new StringBuilder();
        for (Index<E> index : type.indexes()) {
            names.append(", ").append(index.name());
            params.append(", ?");
        }
        String row = "(?, ?, ?, ?, " + tx.dialect.documentParameter() + params + ")";
        int perRow = 5 + type.indexes().size();
        int most = Math.max(1, Math.min(1_000, 30_000 / perRow));
        List<List<Object[]>> parts = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += most) {
            parts.add(rows.subList(from, Math.min(rows.size(), from + most)));
        }
        return tx.eachOrDuplicate("append to " + table, parts, part -> "INSERT INTO " + table
                + " (owner_id, patient_id, seq, idempotency_key, doc" + names + ") VALUES "
                + String.join(", ", java.util.Collections.nCopies(part.size(), row)), (ps, part) -> {
                    int i = 1;
                    for (Object[] r : part) {
                        UUID owner = (UUID) r[0];
                        E entry = type.type().cast(r[4]);
                        ps.setObject(i++, owner);
                        ps.setObject(i++, ((PatientId) r[1]).value());
                        ps.setLong(i++, last.merge(owner, 1L, Long::sum));
                        ps.setString(i++, (String) r[2]);
                        ps.setString(i++, (String) r[3]);
                        for (Index<E> index : type.indexes()) {
                            IndexColumns.bind(ps, i++, index.kind(), index.valueOf(entry), type.name() + "." + index.name());
                        }
                    }
                });
    }

    private String checkedKey(E entry) {
        String key = type.idempotencyKey().apply(entry);
        if (key == null || key.isEmpty()) {
            throw new InvalidInputException(type.name() + ".idempotencyKey", "REQUIRED", "is required");
        }
        String problem = JsonDocuments.plainTextProblem(key);
        if (problem != null) {
            throw new InvalidInputException(type.name() + ".idempotencyKey", "TEXT", problem);
        }
        return key;
    }

    private Optional<E> findByKey(UUID owner, String key) {
        return tx.query("reading " + table, "SELECT doc FROM " + table + " WHERE owner_id = ? AND idempotency_key = ?",
                ps -> {
                    ps.setObject(1, owner);
                    ps.setString(2, key);
                }, rs -> tx.json.read(type.type(), rs.getString(1), type.name())).stream().findFirst();
    }

    @Override
    public Optional<E> findByKey(RecordId owner, String idempotencyKey) {
        tx.checkOpen();
        if (idempotencyKey == null || JsonDocuments.plainTextProblem(idempotencyKey) != null) {
            return Optional.empty();
        }
        return findByKey(owner.value(), idempotencyKey);
    }

    @Override
    public List<GroupTotal> total(Query query, List<String> groupBy, String summed) {
        tx.checkOpen();
        if (!query.related().isEmpty()) {
            throw new IllegalArgumentException("entry totals take conditions on " + type.name() + " only");
        }
        List<Index<E>> groups = type.indexes(groupBy);
        Index<E> sum = type.indexes(List.of(summed)).get(0);
        if (sum.kind() != IndexKind.NUMBER) {
            throw new IllegalArgumentException(summed + " on " + type.name() + " is not a number index");
        }
        IndexColumns.Where where = new IndexColumns.Where(type.name());
        if (query.patient().isPresent()) {
            where.raw("t.patient_id = ?", query.patient().get().value());
        }
        where.criteria("t", type.name(), type::index, query, c -> SchemaDefinitions.checkEntryIndex(type.name(), c));
        StringBuilder columns = new StringBuilder();
        for (Index<E> g : groups) {
            columns.append("t.").append(g.name()).append(", ");
        }
        String sql = "SELECT " + columns + "COUNT(*), COALESCE(SUM(t." + sum.name() + "), 0) FROM " + table + " t"
                + where.sql + (groups.isEmpty() ? "" : " GROUP BY " + columns.substring(0, columns.length() - 2));
        List<GroupTotal> rows = tx.query("totalling " + table, sql, where::bind, rs -> {
            List<Object> key = new ArrayList<>(groups.size());
            for (int i = 0; i < groups.size(); i++) {
                key.add(IndexColumns.read(rs, i + 1, groups.get(i).kind()));
            }
            long n = rs.getLong(groups.size() + 1);
            return n == 0 ? null : new GroupTotal(key, n, rs.getBigDecimal(groups.size() + 2).longValueExact());
        });
        rows.removeIf(java.util.Objects::isNull); // no GROUP BY over no rows gives one row counting 0
        return rows;
    }

    @Override
    public List<E> byOwner(RecordId owner) {
        tx.checkOpen();
        return tx.query("reading " + table, "SELECT doc FROM " + table + " WHERE owner_id = ? ORDER BY seq",
                ps -> ps.setObject(1, owner.value()), rs -> tx.json.read(type.type(), rs.getString(1), type.name()));
    }
}
