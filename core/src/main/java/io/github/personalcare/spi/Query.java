package io.github.personalcare.spi;

import io.github.personalcare.identity.PatientId;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A conjunction of conditions on declared indexes, optionally limited to one patient. Values are
 * normalised as {@link Index#normalise} does, so callers may pass enums and ids.
 *
 * <pre>{@code
 * Query q = Query.where("status").is(PlanStatus.AGREED).and("next_review_due").before(asOf);
 * }</pre>
 */
public final class Query {
    /** Comparison of an index value with the query value; null index values never match. */
    public enum Op {
        /** Equal. */
        EQ,
        /** Less than: before, for dates. */
        LT,
        /** Less than or equal. */
        LE,
        /** Greater than: after, for dates. */
        GT,
        /** Greater than or equal. */
        GE
    }

    /**
     * One condition.
     *
     * @param index the index's name
     * @param op    the comparison
     * @param value the value compared with, before normalisation
     */
    public record Criterion(String index, Op op, Object value) {
        /**
         * Checks every component is present.
         *
         * @param index the index's name
         * @param op    the comparison
         * @param value the value compared with, before normalisation
         * @throws NullPointerException if a component is null
         */
        public Criterion {
            Objects.requireNonNull(index, "index");
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(value, "value");
        }
    }

    private final Optional<PatientId> patient;
    private final List<Criterion> criteria;

    private Query(Optional<PatientId> patient, List<Criterion> criteria) {
        this.patient = patient;
        this.criteria = List.copyOf(criteria);
    }

    /** {@return a query for every aggregate of the type} */
    public static Query all() {
        return new Query(Optional.empty(), List.of());
    }

    /**
     * Only the given patient's aggregates.
     *
     * @param patient the patient
     * @return the query
     * @throws NullPointerException if {@code patient} is null
     */
    public static Query forPatient(PatientId patient) {
        return new Query(Optional.of(patient), List.of());
    }

    /**
     * Starts a query with a condition on an index.
     *
     * @param index the name of a declared index
     * @return the condition, waiting for its comparison
     * @throws NullPointerException if {@code index} is null
     */
    public static Condition where(String index) {
        return all().and(index);
    }

    /**
     * Adds a condition on an index.
     *
     * @param index the name of a declared index
     * @return the condition, waiting for its comparison; this query is not changed
     * @throws NullPointerException if {@code index} is null
     */
    public Condition and(String index) {
        return new Condition(this, index);
    }

    /** {@return the patient the query is limited to, if any} */
    public Optional<PatientId> patient() {
        return patient;
    }

    /** {@return the conditions, all of which must hold} */
    public List<Criterion> criteria() {
        return criteria;
    }

    private Query with(Criterion c) {
        List<Criterion> next = new ArrayList<>(criteria);
        next.add(c);
        return new Query(patient, next);
    }

    /** A half-built condition: pick the comparison. */
    public static final class Condition {
        private final Query query;
        private final String index;

        private Condition(Query query, String index) {
            this.query = query;
            this.index = Objects.requireNonNull(index, "index");
        }

        /**
         * The index value equals {@code value}.
         *
         * @param value the value, such as an enum, an id or a date
         * @return the query with this condition added
         * @throws NullPointerException if {@code value} is null
         */
        public Query is(Object value) {
            return query.with(new Criterion(index, Op.EQ, value));
        }

        /**
         * The index value is less than {@code value}: before it, for dates.
         *
         * @param value the value, such as a date or a number
         * @return the query with this condition added
         * @throws NullPointerException if {@code value} is null
         */
        public Query before(Object value) {
            return query.with(new Criterion(index, Op.LT, value));
        }

        /**
         * The index value is less than or equal to {@code value}.
         *
         * @param value the value, such as a date or a number
         * @return the query with this condition added
         * @throws NullPointerException if {@code value} is null
         */
        public Query onOrBefore(Object value) {
            return query.with(new Criterion(index, Op.LE, value));
        }

        /**
         * The index value is greater than {@code value}: after it, for dates.
         *
         * @param value the value, such as a date or a number
         * @return the query with this condition added
         * @throws NullPointerException if {@code value} is null
         */
        public Query after(Object value) {
            return query.with(new Criterion(index, Op.GT, value));
        }

        /**
         * The index value is greater than or equal to {@code value}.
         *
         * @param value the value, such as a date or a number
         * @return the query with this condition added
         * @throws NullPointerException if {@code value} is null
         */
        public Query onOrAfter(Object value) {
            return query.with(new Criterion(index, Op.GE, value));
        }
    }

    @Override
    public String toString() {
        return "Query" + criteria + patient.map(p -> " for " + p).orElse("");
    }
}
