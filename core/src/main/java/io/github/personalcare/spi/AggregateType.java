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
 */
public record AggregateType<I extends RecordId, A>(
        String name,
        Class<A> type,
        Function<? super A, I> id,
        Function<? super A, PatientId> patient,
        List<Index<A>> indexes) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,40}");

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

    /** The index of that name, if declared. */
    public Optional<Index<A>> index(String indexName) {
        return indexes.stream().filter(i -> i.name().equals(indexName)).findFirst();
    }

    @Override
    public String toString() {
        return "AggregateType[" + name + "]";
    }
}
