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

    /**
     * Counts the entries matching the query and sums one of their number indexes, grouped by the
     * values of some indexes: a population total computed by the storage (SQL {@code GROUP BY} over
     * index columns in a database) without loading an entry, so memory stays constant in the
     * population size. Groups with no entries are not returned; with no grouping indexes there is
     * one group (or none, when nothing matches).
     *
     * <pre>{@code
     * List<GroupTotal> spentByCategory = tx.entries(BudgetStores.LEDGER).total(
     *         Query.where("kind").is(EntryKind.SPEND).and("entry_date").onOrAfter(from),
     *         List.of("category"), "amount_pence");
     * }</pre>
     *
     * @param query   the conditions on the entry type's indexes (and optionally its patient);
     *                conditions on other types ({@link Query#andPatientHas}) are not supported here
     * @param groupBy names of declared indexes to group by, in the order the keys hold them
     * @param summed  the name of a declared {@link IndexKind#NUMBER} index to sum
     * @return one row per distinct combination of values, in no particular order
     * @throws IllegalArgumentException if the query, the grouping or {@code summed} names an
     *                                  undeclared index, {@code summed} is not a number index, or the
     *                                  query has conditions on other types
     * @throws ArithmeticException if a group's sum overflows a {@code long}
     * @throws StorageException with rule {@code UNSUPPORTED} from an adapter that does not implement
     *                          it (the default), so a population report fails rather than loading
     *                          every entry
     */
    default List<GroupTotal> total(Query query, List<String> groupBy, String summed) {
        throw new StorageException("UNSUPPORTED", "this storage adapter does not total entries in the database; "
                + "implement EntryLog.total");
    }
}
