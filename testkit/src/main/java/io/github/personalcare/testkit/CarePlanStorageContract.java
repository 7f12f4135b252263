package io.github.personalcare.testkit;

import io.github.personalcare.careplan.CarePlan;
import io.github.personalcare.careplan.CarePlanStores;
import io.github.personalcare.careplan.EndReason;
import io.github.personalcare.careplan.PlanStatus;
import io.github.personalcare.careplan.CarePlanContent;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.spi.Query;
import io.github.personalcare.lang.VersionConflictException;
import io.github.personalcare.lang.Versioned;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Care plans through storage: every agreed version survives a round trip unchanged (R10), the
 * indexes answer status and due-for-review queries (R11), the patient's plan in force is found
 * (R6), and concurrent edits of one version have exactly one winner.
 */
public abstract class CarePlanStorageContract extends StorageContract {
    /** For the adapter's subclass, which supplies the storage under test. */
    protected CarePlanStorageContract() {
    }

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final LocalDate D0 = LocalDate.of(2026, 11, 23);

    private Versioned<CarePlan> read(CarePlan plan) {
        return storage.inTransaction(tx -> tx.aggregates(CarePlanStores.PLANS).get(plan.id()));
    }

    private void insert(CarePlan plan) {
        storage.inTransaction(tx -> tx.aggregates(CarePlanStores.PLANS).insert(plan));
    }

    @Test
    void anAgreedPlanComesBackEqualWithEveryVersion() {
        CarePlan v1 = CarePlans.agreed(PatientId.random(), T0, D0.plusMonths(3));
        CarePlan v2 = CarePlans.reviewed(v1, T0.plus(Duration.ofDays(60)), D0.plusMonths(9));
        insert(v1);
        storage.inTransaction(tx -> tx.aggregates(CarePlanStores.PLANS).update(v2, 1));

        Versioned<CarePlan> stored = read(v1);

        assertThat(stored.value()).isEqualTo(v2);
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.value().versions()).hasSize(2);
        assertThat(stored.value().version(1)).isEqualTo(v1.version(1));
    }

    @Test
    void agreedVersionsSurviveEveryLaterUpdateUnchanged() {
        CarePlan agreed = CarePlans.agreed(PatientId.random(), T0, D0.plusMonths(3));
        insert(agreed);
        CarePlan review = agreed.startReview();
        storage.inTransaction(tx -> tx.aggregates(CarePlanStores.PLANS).update(review, 1));
        CarePlan edited = review.edit(CarePlanContent.empty().withAboutMe("Starting again"), D0);
        storage.inTransaction(tx -> tx.aggregates(CarePlanStores.PLANS).update(edited, 2));

        Versioned<CarePlan> stored = read(agreed);

        assertThat(stored.value().status()).isEqualTo(PlanStatus.UNDER_REVIEW);
        assertThat(stored.value().versions()).isEqualTo(agreed.versions());
        assertThat(stored.value().currentAgreed()).contains(agreed.version(1));
    }

    @Test
    void dueForReviewFindsAgreedPlansByTheirReviewDateOnly() {
        CarePlan early = CarePlans.agreed(PatientId.random(), T0, D0.plusDays(10));
        CarePlan late = CarePlans.agreed(PatientId.random(), T0, D0.plusDays(40));
        CarePlan draft = CarePlans.draft(PatientId.random(), T0, D0.plusDays(5));
        CarePlan ended = CarePlans.agreed(PatientId.random(), T0, D0.plusDays(5)).end(EndReason.COMPLETED, T0);
        for (CarePlan p : List.of(early, late, draft, ended)) {
            insert(p);
        }

        List<Versioned<CarePlan>> due = storage.inTransaction(tx -> tx.aggregates(CarePlanStores.PLANS)
                .query(Query.where("next_review_due").onOrBefore(D0.plusDays(10))));
        List<Versioned<CarePlan>> overdue = storage.inTransaction(tx -> tx.aggregates(CarePlanStores.PLANS)
                .query(Query.where("next_review_due").before(D0.plusDays(41))));

        assertThat(due).extracting(v -> v.value().id()).containsExactly(early.id());
        assertThat(overdue).extracting(v -> v.value().id()).containsExactlyInAnyOrder(early.id(), late.id());
    }

    @Test
    void aStatusQueryFollowsTheLifecycle() {
        CarePlan agreed = CarePlans.agreed(PatientId.random(), T0, D0.plusMonths(3));
        insert(agreed);
        storage.inTransaction(tx -> tx.aggregates(CarePlanStores.PLANS).update(agreed.startReview(), 1));

        var underReview = storage.inTransaction(tx -> tx.aggregates(CarePlanStores.PLANS)
                .query(Query.where("status").is(PlanStatus.UNDER_REVIEW)));
        var stillAgreed = storage.inTransaction(tx -> tx.aggregates(CarePlanStores.PLANS)
                .query(Query.where("status").is(PlanStatus.AGREED)));
        var stillDue = storage.inTransaction(tx -> tx.aggregates(CarePlanStores.PLANS)
                .query(Query.where("next_review_due").onOrBefore(D0.plusMonths(3))));

        assertThat(underReview).hasSize(1);
        assertThat(stillAgreed).isEmpty();
        assertThat(stillDue).as("the agreed version stays in force while under review").hasSize(1);
    }

    @Test
    void thePatientsPlanInForceIsFoundAndNoOtherPatients() {
        PatientId patient = PatientId.random();
        CarePlan mine = CarePlans.agreed(patient, T0, D0.plusMonths(3));
        CarePlan oldEnded = CarePlans.agreed(patient, T0.minus(Duration.ofDays(400)), D0.minusDays(400).plusMonths(2))
                .end(EndReason.COMPLETED, T0.minus(Duration.ofDays(10)));
        insert(mine);
        insert(oldEnded);
        insert(CarePlans.agreed(PatientId.random(), T0, D0.plusMonths(3)));

        var found = storage.inTransaction(tx -> CarePlanStores.currentAgreed(tx, patient));
        var nobody = storage.inTransaction(tx -> CarePlanStores.currentAgreed(tx, PatientId.random()));

        assertThat(found).map(v -> v.value().id()).contains(mine.id());
        assertThat(nobody).isEmpty();
    }

    @Test
    void aStaleEditChangesNothing() {
        CarePlan draft = CarePlans.draft(PatientId.random(), T0, D0.plusMonths(3));
        insert(draft);
        CarePlan first = draft.edit(draft.content().withAboutMe("First"), D0);
        storage.inTransaction(tx -> tx.aggregates(CarePlanStores.PLANS).update(first, 1));

        assertThatExceptionOfType(VersionConflictException.class).isThrownBy(() -> storage.inTransaction(tx ->
                tx.aggregates(CarePlanStores.PLANS).update(draft.edit(draft.content().withAboutMe("Second"), D0), 1)));
        assertThat(read(draft)).isEqualTo(new Versioned<>(first, 2));
    }

    @Test
    void concurrentEditsOfOneVersionHaveExactlyOneWinner() throws Exception {
        CarePlan draft = CarePlans.draft(PatientId.random(), T0, D0.plusMonths(3));
        insert(draft);
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger wins = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                CarePlan edit = draft.edit(draft.content().withAboutMe("Writer " + i), D0);
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        storage.inTransaction(tx -> tx.aggregates(CarePlanStores.PLANS).update(edit, 1));
                        wins.incrementAndGet();
                    } catch (VersionConflictException e) {
                        conflicts.incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(wins.get()).isEqualTo(1);
        assertThat(conflicts.get()).isEqualTo(threads - 1);
        assertThat(read(draft).version()).isEqualTo(2);
    }
}
