package io.github.personalcare.spi;

import io.github.personalcare.identity.PatientId;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A conjunction of conditions on declared indexes, optionally limited to one patient and to
 * patients who have an aggregate of another type matching a query of its own (a semi-join on the
 * patient, for population counts). Values are normalised as {@link Index#normalise} does, so
 * callers may pass enums and ids.
 *
 * <pre>{@code
 * Query q = Query.where("status").is(PlanStatus.AGREED).and("next_review_due").before(asOf);
 * Query covered = Query.where("complex_needs").is(true)
 *         .andPatientHas(CarePlanStores.PLANS, Query.where("agreed_from").onOrBefore(asOf));
 * }</pre>
 */
public final class Query {
    /** Comparison of an index value with the query value; null index values never match, except with {@link #GT_OR_NULL}. */
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
        GE,
        /** Greater than, or no value at all: after, or never, for dates (such as a date of death). */
        GT_OR_NULL
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

    /**
     * A condition on the row's patient: they have at least one aggregate of {@code type} matching
     * {@code query} (whose own related conditions and patient limit are not allowed).
     *
     * @param type  the other aggregate type
     * @param query the conditions on that type's indexes
     */
    public record Related(AggregateType<?, ?> type, Query query) {
        /**
         * Checks both are present and the inner query is flat.
         *
         * @param type  the other aggregate type
         * @param query the conditions on that type's indexes
         * @throws NullPointerException if a component is null
         * @throws IllegalArgumentException if the inner query has related conditions or a patient
         */
        public Related {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(query, "query");
            if (!query.related().isEmpty() || query.patient().isPresent()) {
                throw new IllegalArgumentException("a related query holds index conditions only");
            }
        }
    }

    private final Optional<PatientId> patient;
    private final List<Criterion> criteria;
    private final List<Related> related;

    private Query(Optional<PatientId> patient, List<Criterion> criteria, List<Related> related) {
        this.patient = patient;
        this.criteria = List.copyOf(criteria);
        this.related = List.copyOf(related);
    }

    /** {@return a query for every aggregate of the type} */
    public static Query all() {
        return new Query(Optional.empty(), List.of(), List.of());
    }

    /**
     * Only the given patient's aggregates.
     *
     * @param patient the patient
     * @return the query
     * @throws NullPointerException if {@code patient} is null
     */
    public static Query forPatient(PatientId patient) {
        return new Query(Optional.of(patient), List.of(), List.of());
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

    /**
     * Adds a condition on the row's patient: they have an aggregate of {@code type} matching
     * {@code query}.
     *
     * @param type  the other aggregate type
     * @param query conditions on that type's indexes only
     * @return the query with this condition added; this query is not changed
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code query} has related conditions or a patient
     */
    public Query andPatientHas(AggregateType<?, ?> type, Query query) {
        List<Related> next = new ArrayList<>(related);
        next.add(new Related(type, query));
        return new Query(patient, criteria, next);
    }

    /** {@return the conditions on other aggregate types of the row's patient, all of which must hold} */
    public List<Related> related() {
        return related;
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
        return new Query(patient, next, related);
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

        /**
         * The index value is greater than {@code value}, or absent: after it or never, for dates.
         *
         * @param value the value, such as a date
         * @return the query with this condition added
         * @throws NullPointerException if {@code value} is null
         */
        public Query afterOrAbsent(Object value) {
            return query.with(new Criterion(index, Op.GT_OR_NULL, value));
        }
    }

    @Override
    public String toString() {
        return "Query" + criteria + (related.isEmpty() ? "" : " having " + related) + patient.map(p -> " for " + p).orElse("");
    }
}
