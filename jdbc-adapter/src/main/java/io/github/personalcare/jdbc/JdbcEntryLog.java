package io.github.personalcare.jdbc;

import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.RecordId;
import io.github.personalcare.spi.DuplicateKeyException;
import io.github.personalcare.spi.EntryLog;
import io.github.personalcare.spi.EntryType;

import java.util.List;
import java.util.Optional;
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

    JdbcEntryLog(JdbcTransaction tx, EntryType<E> type) {
        this.tx = tx;
        this.type = type;
        this.table = SchemaDefinitions.checkTable(type.name());
        tx.requireTable(table, List.of("owner_id", "patient_id", "seq", "idempotency_key", "doc"),
                "entry type " + type.name());
    }

    @Override
    public long append(E entry) {
        tx.checkOpen();
        UUID owner = type.owner().apply(entry).value();
        PatientId patient = type.patient().apply(entry);
        String key = type.idempotencyKey().apply(entry);
        if (key == null || key.isEmpty()) {
            throw new InvalidInputException(type.name() + ".idempotencyKey", "REQUIRED", "is required");
        }
        String problem = JsonDocuments.plainTextProblem(key);
        if (problem != null) {
            throw new InvalidInputException(type.name() + ".idempotencyKey", "TEXT", problem);
        }
        String doc = tx.json.write(type.type(), entry, type.name());
        tx.scope.touch(patient);
        tx.lockPatient(patient);
        // One statement: the next position in the owner's log (gapless under the patient's lock) and the
        // insert, which stores nothing when the key is taken.
        String insert = "INSERT INTO " + table + " (owner_id, patient_id, seq, idempotency_key, doc) SELECT ?, ?, "
                + "COALESCE(MAX(seq), 0) + 1, ?, " + tx.dialect.documentParameter() + " FROM " + table + " WHERE owner_id = ?";
        String sql = tx.dialect == Dialect.POSTGRESQL
                ? insert + " ON CONFLICT (owner_id, idempotency_key) DO NOTHING RETURNING seq"
                : "SELECT seq FROM FINAL TABLE (" + insert + ")";
        List<Long> appended = tx.queryOrDuplicate("append to " + table, sql, ps -> {
            ps.setObject(1, owner);
            ps.setObject(2, patient.value());
            ps.setString(3, key);
            ps.setString(4, doc);
            ps.setObject(5, owner);
        }, rs -> rs.getLong(1));
        if (appended == null || appended.isEmpty()) {
            throw new DuplicateKeyException(type.name() + " idempotency key");
        }
        long seq = appended.get(0);
        return seq;
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
    public List<E> byOwner(RecordId owner) {
        tx.checkOpen();
        return tx.query("reading " + table, "SELECT doc FROM " + table + " WHERE owner_id = ? ORDER BY seq",
                ps -> ps.setObject(1, owner.value()), rs -> tx.json.read(type.type(), rs.getString(1), type.name()));
    }
}
