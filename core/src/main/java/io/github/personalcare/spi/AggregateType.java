package io.github.personalcare.spi;

import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.RecordId;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Describes one kind of aggregate to storage: a stable name (the JDBC table name), its Java
 * class, how to read its id and its patient, and the indexes its queries need. Each aggregate
 * package publishes its types as constants (for example {@code CarePlanStores.PLANS}).
 *
 * @param name    lower_snake_case, stable forever once data is stored under it
 * @param type    the aggregate's class (a record)
 * @param id      reads the aggregate's id
 * @param patient reads the patient the aggregate belongs to
 * @param indexes the queryable attributes
 * @param <I>     the id type
 * @param <A>     the aggregate type
 */
public record AggregateType<I extends RecordId, A>(
        String name,
        Class<A> type,
        Function<? super A, I> id,
        Function<? super A, PatientId> patient,
        List<Index<A>> indexes) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,40}");

    /**
     * Checks the description: name, class and both readers are required, the name is
     * lower_snake_case of at most 41 characters, and index names are unique.
     *
     * @param name    lower_snake_case, stable forever once data is stored under it
     * @param type    the aggregate's class (a record)
     * @param id      reads the aggregate's id
     * @param patient reads the patient the aggregate belongs to
     * @param indexes the queryable attributes
     * @throws NullPointerException if {@code name}, {@code type}, {@code id}, {@code patient} or
     *                              {@code indexes} is null
     * @throws IllegalArgumentException if the name is not lower_snake_case or two indexes share a
     *                                  name
     */
    public AggregateType {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("aggregate type name must be lower_snake_case");
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patient, "patient");
        indexes = List.copyOf(indexes);
        if (indexes.stream().map(Index::name).distinct().count() != indexes.size()) {
            throw new IllegalArgumentException("index names must be unique");
        }
    }

    /**
     * The index of that name, if declared.
     *
     * @param indexName the index's name
     * @return the index, or empty if none of that name is declared
     */
    public Optional<Index<A>> index(String indexName) {
        return indexes.stream().filter(i -> i.name().equals(indexName)).findFirst();
    }

    /**
     * The declared indexes of these names, in order.
     *
     * @param indexNames the indexes' names
     * @return the indexes
     * @throws IllegalArgumentException if a name is not declared
     */
    public List<Index<A>> indexes(List<String> indexNames) {
        return indexNames.stream().map(n -> index(n)
                .orElseThrow(() -> new IllegalArgumentException("no index " + n + " on " + name))).toList();
    }

    @Override
    public String toString() {
        return "AggregateType[" + name + "]";
    }
}
