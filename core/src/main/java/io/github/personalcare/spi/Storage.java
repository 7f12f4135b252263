package io.github.personalcare.spi;


import io.github.personalcare.lang.VersionConflictException;
import io.github.personalcare.lang.Versioned;
/**
 * The storage port: runs a unit of work in one transaction over per-aggregate stores, the
 * append-only {@link AuditTrail} and the {@link Outbox}. Either everything the unit of work wrote
 * is committed, or (when it throws) nothing is.
 *
 * <p>Implementations: {@code InMemoryStorage} (the embedded default) and {@code JdbcStorage}
 * (PostgreSQL and H2), which maps one unit of work onto one database transaction. What "correct"
 * means is defined by the contract suite in {@code personalcare-testkit}; a supplier's own
 * adapter proves itself by passing it.
 *
 * <pre>{@code
 * CarePlan plan = storage.inTransaction(tx -> {
 *     var plans = tx.aggregates(CarePlanStores.PLANS);
 *     Versioned<CarePlan> current = plans.get(planId);
 *     CarePlan next = current.value().propose(...);
 *     plans.update(next, current.version());       // optimistic: stale version throws
 *     tx.audit().append(event, AuditKey.UNKEYED);
 *     tx.outbox().publish(domainEvent);
 *     return next;
 * });
 * }</pre>
 *
 * <p>Rules every implementation keeps: writes in one transaction concern at most one patient
 * (so data can be sharded by patient), except in {@link #inTransactionAcrossPatients}, which only
 * the bulk path in uses; a stale expected version throws
 * {@link VersionConflictException} and changes nothing; audit and outbox are append-only.
 * Implementations do not retry a unit of work unless their Javadoc says so.
 */
public interface Storage extends AutoCloseable {

    /**
     * Runs {@code work} in one transaction and commits it, or rolls it back if it throws.
     *
     * @param work the unit of work; it must not keep the transaction after it returns
     * @param <R>  what the unit of work returns
     * @return what the unit of work returned
     * @throws VersionConflictException if an optimistic version check failed
     * @throws StorageException         if the storage failed; nothing was committed
     */
    <R> R inTransaction(UnitOfWork<R> work);

    /**
     * Runs {@code work} in one transaction that may write the data of several patients, and commits
     * it, or rolls it back if it throws. Only the bulk path in ({@code care.imports()}) uses it: it
     * stores a chunk of whole records of different patients, each of which could have been stored
     * in a transaction of its own, and commits once per chunk instead of once per record. Every
     * other rule of {@link #inTransaction} holds; only the one-patient rule ({@code ONE_PATIENT}) is
     * lifted. On a store sharded by patient such a transaction spans shards; the importer redoes a
     * chunk record by record whenever the chunk fails, so a store may also refuse it.
     *
     * @param work the unit of work; it must not keep the transaction after it returns
     * @param <R>  what the unit of work returns
     * @return what the unit of work returned
     * @throws StorageException with rule {@code UNSUPPORTED} from a store that writes one patient per
     *                          transaction only (the default): callers then write each patient's data
     *                          in a transaction of its own; otherwise as {@link #inTransaction}
     */
    default <R> R inTransactionAcrossPatients(UnitOfWork<R> work) {
        throw new StorageException("UNSUPPORTED", "this storage writes one patient per transaction only");
    }

    /** Releases resources the storage owns (not a supplier's DataSource). Default: nothing. */
    @Override
    default void close() {
    }
}
