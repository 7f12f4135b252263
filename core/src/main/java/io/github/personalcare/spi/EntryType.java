package io.github.personalcare.spi;

import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.RecordId;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Describes an append-only entry type (ledger entries) to storage: a stable name, its class,
 * the record it belongs to (its owner), the patient, the idempotency key, unique per owner, and
 * the indexes population reports total over ({@link EntryLog#total}).
 *
 * @param name           lower_snake_case, stable forever once data is stored under it
 * @param type           the entry's class (a record)
 * @param owner          reads the record the entry belongs to, such as its budget
 * @param patient        reads the patient the entry belongs to
 * @param idempotencyKey reads the idempotency key, unique per owner
 * @param indexes        the attributes reports group, filter and sum by (columns in a database)
 * @param <E>            the entry type
 */
public record EntryType<E>(
        String name,
        Class<E> type,
        Function<? super E, ? extends RecordId> owner,
        Function<? super E, PatientId> patient,
        Function<? super E, String> idempotencyKey,
        List<Index<E>> indexes) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,40}");

    /**
     * Checks the description: every component is required and the name is lower_snake_case of at
     * most 41 characters.
     *
     * @param name           lower_snake_case, stable forever once data is stored under it
     * @param type           the entry's class (a record)
     * @param owner          reads the record the entry belongs to, such as its budget
     * @param patient        reads the patient the entry belongs to
     * @param idempotencyKey reads the idempotency key, unique per owner
     * @param indexes        the attributes reports group, filter and sum by
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the name is not lower_snake_case or two indexes share a
     *                                  name
     */
    public EntryType {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("entry type name must be lower_snake_case");
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        indexes = List.copyOf(indexes);
        if (indexes.stream().map(Index::name).distinct().count() != indexes.size()) {
            throw new IllegalArgumentException("index names must be unique");
        }
    }

    /**
     * An entry type with no indexes.
     *
     * @param name           lower_snake_case, stable forever once data is stored under it
     * @param type           the entry's class (a record)
     * @param owner          reads the record the entry belongs to, such as its budget
     * @param patient        reads the patient the entry belongs to
     * @param idempotencyKey reads the idempotency key, unique per owner
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the name is not lower_snake_case
     */
    public EntryType(String name, Class<E> type, Function<? super E, ? extends RecordId> owner,
            Function<? super E, PatientId> patient, Function<? super E, String> idempotencyKey) {
        this(name, type, owner, patient, idempotencyKey, List.of());
    }

    /**
     * The index of that name, if declared.
     *
     * @param indexName the index's name
     * @return the index, or empty if none of that name is declared
     */
    public Optional<Index<E>> index(String indexName) {
        return indexes.stream().filter(i -> i.name().equals(indexName)).findFirst();
    }

    /**
     * The declared indexes of these names, in order.
     *
     * @param indexNames the indexes' names
     * @return the indexes
     * @throws IllegalArgumentException if a name is not declared
     */
    public List<Index<E>> indexes(List<String> indexNames) {
        return indexNames.stream().map(n -> index(n)
                .orElseThrow(() -> new IllegalArgumentException("no index " + n + " on " + name))).toList();
    }
}
