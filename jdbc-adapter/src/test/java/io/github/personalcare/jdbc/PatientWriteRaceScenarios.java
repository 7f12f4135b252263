package io.github.personalcare.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.lang.RuleViolationException;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.careplan.CarePlan;
import io.github.personalcare.careteam.CareTeam;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.patient.PatientFlag;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.lang.Versioned;
import io.github.personalcare.testkit.CarePlans;
import io.github.personalcare.budget.EntryKind;
import io.github.personalcare.budget.LedgerCommand;
import io.github.personalcare.budget.LedgerEntry;
import io.github.personalcare.budget.Money;
import io.github.personalcare.budget.SpendCategory;
import io.github.personalcare.budget.SpendRejectedException;
import io.github.personalcare.lang.VersionConflictException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Services check a rule, then write (R6: "no open care plan yet", then insert a draft). On a
 * database two transactions could both pass such a check before either commits; the access guard
 * takes the patient's write lock first, so concurrent writers for one patient run one after another.
 * Sixteen callers at once through the services: one open plan (R6), no overspend and a resent
 * idempotency key spending once (R17), and of concurrent edits from one expected version exactly
 * one winner (no lost update).
 */
abstract class PatientWriteRaceScenarios {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalDate TODAY = LocalDate.ofInstant(NOW, LONDON);
    private static final OdsCode PRACTICE = OdsCode.of("A81001");
    private static final AccessContext GP = AccessContext.of(Actor.professional(UserId.of("GP-A81001-1"),
            ProfessionalRole.GENERAL_PRACTITIONER, PRACTICE), Purpose.DIRECT_CARE);
    private static final int WRITERS = 16;

    abstract TestDatabases.TestStorage open();

    private TestDatabases.TestStorage storage;
    private PersonalCare care;

    @BeforeEach
    void openStorage() {
        storage = open();
        care = PersonalCare.builder().storage(storage).clock(Clock.fixed(NOW, LONDON)).build();
    }

    @AfterEach
    void closeStorage() {
        storage.close();
    }

    @Test
    void r6ConcurrentDraftsForOnePatientLeaveExactlyOneOpenPlan() throws Exception {
        Patient patient = care.patients().register(GP, NhsNumber.parse("943 476 5870"),
                NhsNumberVerification.VERIFIED, new PersonName("Ada", "Lovelace"), LocalDate.of(1950, 12, 10),
                Set.of(PatientFlag.COMPLEX_NEEDS), Optional.of(PRACTICE)).value();
        Actor.Professional gp = (Actor.Professional) GP.actor();
        Versioned<CareTeam> team = care.careTeams().establish(GP, patient.id());
        care.careTeams().addProfessional(GP, team.value().id(), gp.user(), gp.role(), gp.organisation(),
                team.version());
        AccessContext self = AccessContext.patientSelf(patient.id());

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Object> outcomes = new ArrayList<>();
        try {
            List<Future<Versioned<CarePlan>>> drafts = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                drafts.add(pool.submit(() -> {
                    start.await();
                    return care.carePlans().draft(self, patient.id(),
                            CarePlans.complete(TODAY.plusMonths(CarePlan.FIRST_BUDGET_REVIEW_MONTHS)));
                }));
            }
            start.countDown();
            for (Future<Versioned<CarePlan>> draft : drafts) {
                try {
                    outcomes.add(draft.get(60, TimeUnit.SECONDS).value());
                } catch (ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(outcomes).filteredOn(CarePlan.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !(o instanceof CarePlan)).hasSize(WRITERS - 1)
                .allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.rule()).isEqualTo("R6")));
        assertThat(care.carePlans().plansOf(GP, patient.id())).hasSize(1);
    }

    /** Runs {@code call(thread)} on every thread at once; answers each thread's result or exception, in thread order. */
    private static <T> List<Object> race(Function<Integer, Callable<T>> call) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < WRITERS; t++) {
                Callable<T> work = call.apply(t);
                futures.add(pool.submit(() -> {
                    start.await();
                    return work.call();
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<T> f : futures) {
                try {
                    outcomes.add(f.get(120, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    outcomes.add(e.getCause());
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new AssertionError("a racing caller did not finish", e);
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void r17_sixteenThreadsResendingTheSameSpendsNeverOverspendAndSpendEachKeyOnce() throws Exception {
        FundedPatient funded = FundedPatient.build(care, Money.parse("20.00"));
        int keys = 40;
        // every thread sends every key, in its own order: each key is sent 16 times
        List<Object> outcomes = race(thread -> () -> {
            Map<String, Object> mine = new HashMap<>();
            for (int i = 0; i < keys; i++) {
                String key = "inv-" + ((i + thread * 7) % keys);
                try {
                    mine.put(key, care.budgets().recordSpend(FundedPatient.GP, funded.budget(), LedgerCommand.Spend.of(key,
                            FundedPatient.PA, Money.parse("1.00"), FundedPatient.TODAY, SpendCategory.PERSONAL_ASSISTANT,
                            "Personal assistant")).id());
                } catch (SpendRejectedException e) {
                    mine.put(key, e.reason());
                }
            }
            return mine;
        });

        assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(Map.class));
        List<LedgerEntry> spends = care.budgets().ledger(FundedPatient.GP, funded.budget()).entries().stream()
                .filter(e -> e.kind() == EntryKind.SPEND).toList();
        assertThat(spends).as("the balance allows exactly twenty spends of 1.00").hasSize(20);
        assertThat(spends).extracting(LedgerEntry::idempotencyKey).as("each key spent once").doesNotHaveDuplicates();
        assertThat(care.budgets().balance(FundedPatient.GP, funded.budget()).pence()).isZero();
        for (int i = 0; i < keys; i++) {
            String key = "inv-" + i;
            List<Object> answers = outcomes.stream().<Object>map(o -> ((Map<?, ?>) o).get(key)).toList();
            Object expected = spends.stream().filter(e -> e.idempotencyKey().equals(key)).findFirst()
                    .<Object>map(LedgerEntry::id).orElse(SpendRejectedException.Reason.INSUFFICIENT_FUNDS);
            assertThat(answers).as("every sender of " + key + " is told the same").containsOnly(expected);
        }
    }

    @Test
    void sixteenConcurrentEditsFromOneVersionHaveExactlyOneWinner() throws Exception {
        FundedPatient funded = FundedPatient.build(care, Money.parse("20.00"));
        Versioned<CareTeam> team = funded.team();
        List<Object> outcomes = race(thread -> () -> care.careTeams().addProfessional(FundedPatient.GP,
                team.value().id(), UserId.of("NURSE-" + thread), ProfessionalRole.NURSE, OdsCode.of("A81001"),
                team.version()));

        assertThat(outcomes).filteredOn(Versioned.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !(o instanceof Versioned)).hasSize(WRITERS - 1)
                .allSatisfy(o -> assertThat(o).isInstanceOf(VersionConflictException.class));
        Versioned<CareTeam> stored = care.careTeams().get(FundedPatient.GP, team.value().id());
        assertThat(stored.version()).isEqualTo(team.version() + 1);
        assertThat(stored.value().professionals()).hasSize(team.value().professionals().size() + 1);
    }
}
