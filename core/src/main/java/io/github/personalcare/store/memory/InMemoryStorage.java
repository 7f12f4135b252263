package io.github.personalcare.store.memory;

import io.github.personalcare.lang.NotFoundException;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.audit.AuditChain;
import io.github.personalcare.audit.AuditEvent;
import io.github.personalcare.audit.AuditKey;
import io.github.personalcare.audit.AuditRecord;
import io.github.personalcare.event.DomainEvent;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.RecordId;
import io.github.personalcare.spi.AggregateStore;
import io.github.personalcare.spi.AggregateType;
import io.github.personalcare.spi.AuditTrail;
import io.github.personalcare.spi.DuplicateKeyException;
import io.github.personalcare.spi.EntryLog;
import io.github.personalcare.spi.EntryType;
import io.github.personalcare.spi.GroupCount;
import io.github.personalcare.spi.GroupTotal;
import io.github.personalcare.spi.Index;
import io.github.personalcare.spi.IndexKind;
import io.github.personalcare.spi.Outbox;
import io.github.personalcare.spi.OutboxEntry;
import io.github.personalcare.spi.PatientScope;
import io.github.personalcare.spi.Query;
import io.github.personalcare.spi.Storage;
import io.github.personalcare.spi.StorageException;
import io.github.personalcare.spi.Transaction;
import io.github.personalcare.spi.UnitOfWork;
import io.github.personalcare.lang.Versioned;
import io.github.personalcare.lang.VersionConflictException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The embedded default storage: everything in memory, nothing survives the JVM.
 *
 * <p>Thread-safe and serialisable: transactions run one at a time under a single lock, each
 * buffering its writes and applying them only when the unit of work returns, so a unit of work
 * that throws leaves no trace. Domain values are immutable, so stored objects are shared, not
 * copied. A unit of work must not start another transaction on the same storage.
 */
public final class InMemoryStorage implements Storage {
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Map<UUID, Stored>> aggregates = new HashMap<>();
    // type -> patient -> ids: per-patient lookups (care team, consents) must not scan every record.
    private final Map<String, Map<PatientId, Set<UUID>>> byPatient = new HashMap<>();
    private final Map<String, Map<UUID, List<Object>>> entries = new HashMap<>();
    private final Map<String, Map<String, Object>> entryKeys = new HashMap<>();
    private final Map<String, List<AuditRecord>> auditChains = new LinkedHashMap<>();
    private final Map<String, AuditRecord> auditHeads = new HashMap<>();
    private final TreeMap<Long, OutboxEntry> outbox = new TreeMap<>();
    private final TreeMap<Long, OutboxEntry> deadLetters = new TreeMap<>();
    private long outboxSequence;

    /** A new, empty storage. */
    public InMemoryStorage() {
    }

    private record Stored(Object value, long version, PatientId patient) {
    }

    @Override
    public <R> R inTransaction(UnitOfWork<R> work) {
        return run(work, new PatientScope());
    }

    /** Runs the work as {@link #inTransaction} does, letting it write several patients' data (the bulk path in). */
    @Override
    public <R> R inTransactionAcrossPatients(UnitOfWork<R> work) {
        return run(work, PatientScope.acrossPatients());
    }

    private <R> R run(UnitOfWork<R> work, PatientScope scope) {
        if (lock.isHeldByCurrentThread()) {
            throw new StorageException("NESTED", "a unit of work must not start another transaction");
        }
        lock.lock();
        try {
            Tx tx = new Tx(scope);
            R result = work.run(tx);
            tx.commit();
            return result;
        } finally {
            lock.unlock();
        }
    }

    /** Test support: the stored audit records of a chain, as a mutable copy is not offered. */
    List<AuditRecord> rawChain(String chain) {
        return auditChains.get(chain);
    }

    private final class Tx implements Transaction {
        private final PatientScope scope;
        private final Map<String, Map<UUID, Stored>> aggregateWrites = new HashMap<>();
        private final Map<String, Map<UUID, List<Object>>> entryWrites = new HashMap<>();
        private final Map<String, Map<String, Object>> keyWrites = new HashMap<>();
        private final Map<String, List<AuditRecord>> auditWrites = new LinkedHashMap<>();
        private final List<DomainEvent> published = new ArrayList<>();
        private final Map<Long, OutboxEntry> outboxUpdates = new LinkedHashMap<>();
        private final Map<Long, OutboxEntry> newDeadLetters = new LinkedHashMap<>();
        private boolean open = true;

        Tx(PatientScope scope) {
            this.scope = scope;
        }

        private void checkOpen() {
            if (!open) {
                throw new StorageException("CLOSED", "transaction is no longer open");
            }
        }

        @Override
        public <I extends RecordId, A> AggregateStore<I, A> aggregates(AggregateType<I, A> type) {
            checkOpen();
            return new MemoryAggregates<>(this, type);
        }

        @Override
        public <E> EntryLog<E> entries(EntryType<E> type) {
            checkOpen();
            return new MemoryEntries<>(this, type);
        }

        @Override
        public AuditTrail audit() {
            checkOpen();
            return new MemoryAudit(this);
        }

        @Override
        public Outbox outbox() {
            checkOpen();
            return new MemoryOutbox(this);
        }

        @Override
        public void lockPatient(PatientId patient) {
            // Transactions already run one at a time under the storage's lock.
            checkOpen();
            Require.present("patient", patient);
        }

        void commit() {
            open = false;
            aggregateWrites.forEach((type, writes) -> {
                aggregates.computeIfAbsent(type, t -> new HashMap<>()).putAll(writes);
                Map<PatientId, Set<UUID>> index = byPatient.computeIfAbsent(type, t -> new HashMap<>());
                writes.forEach((id, stored) -> index.computeIfAbsent(stored.patient(), p -> new HashSet<>()).add(id));
            });
            entryWrites.forEach((type, byOwner) -> {
                Map<UUID, List<Object>> target = entries.computeIfAbsent(type, t -> new HashMap<>());
                byOwner.forEach((owner, list) -> target.computeIfAbsent(owner, o -> new ArrayList<>()).addAll(list));
            });
            keyWrites.forEach((type, keys) -> entryKeys.computeIfAbsent(type, t -> new HashMap<>()).putAll(keys));
            auditWrites.forEach((chain, records) -> {
                auditChains.computeIfAbsent(chain, c -> new ArrayList<>()).addAll(records);
                auditHeads.put(chain, records.get(records.size() - 1));
            });
            outboxUpdates.forEach((seq, e) -> {
                if (e == null) {
                    outbox.remove(seq);
                } else {
                    outbox.put(seq, e);
                }
            });
            newDeadLetters.forEach((seq, e) -> {
                outbox.remove(seq);
                deadLetters.put(seq, e);
            });
            for (DomainEvent e : published) {
                long seq = ++outboxSequence;
                outbox.put(seq, new OutboxEntry(seq, e, 0, Instant.EPOCH, Optional.empty()));
            }
        }
    }

    private final class MemoryAggregates<I extends RecordId, A> implements AggregateStore<I, A> {
        private final Tx tx;
        private final AggregateType<I, A> type;

        MemoryAggregates(Tx tx, AggregateType<I, A> type) {
            this.tx = tx;
            this.type = type;
        }

        private Stored current(UUID id) {
            Map<UUID, Stored> writes = tx.aggregateWrites.get(type.name());
            if (writes != null && writes.containsKey(id)) {
                return writes.get(id);
            }
            Map<UUID, Stored> committed = aggregates.get(type.name());
            return committed == null ? null : committed.get(id);
        }

        @Override
        public Optional<Versioned<A>> find(I id) {
            tx.checkOpen();
            Stored s = current(id.value());
            return s == null ? Optional.empty() : Optional.of(new Versioned<>(type.type().cast(s.value()), s.version()));
        }

        @Override
        public List<Versioned<A>> query(Query query) {
            tx.checkOpen();
            List<Versioned<A>> result = new ArrayList<>();
            forEachMatch(query, (value, version) -> result.add(new Versioned<>(value, version)));
            return result;
        }

        @Override
        public List<GroupCount> count(Query query, List<String> groupBy) {
            tx.checkOpen();
            List<Index<A>> groups = type.indexes(groupBy);
            Map<List<Object>, long[]> counts = new HashMap<>();
            forEachMatch(query, (value, version) -> {
                List<Object> key = new ArrayList<>(groups.size());
                groups.forEach(g -> key.add(g.valueOf(value)));
                counts.computeIfAbsent(key, k -> new long[1])[0]++;
            });
            List<GroupCount> result = new ArrayList<>();
            counts.forEach((key, n) -> result.add(new GroupCount(key, n[0])));
            return result;
        }

        private void forEachMatch(Query query, java.util.function.ObjLongConsumer<A> action) {
            check(type, query);
            for (Query.Related r : query.related()) {
                check(r.type(), r.query());
            }
            Set<UUID> ids = new HashSet<>();
            if (query.patient().isPresent()) {
                ids.addAll(byPatient.getOrDefault(type.name(), Map.of()).getOrDefault(query.patient().get(), Set.of()));
            } else {
                ids.addAll(aggregates.getOrDefault(type.name(), Map.of()).keySet());
            }
            Map<UUID, Stored> writes = tx.aggregateWrites.get(type.name());
            if (writes != null) {
                ids.addAll(writes.keySet());
            }
            for (UUID id : ids) {
                Stored s = current(id);
                if (query.patient().isPresent() && !query.patient().get().equals(s.patient())) {
                    continue;
                }
                A value = type.type().cast(s.value());
                if (matches(type, value, query) && related(s.patient(), query)) {
                    action.accept(value, s.version());
                }
            }
        }

        /** Whether the patient has, for every related condition, an aggregate of that type matching it. */
        private boolean related(PatientId patient, Query query) {
            for (Query.Related r : query.related()) {
                if (!hasMatch(r.type(), patient, r.query())) {
                    return false;
                }
            }
            return true;
        }

        private <T> boolean hasMatch(AggregateType<?, T> other, PatientId patient, Query query) {
            Set<UUID> ids = new HashSet<>(byPatient.getOrDefault(other.name(), Map.of()).getOrDefault(patient, Set.of()));
            Map<UUID, Stored> writes = tx.aggregateWrites.get(other.name());
            if (writes != null) {
                writes.forEach((id, stored) -> {
                    if (stored.patient().equals(patient)) {
                        ids.add(id);
                    }
                });
            }
            for (UUID id : ids) {
                Stored s = writes != null && writes.containsKey(id) ? writes.get(id)
                        : aggregates.get(other.name()).get(id);
                if (matches(other, other.type().cast(s.value()), query)) {
                    return true;
                }
            }
            return false;
        }

        private static void check(AggregateType<?, ?> type, Query query) {
            type.indexes(query.criteria().stream().map(Query.Criterion::index).toList());
        }

        private <T> boolean matches(AggregateType<?, T> of, T value, Query query) {
            return InMemoryStorage.matches(of::index, value, query);
        }

        @Override
        public long insert(A aggregate) {
            tx.checkOpen();
            UUID id = type.id().apply(aggregate).value();
            PatientId patient = type.patient().apply(aggregate);
            if (current(id) != null) {
                throw new DuplicateKeyException(type.name() + " id");
            }
            tx.scope.touch(patient);
            tx.aggregateWrites.computeIfAbsent(type.name(), t -> new LinkedHashMap<>())
                    .put(id, new Stored(aggregate, 1, patient));
            return 1;
        }

        @Override
        public long update(A aggregate, long expectedVersion) {
            tx.checkOpen();
            UUID id = type.id().apply(aggregate).value();
            Stored s = current(id);
            if (s == null) {
                throw new NotFoundException(type.type().getSimpleName(), id.toString());
            }
            if (s.version() != expectedVersion) {
                throw new VersionConflictException(type.name(), id.toString(), expectedVersion, s.version());
            }
            PatientId patient = type.patient().apply(aggregate);
            if (!patient.equals(s.patient())) {
                throw new StorageException("PATIENT_CHANGED", type.name() + " " + id + " cannot move to another patient");
            }
            tx.scope.touch(patient);
            long next = expectedVersion + 1;
            tx.aggregateWrites.computeIfAbsent(type.name(), t -> new LinkedHashMap<>())
                    .put(id, new Stored(aggregate, next, patient));
            return next;
        }

        @Override
        public AggregateType<I, A> type() {
            return type;
        }
    }

    private final class MemoryEntries<E> implements EntryLog<E> {
        private final Tx tx;
        private final EntryType<E> type;

        MemoryEntries(Tx tx, EntryType<E> type) {
            this.tx = tx;
            this.type = type;
        }

        private String key(UUID owner, String idempotencyKey) {
            return owner + "/" + idempotencyKey;
        }

        @Override
        public long append(E entry) {
            tx.checkOpen();
            UUID owner = type.owner().apply(entry).value();
            String key = key(owner, type.idempotencyKey().apply(entry));
            if (lookup(key) != null) {
                throw new DuplicateKeyException(type.name() + " idempotency key");
            }
            tx.scope.touch(type.patient().apply(entry));
            tx.keyWrites.computeIfAbsent(type.name(), t -> new HashMap<>()).put(key, entry);
            tx.entryWrites.computeIfAbsent(type.name(), t -> new HashMap<>())
                    .computeIfAbsent(owner, o -> new ArrayList<>()).add(entry);
            return byOwner(type.owner().apply(entry)).size();
        }

        private Object lookup(String key) {
            Map<String, Object> written = tx.keyWrites.get(type.name());
            if (written != null && written.containsKey(key)) {
                return written.get(key);
            }
            Map<String, Object> committed = entryKeys.get(type.name());
            return committed == null ? null : committed.get(key);
        }

        @Override
        public Optional<E> findByKey(RecordId owner, String idempotencyKey) {
            tx.checkOpen();
            return Optional.ofNullable(lookup(key(owner.value(), idempotencyKey))).map(type.type()::cast);
        }

        @Override
        public List<E> byOwner(RecordId owner) {
            tx.checkOpen();
            List<E> result = new ArrayList<>();
            Map<UUID, List<Object>> committed = entries.get(type.name());
            if (committed != null) {
                committed.getOrDefault(owner.value(), List.of()).forEach(o -> result.add(type.type().cast(o)));
            }
            Map<UUID, List<Object>> written = tx.entryWrites.get(type.name());
            if (written != null) {
                written.getOrDefault(owner.value(), List.of()).forEach(o -> result.add(type.type().cast(o)));
            }
            return result;
        }

        @Override
        public List<GroupTotal> total(Query query, List<String> groupBy, String summed) {
            tx.checkOpen();
            if (!query.related().isEmpty()) {
                throw new IllegalArgumentException("entry totals take conditions on " + type.name() + " only");
            }
            type.indexes(query.criteria().stream().map(Query.Criterion::index).toList());
            List<Index<E>> groups = type.indexes(groupBy);
            Index<E> sum = type.indexes(List.of(summed)).get(0);
            if (sum.kind() != IndexKind.NUMBER) {
                throw new IllegalArgumentException(summed + " on " + type.name() + " is not a number index");
            }
            Map<List<Object>, long[]> totals = new HashMap<>();
            List<Map<UUID, List<Object>>> logs = new ArrayList<>(2);
            logs.add(entries.getOrDefault(type.name(), Map.of()));
            logs.add(tx.entryWrites.getOrDefault(type.name(), Map.of()));
            for (Map<UUID, List<Object>> log : logs) {
                for (List<Object> owned : log.values()) {
                    for (Object o : owned) {
                        E entry = type.type().cast(o);
                        if (query.patient().isPresent() && !query.patient().get().equals(type.patient().apply(entry))
                                || !matches(type::index, entry, query)) {
                            continue;
                        }
                        List<Object> key = new ArrayList<>(groups.size());
                        groups.forEach(g -> key.add(g.valueOf(entry)));
                        long[] t = totals.computeIfAbsent(key, k -> new long[2]);
                        t[0]++;
                        Object amount = sum.valueOf(entry);
                        t[1] = Math.addExact(t[1], amount == null ? 0 : (Long) amount);
                    }
                }
            }
            List<GroupTotal> result = new ArrayList<>(totals.size());
            totals.forEach((key, t) -> result.add(new GroupTotal(key, t[0], t[1])));
            return result;
        }
    }

    /** Whether the value holds every criterion of the query, reading indexes by name. */
    private static <T> boolean matches(Function<String, Optional<Index<T>>> indexes, T value, Query query) {
        for (Query.Criterion c : query.criteria()) {
            Index<T> index = indexes.apply(c.index()).orElseThrow();
            Object actual = index.valueOf(value);
            Object wanted = Index.normalise(index.kind(), c.value());
            if (actual == null ? c.op() != Query.Op.GT_OR_NULL : !compare(actual, wanted, c.op())) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static boolean compare(Object actual, Object wanted, Query.Op op) {
        int cmp = ((Comparable) actual).compareTo(wanted);
        switch (op) {
            case EQ: return cmp == 0;
            case LT: return cmp < 0;
            case LE: return cmp <= 0;
            case GT: return cmp > 0;
            case GE: return cmp >= 0;
            case GT_OR_NULL: return cmp > 0;
            default: throw new IllegalStateException();
        }
    }

    private final class MemoryAudit implements AuditTrail {
        private final Tx tx;

        MemoryAudit(Tx tx) {
            this.tx = tx;
        }

        @Override
        public AuditRecord append(AuditEvent event, AuditKey key) {
            tx.checkOpen();
            tx.scope.touch(event.patient().orElse(null));
            AuditRecord record = AuditChain.link(head(event.chain()), event, key);
            tx.auditWrites.computeIfAbsent(event.chain(), c -> new ArrayList<>()).add(record);
            return record;
        }

        @Override
        public List<AuditRecord> chain(String chain) {
            tx.checkOpen();
            List<AuditRecord> result = new ArrayList<>(auditChains.getOrDefault(chain, List.of()));
            result.addAll(tx.auditWrites.getOrDefault(chain, List.of()));
            return result;
        }

        @Override
        public Optional<AuditRecord> head(String chain) {
            tx.checkOpen();
            List<AuditRecord> written = tx.auditWrites.get(chain);
            if (written != null && !written.isEmpty()) {
                return Optional.of(written.get(written.size() - 1));
            }
            return Optional.ofNullable(auditHeads.get(chain));
        }

        @Override
        public List<String> chains() {
            tx.checkOpen();
            Set<String> keys = new java.util.LinkedHashSet<>(auditChains.keySet());
            keys.addAll(tx.auditWrites.keySet());
            return List.copyOf(keys);
        }
    }

    private final class MemoryOutbox implements Outbox {
        private final Tx tx;

        MemoryOutbox(Tx tx) {
            this.tx = tx;
        }

        private OutboxEntry entry(long sequence) {
            OutboxEntry e = tx.outboxUpdates.containsKey(sequence) ? tx.outboxUpdates.get(sequence) : outbox.get(sequence);
            if (e == null || tx.newDeadLetters.containsKey(sequence)) {
                throw new NotFoundException("OutboxEntry", Long.toString(sequence));
            }
            return e;
        }

        @Override
        public void publish(DomainEvent event) {
            tx.checkOpen();
            tx.scope.touch(event.patient());
            tx.published.add(event);
        }

        @Override
        public List<OutboxEntry> pending(Instant now, int limit) {
            tx.checkOpen();
            List<OutboxEntry> result = new ArrayList<>();
            Set<PatientId> blocked = new HashSet<>();
            for (OutboxEntry e : undelivered()) {
                if (result.size() >= limit) {
                    break;
                }
                PatientId p = e.event().patient();
                if (blocked.contains(p)) {
                    continue;
                }
                blocked.add(p);
                if (!e.nextAttemptAt().isAfter(now)) {
                    result.add(e);
                }
            }
            return result;
        }

        @Override
        public int purgeDelivered(int limit) {
            // Delivered entries are dropped when the delivering transaction commits.
            tx.checkOpen();
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be at least 1");
            }
            return 0;
        }

        @Override
        public void markDelivered(long sequence) {
            tx.checkOpen();
            entry(sequence);
            tx.outboxUpdates.put(sequence, null);
        }

        @Override
        public void markFailed(long sequence, String errorCode, Instant nextAttemptAt) {
            tx.checkOpen();
            OutboxEntry e = entry(sequence);
            tx.outboxUpdates.put(sequence, new OutboxEntry(sequence, e.event(), e.attempts() + 1, nextAttemptAt,
                    Optional.of(errorCode)));
        }

        @Override
        public void moveToDeadLetters(long sequence, String errorCode) {
            tx.checkOpen();
            OutboxEntry e = entry(sequence);
            tx.newDeadLetters.put(sequence, new OutboxEntry(sequence, e.event(), e.attempts(), e.nextAttemptAt(),
                    Optional.of(errorCode)));
        }

        @Override
        public List<OutboxEntry> deadLetters() {
            tx.checkOpen();
            TreeMap<Long, OutboxEntry> all = new TreeMap<>(deadLetters);
            all.putAll(tx.newDeadLetters);
            return List.copyOf(all.values());
        }

        @Override
        public List<OutboxEntry> undelivered() {
            tx.checkOpen();
            List<OutboxEntry> result = new ArrayList<>();
            for (Map.Entry<Long, OutboxEntry> e : outbox.entrySet()) {
                long seq = e.getKey();
                if (tx.newDeadLetters.containsKey(seq)) {
                    continue;
                }
                OutboxEntry value = tx.outboxUpdates.containsKey(seq) ? tx.outboxUpdates.get(seq) : e.getValue();
                if (value != null) {
                    result.add(value);
                }
            }
            return result;
        }
    }
}
