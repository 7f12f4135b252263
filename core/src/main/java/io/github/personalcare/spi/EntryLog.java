package io.github.personalcare.spi;

import io.github.personalcare.identity.RecordId;

import java.util.List;
import java.util.Optional;

/**
 * Append-only entries of one type (ledger entries) inside a {@link Transaction}. Entries are never
 * updated or removed; each has an idempotency key unique within its owner.
 *
 * @param <E> the entry type
 */
public interface EntryLog<E> {

    /**
     * Appends an entry.
     *
     * @param entry the entry
     * @return the entry's position in its owner's log, from 1
     * @throws DuplicateKeyException if the owner already has an entry with the same idempotency key
     */
    long append(E entry);

    /**
     * Appends entries in order, as {@link #append} would one by one; adapters may send them in one
     * round trip (the bulk path in uses it). Either all are appended or, when this throws, the
     * enclosing transaction must be rolled back.
     *
     * @param entries the entries, in the order to append them
     * @throws DuplicateKeyException if an owner already has an entry with the same idempotency key
     */
    default void appendAll(List<E> entries) {
        for (E entry : entries) {
            append(entry);
        }
    }

    /**
     * The owner's entry with this idempotency key, if any.
     *
     * @param owner          the record the entry belongs to
     * @param idempotencyKey the key
     * @return the entry, or empty if the owner has none with that key
     */
    Optional<E> findByKey(RecordId owner, String idempotencyKey);

    /**
     * The owner's entries in the order they were appended.
     *
     * @param owner the record the entries belong to
     * @return the entries, oldest first
     */
    List<E> byOwner(RecordId owner);
}
