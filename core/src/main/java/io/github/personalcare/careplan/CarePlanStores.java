package io.github.personalcare.careplan;

import io.github.personalcare.identity.PatientId;
import io.github.personalcare.spi.AggregateType;
import io.github.personalcare.spi.Index;
import io.github.personalcare.spi.Query;
import io.github.personalcare.spi.Transaction;
import io.github.personalcare.lang.Versioned;

import java.util.List;
import java.util.Optional;

/**
 * How care plans are stored: the aggregate type every storage adapter keeps them under, and the
 * reads other services make inside their own transactions (the budget service checks budget lines
 * against {@link #currentAgreed}).
 */
public final class CarePlanStores {
    /**
     * Care plans with every agreed version inside. Indexes: {@code status} ({@link PlanStatus} name),
     * {@code patient} (UUID), {@code next_review_due} (DATE, the review date of the agreed version in
     * force, null when none) and {@code has_current_agreed} (BOOLEAN).
     */
    public static final AggregateType<CarePlanId, CarePlan> PLANS = new AggregateType<>(
            "care_plan", CarePlan.class, CarePlan::id, CarePlan::patient,
            List.of(Index.text("status", CarePlan::status),
                    Index.text("patient", CarePlan::patient),
                    Index.date("next_review_due",
                            p -> p.currentAgreed().map(CarePlanVersion::nextReviewDue).orElse(null)),
                    Index.bool("has_current_agreed", p -> p.currentAgreed().isPresent())));

    private CarePlanStores() {
    }

    /**
     * The patient's plan with an agreed version in force (at most one, R6), read in {@code tx}. Its
     * {@link CarePlan#currentAgreed()} is the version in force, even while a new one is drafted.
     *
     * @param tx      the open transaction
     * @param patient the patient
     * @return the plan and its version, or empty if no agreed version is in force
     */
    public static Optional<Versioned<CarePlan>> currentAgreed(Transaction tx, PatientId patient) {
        return tx.aggregates(PLANS).query(Query.forPatient(patient).and("has_current_agreed").is(true))
                .stream().findFirst();
    }

    /**
     * {@return the patient's plans that are not ended or entered in error (at most one, R6)}
     *
     * @param tx      the open transaction
     * @param patient the patient
     */
    public static List<Versioned<CarePlan>> open(Transaction tx, PatientId patient) {
        return tx.aggregates(PLANS).findByPatient(patient).stream()
                .filter(v -> !v.value().status().isClosed()).toList();
    }
}
