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
    public enum Op { EQ, LT, LE, GT, GE }

    /** One condition. */
    public record Criterion(String index, Op op, Object value) {
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

    /** Every aggregate of the type. */
    public static Query all() {
        return new Query(Optional.empty(), List.of());
    }

    /** Only the given patient's aggregates. */
    public static Query forPatient(PatientId patient) {
        return new Query(Optional.of(patient), List.of());
    }

    /** Starts a query with a condition on an index. */
    public static Condition where(String index) {
        return all().and(index);
    }

    /** Adds a condition on an index. */
    public Condition and(String index) {
        return new Condition(this, index);
    }

    /** The patient the query is limited to, if any. */
    public Optional<PatientId> patient() {
        return patient;
    }

    /** The conditions, all of which must hold. */
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

        public Query is(Object value) {
            return query.with(new Criterion(index, Op.EQ, value));
        }

        public Query before(Object value) {
            return query.with(new Criterion(index, Op.LT, value));
        }

        public Query onOrBefore(Object value) {
            return query.with(new Criterion(index, Op.LE, value));
        }

        public Query after(Object value) {
            return query.with(new Criterion(index, Op.GT, value));
        }

        public Query onOrAfter(Object value) {
            return query.with(new Criterion(index, Op.GE, value));
        }
    }

    @Override
    public String toString() {
        return "Query" + criteria + patient.map(p -> " for " + p).orElse("");
    }
}
