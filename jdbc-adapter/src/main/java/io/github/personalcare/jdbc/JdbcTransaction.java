package io.github.personalcare.jdbc;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.audit.AuditChain;
import io.github.personalcare.audit.AuditRecord;
import io.github.personalcare.spi.AccessFacts;
import io.github.personalcare.spi.Query;
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
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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
    final PatientScope scope;
    private static final List<String> HEAD_COLUMNS = List.of("chain", "patient_id", "seq", "hash");
    private static final String OUTBOX_INSERT = "patient_id, event_id, event_type, doc, attempts, next_attempt_at, delivered";
    private static final String AUDIT_INSERT = "chain, seq, patient_id, event_id, occurred_at, action, outcome, doc, "
            + "previous_hash, hash, key_id";
    /** Pending rows written at once (PostgreSQL takes at most 32,767 parameters a statement). */
    private static final int MAX_PENDING = 500;

    private final Map<String, Head> heads = new LinkedHashMap<>();
    private final Map<String, Map<UUID, Row>> rows = new HashMap<>();
    private final Map<String, Map<UUID, Map<UUID, Row>>> patientRows = new HashMap<>();
    private final Set<UUID> prefetched = new HashSet<>();
    private final Set<String> factTables;
    private final List<PendingAudit> pendingAudit = new ArrayList<>();
    private final List<PendingOutbox> pendingOutbox = new ArrayList<>();
    private Target target;
    private boolean open = true;

    /** {@code factTables}: the tables guarded calls read by patient, learnt as they ask; shared by the storage. */
    JdbcTransaction(Connection connection, Dialect dialect, JsonDocuments json, SchemaCheck schema,
            Set<String> factTables, PatientScope scope) {
        this.scope = scope;
        this.connection = connection;
        this.dialect = dialect;
        this.json = json;
        this.schema = schema;
        this.factTables = factTables;
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
     * ends, and keeps the head's sequence and hash: the row cannot change under the lock, so appends
     * link to the kept head and move it without reading it again. Audit appends lock their chain;
     * outbox publishes and entry appends lock the patient's chain, so all three are serialised per
     * patient in one lock order and cannot deadlock each other.
     */
    void lockChain(String chain, PatientId patient) {
        if (heads.containsKey(chain)) {
            return;
        }
        requireTable("audit_chain_head", HEAD_COLUMNS, "the audit trail");
        Binder headRow = ps -> {
            ps.setString(1, chain);
            ps.setObject(2, patient == null ? null : patient.value());
            ps.setString(3, AuditChain.GENESIS);
        };
        // A head inserted by a transaction that then rolled back is gone again: try a few times.
        for (int attempt = 0; attempt < 3; attempt++) {
            List<Head> locked = query("locking audit chain head",
                    "SELECT seq, hash FROM audit_chain_head WHERE chain = ? FOR UPDATE", ps -> ps.setString(1, chain),
                    rs -> new Head(rs.getLong(1), rs.getString(2)));
            if (!locked.isEmpty()) {
                locked(chain, locked.get(0));
                return;
            }
            if (dialect == Dialect.POSTGRESQL) {
                // Waits for a concurrent insert of the same head, then does nothing.
                update("creating audit chain head", "INSERT INTO audit_chain_head (chain, patient_id, seq, hash) "
                        + "VALUES (?, ?, 0, ?) ON CONFLICT (chain) DO NOTHING", headRow);
            } else {
                // H2 keeps the transaction usable after a failed statement: a duplicate means the head exists.
                updateOrDuplicate("creating audit chain head", "INSERT INTO audit_chain_head (chain, patient_id, seq, "
                        + "hash) VALUES (?, ?, 0, ?)", headRow);
            }
        }
        throw new StorageException("STORAGE", "audit chain head could not be locked");
    }

    private void locked(String chain, Head head) {
        heads.put(chain, head);
        // Rows read before the lock may have changed since; from here on nobody else can change them.
        rows.clear();
        patientRows.clear();
        prefetched.clear();
    }

    /** The head of a chain this transaction has locked, as this transaction has moved it. */
    Head head(String chain) {
        Head head = heads.get(chain);
        if (head == null) {
            throw new IllegalStateException("chain not locked");
        }
        return head;
    }

    @Override
    public void lockPatient(PatientId patient) {
        Require.present("patient", patient);
        lockChain(patient.value().toString(), patient);
    }

    /**
     * Two statements whatever the number of patients, in chain order: the existing chain heads are
     * locked, then the missing ones inserted (on PostgreSQL waiting for a concurrent insert of the same
     * head and skipping it); a head this transaction inserted is locked by it, at the genesis. A head
     * another transaction inserted meanwhile is then locked one by one.
     */
    @Override
    public void lockPatients(Collection<PatientId> patients) {
        checkOpen();
        List<PatientId> wanted = patients.stream().distinct().filter(p -> !heads.containsKey(p.value().toString()))
                .sorted(java.util.Comparator.comparing(p -> p.value().toString())).toList();
        if (wanted.size() < 2) {
            wanted.forEach(this::lockPatient);
            return;
        }
        requireTable("audit_chain_head", HEAD_COLUMNS, "the audit trail");
        for (int from = 0; from < wanted.size(); from += MAX_PENDING) {
            List<PatientId> part = wanted.subList(from, Math.min(wanted.size(), from + MAX_PENDING));
            record Locked(String chain, Head head) {
            }
            List<Locked> existing = query("locking audit chain heads", "SELECT chain, seq, hash FROM audit_chain_head "
                    + "WHERE chain IN (" + rows("?", part.size()) + ") ORDER BY chain FOR UPDATE", ps -> {
                        int i = 1;
                        for (PatientId p : part) {
                            ps.setString(i++, p.value().toString());
                        }
                    }, rs -> new Locked(rs.getString(1), new Head(rs.getLong(2), rs.getString(3))));
            existing.forEach(l -> locked(l.chain(), l.head()));
            List<PatientId> missing = part.stream().filter(p -> !heads.containsKey(p.value().toString())).toList();
            if (missing.isEmpty()) {
                continue;
            }
            if (dialect == Dialect.POSTGRESQL) {
                List<String> inserted = query("creating audit chain heads", "INSERT INTO audit_chain_head (chain, "
                        + "patient_id, seq, hash) VALUES " + rows("(?, ?, 0, ?)", missing.size())
                        + " ON CONFLICT (chain) DO NOTHING RETURNING chain", ps -> {
                            int i = 1;
                            for (PatientId p : missing) {
                                ps.setString(i++, p.value().toString());
                                ps.setObject(i++, p.value());
                                ps.setString(i++, AuditChain.GENESIS);
                            }
                        }, rs -> rs.getString(1));
                inserted.forEach(chain -> locked(chain, new Head(0, AuditChain.GENESIS)));
            } else if (batchOrDuplicate("creating audit chain heads", "INSERT INTO audit_chain_head (chain, patient_id, "
                    + "seq, hash) VALUES (?, ?, 0, ?)", missing, (ps, p) -> {
                        ps.setString(1, p.value().toString());
                        ps.setObject(2, p.value());
                        ps.setString(3, AuditChain.GENESIS);
                    })) {
                missing.forEach(p -> locked(p.value().toString(), new Head(0, AuditChain.GENESIS)));
            }
        }
        // heads another transaction inserted meanwhile (or, on H2, a batch that met one): one by one
        wanted.forEach(this::lockPatient);
    }

    /** Finds the aggregate's patient and locks that patient's chain head in one statement. */
    @Override
    public <I extends RecordId, A> Optional<PatientId> lockOwnerOf(AggregateType<I, A> type, I id) {
        checkOpen();
        Require.present("id", id);
        String table = ((JdbcAggregateStore<I, A>) aggregates(type)).table();
        requireTable("audit_chain_head", HEAD_COLUMNS, "the audit trail");
        record Locked(String chain, Head head) {
        }
        List<Locked> found = query("locking the patient of " + table, "SELECT chain, seq, hash FROM audit_chain_head "
                + "WHERE chain = (SELECT CAST(patient_id AS VARCHAR) FROM " + table + " WHERE id = ?) FOR UPDATE",
                ps -> ps.setObject(1, id.value()), rs -> new Locked(rs.getString(1), new Head(rs.getLong(2), rs.getString(3))));
        if (found.isEmpty()) {
            // no such aggregate, or its patient has no chain head yet
            return Transaction.super.lockOwnerOf(type, id);
        }
        Locked l = found.get(0);
        if (!heads.containsKey(l.chain())) {
            locked(l.chain(), l.head());
        }
        target = new Target(table, id.value());
        return Optional.of(PatientId.parse(l.chain()));
    }

    // --- rows read or written in this transaction ---

    /** An aggregate row seen in this transaction; its document is parsed on first use. */
    static final class Row {
        final UUID id;
        final UUID patient;
        final long version;
        final String doc;
        Object value;

        Row(UUID id, UUID patient, long version, String doc, Object value) {
            this.id = id;
            this.patient = patient;
            this.version = version;
            this.doc = doc;
            this.value = value;
        }
    }

    private record Target(String table, UUID id) {
    }

    /** The row with this id, if this transaction has read or written it since it took its lock. */
    Row cached(String table, UUID id) {
        Map<UUID, Row> byId = rows.get(table);
        return byId == null ? null : byId.get(id);
    }

    /** Every row of the patient in the table, if this transaction has read them all; else null. */
    Collection<Row> cachedOfPatient(String table, UUID patient) {
        Map<UUID, Map<UUID, Row>> byPatient = patientRows.get(table);
        Map<UUID, Row> all = byPatient == null ? null : byPatient.get(patient);
        return all == null ? null : all.values();
    }

    /** Remembers a row as read or as written by this transaction. */
    void cache(String table, Row row) {
        rows.computeIfAbsent(table, t -> new HashMap<>()).put(row.id, row);
        Map<UUID, Map<UUID, Row>> byPatient = patientRows.get(table);
        Map<UUID, Row> all = byPatient == null ? null : byPatient.get(row.patient);
        if (all != null) {
            all.put(row.id, row);
        }
    }

    /** Remembers every row of the patient in the table. */
    void cacheOfPatient(String table, UUID patient, List<Row> all) {
        Map<UUID, Row> set = new LinkedHashMap<>();
        for (Row r : all) {
            set.put(r.id, r);
            rows.computeIfAbsent(table, t -> new HashMap<>()).put(r.id, r);
        }
        patientRows.computeIfAbsent(table, t -> new HashMap<>()).put(patient, set);
    }

    /** Forgets a row whose stored state is unknown after a failed write. */
    void forget(String table, UUID id) {
        Map<UUID, Row> byId = rows.get(table);
        Row gone = byId == null ? null : byId.remove(id);
        Map<UUID, Map<UUID, Row>> byPatient = patientRows.get(table);
        if (gone != null && byPatient != null) {
            byPatient.remove(gone.patient);
        }
    }

    /**
     * A guarded call queried the patient's rows in this table: later calls read them with the
     * patient's access facts, in the same statement.
     */
    void learn(String table, UUID patient) {
        if (prefetched.contains(patient)) {
            factTables.add(table);
        }
    }

    @Override
    public AccessFacts accessFacts(Optional<PatientId> patient) {
        checkOpen();
        AccessFacts direct = AccessFacts.of(this);
        if (patient.isEmpty()) {
            return direct;
        }
        UUID p = patient.get().value();
        return new AccessFacts() {
            @Override
            public <I extends RecordId, A> Optional<A> find(AggregateType<I, A> type, I id) {
                prefetch(p);
                Optional<A> found = direct.find(type, id);
                if (found.isPresent() && type.patient().apply(found.get()).value().equals(p)) {
                    factTables.add(SchemaDefinitions.checkTable(type.name()));
                }
                return found;
            }

            @Override
            public <I extends RecordId, A> List<A> query(AggregateType<I, A> type, Query query) {
                prefetch(p);
                if (query.patient().isPresent() && query.patient().get().value().equals(p)) {
                    factTables.add(SchemaDefinitions.checkTable(type.name()));
                }
                return direct.query(type, query);
            }

            @Override
            public List<AuditRecord> auditOf(PatientId of) {
                return direct.auditOf(of);
            }
        };
    }

    /**
     * Reads, in one statement, every row of the patient in the tables that access decisions and
     * guarded calls have read by patient before (learnt by this storage as they ask), with the
     * record the command is about.
     */
    private void prefetch(UUID patient) {
        if (!prefetched.add(patient)) {
            return;
        }
        List<String> tables = new ArrayList<>(factTables);
        // The command's own record comes with the patient's rows of its table when those are read
        // (a record of another patient is then read on its own when asked for).
        Target t = target != null && cached(target.table(), target.id()) == null && !tables.contains(target.table())
                ? target : null;
        if (tables.isEmpty() && t == null) {
            return;
        }
        StringBuilder sql = new StringBuilder();
        for (String table : tables) {
            sql.append(sql.length() == 0 ? "" : " UNION ALL ").append("SELECT '").append(table)
                    .append("', id, patient_id, version, doc FROM ").append(table).append(" WHERE patient_id = ?");
        }
        if (t != null) {
            sql.append(sql.length() == 0 ? "" : " UNION ALL ").append("SELECT '").append(t.table())
                    .append("', id, patient_id, version, doc FROM ").append(t.table()).append(" WHERE id = ?");
        }
        record Found(String table, Row row) {
        }
        List<Found> found = query("reading the patient's access facts", sql.toString(), ps -> {
            int i = 1;
            for (int n = 0; n < tables.size(); n++) {
                ps.setObject(i++, patient);
            }
            if (t != null) {
                ps.setObject(i, t.id());
            }
        }, rs -> new Found(rs.getString(1), new Row(rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getLong(4), rs.getString(5), null)));
        for (String table : tables) {
            cacheOfPatient(table, patient, found.stream().filter(f -> f.table().equals(table)
                    && f.row().patient.equals(patient)).map(Found::row).toList());
        }
        for (Found f : found) {
            if (cached(f.table(), f.row().id) == null) {
                cache(f.table(), f.row());
            }
        }
    }

    // --- audit records and outbox entries, written together before commit ---

    /** The head of a locked chain: its last sequence and hash. */
    static final class Head {
        long seq;
        String hash;
        boolean moved;

        Head(long seq, String hash) {
            this.seq = seq;
            this.hash = hash;
        }
    }

    record PendingAudit(String chain, long seq, UUID patient, UUID eventId, OffsetDateTime at, String action,
            String outcome, String doc, String previousHash, String hash, String keyId) {
    }

    record PendingOutbox(UUID patient, UUID eventId, String type, String doc) {
    }

    void pend(PendingAudit record) {
        pendingAudit.add(record);
        Head head = head(record.chain());
        head.seq = record.seq();
        head.hash = record.hash();
        head.moved = true;
        flushIfLarge();
    }

    void pend(PendingOutbox entry) {
        pendingOutbox.add(entry);
        flushIfLarge();
    }

    private void flushIfLarge() {
        if (pendingAudit.size() + pendingOutbox.size() >= MAX_PENDING) {
            flush();
        }
    }

    /**
     * Writes the pending audit records, outbox entries and moved chain heads: on PostgreSQL in one
     * statement, on H2 in one batch per table. Runs before commit and before anything reads the
     * audit trail or the outbox in this transaction.
     */
    void flush() {
        List<Map.Entry<String, Head>> moved = heads.entrySet().stream().filter(e -> e.getValue().moved).toList();
        if (pendingAudit.isEmpty() && pendingOutbox.isEmpty() && moved.isEmpty()) {
            return;
        }
        String doc = dialect.documentParameter();
        if (dialect == Dialect.POSTGRESQL) {
            List<String> parts = new ArrayList<>();
            if (!pendingOutbox.isEmpty()) {
                parts.add("INSERT INTO outbox (" + OUTBOX_INSERT + ") VALUES "
                        + rows("(?, ?, ?, " + doc + ", 0, ?, FALSE)", pendingOutbox.size()));
            }
            if (!pendingAudit.isEmpty()) {
                parts.add("INSERT INTO audit (" + AUDIT_INSERT + ") VALUES "
                        + rows("(?, ?, ?, ?, ?, ?, ?, " + doc + ", ?, ?, ?)", pendingAudit.size()));
            }
            if (!moved.isEmpty()) {
                parts.add("UPDATE audit_chain_head h SET seq = v.seq, hash = v.hash FROM (VALUES "
                        + rows("(?, CAST(? AS BIGINT), ?)", moved.size()) + ") AS v (chain, seq, hash) WHERE h.chain = v.chain");
            }
            StringBuilder sql = new StringBuilder();
            for (int i = 0; i < parts.size() - 1; i++) {
                sql.append(i == 0 ? "WITH " : ", ").append("w").append(i).append(" AS (").append(parts.get(i)).append(')');
            }
            sql.append(sql.length() == 0 ? "" : " ").append(parts.get(parts.size() - 1));
            update("writing audit and outbox", sql.toString(), ps -> {
                int i = 1;
                for (PendingOutbox o : pendingOutbox) {
                    i = bindOutbox(ps, i, o);
                }
                for (PendingAudit a : pendingAudit) {
                    i = bindAudit(ps, i, a);
                }
                for (Map.Entry<String, Head> h : moved) {
                    ps.setString(i++, h.getKey());
                    ps.setLong(i++, h.getValue().seq);
                    ps.setString(i++, h.getValue().hash);
                }
            });
        } else {
            if (!pendingOutbox.isEmpty()) {
                batch("publish to outbox", "INSERT INTO outbox (" + OUTBOX_INSERT + ") VALUES (?, ?, ?, " + doc
                        + ", 0, ?, FALSE)", pendingOutbox, (ps, o) -> bindOutbox(ps, 1, o));
            }
            if (!pendingAudit.isEmpty()) {
                batch("append to audit", "INSERT INTO audit (" + AUDIT_INSERT + ") VALUES (?, ?, ?, ?, ?, ?, ?, " + doc
                        + ", ?, ?, ?)", pendingAudit, (ps, a) -> bindAudit(ps, 1, a));
            }
            if (!moved.isEmpty()) {
                batch("moving audit chain head", "UPDATE audit_chain_head SET seq = ?, hash = ? WHERE chain = ?", moved,
                        (ps, h) -> {
                            ps.setLong(1, h.getValue().seq);
                            ps.setString(2, h.getValue().hash);
                            ps.setString(3, h.getKey());
                        });
            }
        }
        pendingAudit.clear();
        pendingOutbox.clear();
        moved.forEach(h -> h.getValue().moved = false);
    }

    private static String rows(String row, int n) {
        return String.join(", ", Collections.nCopies(n, row));
    }

    private static int bindOutbox(PreparedStatement ps, int first, PendingOutbox o) throws SQLException {
        int i = first;
        ps.setObject(i++, o.patient());
        ps.setObject(i++, o.eventId());
        ps.setString(i++, o.type());
        ps.setString(i++, o.doc());
        ps.setObject(i++, timestamp(Instant.EPOCH));
        return i;
    }

    private static int bindAudit(PreparedStatement ps, int first, PendingAudit a) throws SQLException {
        int i = first;
        ps.setString(i++, a.chain());
        ps.setLong(i++, a.seq());
        ps.setObject(i++, a.patient());
        ps.setObject(i++, a.eventId());
        ps.setObject(i++, a.at());
        ps.setString(i++, a.action());
        ps.setString(i++, a.outcome());
        ps.setString(i++, a.doc());
        ps.setString(i++, a.previousHash());
        ps.setString(i++, a.hash());
        ps.setString(i++, a.keyId());
        return i;
    }

    /** Binds one row of a batch. */
    @FunctionalInterface
    interface RowBinder<T> {
        void bind(PreparedStatement ps, T row) throws SQLException;
    }

    private <T> void batch(String what, String sql, List<T> items, RowBinder<T> binder) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (T item : items) {
                binder.bind(ps, item);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw SqlErrors.failure(what, e, dialect);
        }
    }

    /**
     * Sends one statement per item as one batch; returns false on a unique violation instead of
     * failing (the caller then fails the unit of work, which rolls back).
     */
    <T> boolean batchOrDuplicate(String what, String sql, List<T> items, RowBinder<T> binder) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (T item : items) {
                binder.bind(ps, item);
                ps.addBatch();
            }
            ps.executeBatch();
            return true;
        } catch (SQLException e) {
            for (SQLException cause = e; cause != null; cause = cause.getNextException()) {
                if (SqlErrors.isUniqueViolation(cause)) {
                    return false;
                }
            }
            throw SqlErrors.failure(what, e, dialect);
        }
    }

    /**
     * Runs one statement per part (each built for its part), stopping at the first unique violation:
     * returns false then instead of failing (the caller then fails the unit of work, which rolls back).
     */
    <T> boolean eachOrDuplicate(String what, List<T> parts, java.util.function.Function<T, String> sql,
            RowBinder<T> binder) {
        for (T part : parts) {
            try (PreparedStatement ps = connection.prepareStatement(sql.apply(part))) {
                binder.bind(ps, part);
                ps.executeUpdate();
            } catch (SQLException e) {
                if (SqlErrors.isUniqueViolation(e)) {
                    return false;
                }
                throw SqlErrors.failure(what, e, dialect);
            }
        }
        return true;
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

    /** Like {@link #query} but returns null on a unique violation instead of failing. */
    <T> List<T> queryOrDuplicate(String what, String sql, Binder binder, RowReader<T> reader) {
        return read(what, sql, binder, reader, true, null);
    }

    /**
     * Like {@link #queryOrDuplicate(String, String, Binder, RowReader)}, handing the violated
     * constraint's name (PostgreSQL only; null otherwise) to {@code constraint}.
     */
    <T> List<T> queryOrDuplicate(String what, String sql, Binder binder, RowReader<T> reader,
            Consumer<String> constraint) {
        return read(what, sql, binder, reader, true, constraint);
    }

    <T> List<T> query(String what, String sql, Binder binder, RowReader<T> reader) {
        return read(what, sql, binder, reader, false, null);
    }

    private <T> List<T> read(String what, String sql, Binder binder, RowReader<T> reader, boolean duplicateIsNull,
            Consumer<String> constraint) {
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
            if (duplicateIsNull && SqlErrors.isUniqueViolation(e)) {
                if (constraint != null) {
                    constraint.accept(dialect == Dialect.POSTGRESQL ? SqlErrors.constraintName(e) : null);
                }
                return null;
            }
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
