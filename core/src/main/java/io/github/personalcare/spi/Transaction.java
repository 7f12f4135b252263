package io.github.personalcare.spi;

import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.RecordId;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * One open storage transaction. Valid only inside the {@link UnitOfWork} it was given to; writes
 * in one transaction must all concern the same patient (or none), otherwise
 * {@link StorageException} with rule {@code ONE_PATIENT} is thrown; a transaction of
 * {@link Storage#inTransactionAcrossPatients} may write several patients' data.
 */
public interface Transaction {

    /**
     * The store of one aggregate type, seen through this transaction.
     *
     * @param type the aggregate type
     * @param <I>  the id type
     * @param <A>  the aggregate type
     * @return the store
     */
    <I extends RecordId, A> AggregateStore<I, A> aggregates(AggregateType<I, A> type);

    /**
     * The append-only log of one entry type (ledger entries), seen through this transaction.
     *
     * @param type the entry type
     * @param <E>  the entry type
     * @return the log
     */
    <E> EntryLog<E> entries(EntryType<E> type);

    /** {@return the tamper-evident audit trail, seen through this transaction} */
    AuditTrail audit();

    /** {@return the transactional outbox of domain events, seen through this transaction} */
    Outbox outbox();

    /**
     * Takes the patient's write lock until this transaction ends: when this returns, any other
     * transaction that took the same patient's lock has ended, and none can take it before this
     * one ends. Services call it before a check-then-act decision about one patient (such as "no
     * open care plan yet", R6) so that two concurrent writers cannot both pass the check. Storage
     * that runs transactions one at a time may only check that the transaction is open.
     *
     * @param patient the patient whose data the transaction is about to decide on and write
     * @throws StorageException if the lock cannot be taken (the transaction then fails)
     */
    void lockPatient(PatientId patient);

    /**
     * Takes the write lock of each patient ({@link #lockPatient}), in the order of their ids so that
     * two transactions locking overlapping sets cannot wait for each other in a circle. Storage may
     * take them all in one round trip; the default locks one after another. Only a transaction that
     * may write several patients' data ({@link Storage#inTransactionAcrossPatients}) locks more
     * than one.
     *
     * @param patients the patients whose data the transaction is about to decide on and write
     * @throws StorageException if a lock cannot be taken (the transaction then fails)
     */
    default void lockPatients(Collection<PatientId> patients) {
        patients.stream().distinct().sorted(Comparator.comparing(p -> p.value().toString())).forEach(this::lockPatient);
    }

    /**
     * The patient of a stored aggregate, with that patient's write lock ({@link #lockPatient})
     * taken when there is one. Storage may find the patient and take the lock in one round trip;
     * the default reads the aggregate, then locks.
     *
     * @param type the aggregate type
     * @param id   the aggregate's id
     * @param <I>  the id type
     * @param <A>  the aggregate type
     * @return the aggregate's patient, now locked; empty if no such aggregate is stored
     * @throws StorageException if the lock cannot be taken (the transaction then fails)
     */
    default <I extends RecordId, A> Optional<PatientId> lockOwnerOf(AggregateType<I, A> type, I id) {
        Optional<PatientId> owner = aggregates(type).find(id).map(v -> type.patient().apply(v.value()));
        owner.ifPresent(this::lockPatient);
        return owner;
    }

    /**
     * The read-only facts an access decision about {@code patient} is made on, seen through this
     * transaction. Storage may gather the patient's facts in one round trip and answer the policy's
     * reads from them; the default is {@link AccessFacts#of(Transaction)}.
     *
     * @param patient the patient the decision is about; empty for a population request
     * @return the facts view, valid while this transaction is open
     */
    default AccessFacts accessFacts(Optional<PatientId> patient) {
        return AccessFacts.of(this);
    }
}
