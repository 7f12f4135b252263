package io.github.personalcare.spi;

import io.github.personalcare.identity.RecordId;

/**
 * One open storage transaction. Valid only inside the {@link UnitOfWork} it was given to; writes
 * in one transaction must all concern the same patient (or none), otherwise
 * {@link StorageException} with rule {@code ONE_PATIENT} is thrown.
 */
public interface Transaction {

    /** The store of one aggregate type, seen through this transaction. */
    <I extends RecordId, A> AggregateStore<I, A> aggregates(AggregateType<I, A> type);

    /** The append-only log of one entry type (ledger entries), seen through this transaction. */
    <E> EntryLog<E> entries(EntryType<E> type);

    /** The tamper-evident audit trail. */
    AuditTrail audit();

    /** The transactional outbox of domain events. */
    Outbox outbox();
}
