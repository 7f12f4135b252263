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
     * force, null when none) and {@code has_current_agreed} (BOOLEAN). For population reports, UK
     * dates (Europe/London): {@code agreed_from} (the first agreed version, null if none or if the
     * plan was entered in error, R13), {@code ended_on}, {@code last_agreed_on} and
     * {@code last_review_due} (the latest agreed version's agreement and review dates, kept after the
     * plan ends).
     */
    public static final AggregateType<CarePlanId, CarePlan> PLANS = new AggregateType<>(
            "care_plan", CarePlan.class, CarePlan::id, CarePlan::patient,
            List.of(Index.text("status", CarePlan::status),
                    Index.text("patient", CarePlan::patient),
                    Index.date("next_review_due",
                            p -> p.currentAgreed().map(CarePlanVersion::nextReviewDue).orElse(null)),
                    Index.bool("has_current_agreed", p -> p.currentAgreed().isPresent()),
                    Index.date("agreed_from", p -> p.status() == PlanStatus.ENTERED_IN_ERROR || p.versions().isEmpty()
                            ? null : ukDate(p.versions().get(0).agreedAt())),
                    Index.date("ended_on", p -> p.endedAt().map(CarePlanStores::ukDate).orElse(null)),
                    Index.date("last_agreed_on", p -> p.versions().isEmpty() ? null
                            : ukDate(p.versions().get(p.versions().size() - 1).agreedAt())),
                    Index.date("last_review_due", p -> p.versions().isEmpty() ? null
                            : p.versions().get(p.versions().size() - 1).nextReviewDue())));

    /** Report dates are UK dates, as RTT dates are. */
    private static java.time.LocalDate ukDate(java.time.Instant at) {
        return java.time.LocalDate.ofInstant(at, java.time.ZoneId.of("Europe/London"));
    }

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
