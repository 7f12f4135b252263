package io.github.personalcare.spi;

import io.github.personalcare.lang.VersionConflictException;
import io.github.personalcare.lang.Versioned;
import io.github.personalcare.lang.NotFoundException;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.RecordId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Versioned storage of one aggregate type inside a {@link Transaction}.
 *
 * @param <I> the id type
 * @param <A> the aggregate type
 */
public interface AggregateStore<I extends RecordId, A> {

    /**
     * The aggregate with this id and its version, if stored (including this transaction's writes).
     *
     * @param id the aggregate's id
     * @return the aggregate and its version, or empty if none is stored
     */
    Optional<Versioned<A>> find(I id);

    /**
     * The aggregates with these ids that are stored, as {@link #find} would give them one by one;
     * adapters may read them in one round trip (the bulk path in uses it).
     *
     * @param ids the ids
     * @return the stored ones, with their versions, in no particular order; ids not stored are left out
     */
    default List<Versioned<A>> findAll(Collection<I> ids) {
        List<Versioned<A>> found = new ArrayList<>();
        for (I id : ids) {
            find(id).ifPresent(found::add);
        }
        return found;
    }

    /**
     * Whether this store itself refuses a new aggregate whose value of the named index another
     * stored aggregate already holds (a unique key, such as the NHS number of a patient, R2, or a
     * referral's UBRN, R4), with {@link DuplicateKeyException}, even against a concurrent writer. A
     * caller may then insert and handle the exception instead of querying first. The default says
     * no: callers query first (under the patient's lock, in a store that runs one transaction at a
     * time).
     *
     * @param index the name of a declared index
     * @return true if an insert of a duplicate value fails
     */
    default boolean isUnique(String index) {
        return false;
    }

    /**
     * The aggregate with this id.
     *
     * @param id the aggregate's id
     * @return the aggregate and its version
     * @throws NotFoundException if there is none
     */
    default Versioned<A> get(I id) {
        return find(id).orElseThrow(() -> new NotFoundException(type().type().getSimpleName(), id.value().toString()));
    }

    /**
     * Every aggregate of the patient, in no particular order.
     *
     * @param patient the patient
     * @return the patient's aggregates of this type, with their versions
     */
    default List<Versioned<A>> findByPatient(PatientId patient) {
        return query(Query.forPatient(patient));
    }

    /**
     * The aggregates matching every condition of the query.
     *
     * @param query the conditions
     * @return the matching aggregates, with their versions
     */
    List<Versioned<A>> query(Query query);

    /**
     * Counts the aggregates matching the query, grouped by the values of some of the type's indexes:
     * a population count computed by the storage (SQL {@code GROUP BY} over index columns in a
     * database) without loading a document, so memory stays constant in the population size.
     * Groups with no aggregates are not returned; with no grouping indexes there is one group
     * (or none, when nothing matches).
     *
     * <pre>{@code
     * List<GroupCount> byCohort = tx.aggregates(BudgetStores.BUDGETS)
     *         .count(Query.where("status").is(BudgetStatus.ACTIVE), List.of("cohort"));
     * }</pre>
     *
     * @param query   the conditions, including conditions on other types of the row's patient
     * @param groupBy names of declared indexes to group by, in the order the keys hold them
     * @return one row per distinct combination of values, in no particular order
     * @throws IllegalArgumentException if the query or the grouping names an undeclared index
     * @throws StorageException with rule {@code UNSUPPORTED} from an adapter that does not implement
     *                          it (the default), so a population report fails rather than loading
     *                          every document
     */
    default List<GroupCount> count(Query query, List<String> groupBy) {
        throw new StorageException("UNSUPPORTED", "this storage adapter does not count " + type().name()
                + " in the database; implement AggregateStore.count");
    }

    /**
     * Stores a new aggregate at version 1.
     *
     * @param aggregate the new aggregate
     * @return 1
     * @throws DuplicateKeyException if an aggregate with the same id exists
     */
    long insert(A aggregate);

    /**
     * Stores new aggregates, each at version 1, as {@link #insert} would one by one; adapters may
     * send them in one round trip (the bulk path in uses it). Either all are stored or, when this
     * throws, the enclosing transaction must be rolled back.
     *
     * @param aggregates the new aggregates
     * @throws DuplicateKeyException if an aggregate with the same id (or unique key) exists
     */
    default void insertAll(List<A> aggregates) {
        for (A aggregate : aggregates) {
            insert(aggregate);
        }
    }

    /**
     * Replaces the aggregate if its stored version is {@code expectedVersion}.
     *
     * @param aggregate       the new state, with the same id
     * @param expectedVersion the version the caller read
     * @return the new version, {@code expectedVersion + 1}
     * @throws VersionConflictException if the stored version differs; nothing changes
     * @throws NotFoundException        if no such aggregate is stored
     */
    long update(A aggregate, long expectedVersion);

    /** {@return the type this store holds} */
    AggregateType<I, A> type();
}
