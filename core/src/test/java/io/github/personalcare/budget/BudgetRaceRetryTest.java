package io.github.personalcare.budget;

import io.github.personalcare.internal.ServiceWiring;
import io.github.personalcare.patient.RegisteredPractice;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.internal.AccessGuard;
import io.github.personalcare.access.Actor;
import io.github.personalcare.spi.CareRelationship;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.internal.SelfAndCareTeamPolicy;
import io.github.personalcare.audit.AuditOutcome;
import io.github.personalcare.careplan.CarePlanId;
import io.github.personalcare.support.TestClock;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.patient.PatientService;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.RecordId;
import io.github.personalcare.spi.AggregateStore;
import io.github.personalcare.spi.AggregateType;
import io.github.personalcare.spi.AuditTrail;
import io.github.personalcare.spi.EntryLog;
import io.github.personalcare.spi.EntryType;
import io.github.personalcare.spi.Outbox;
import io.github.personalcare.spi.Query;
import io.github.personalcare.spi.Storage;
import io.github.personalcare.spi.Transaction;
import io.github.personalcare.spi.UnitOfWork;
import io.github.personalcare.lang.VersionConflictException;
import io.github.personalcare.lang.Versioned;
import io.github.personalcare.store.memory.InMemoryStorage;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A ledger command whose budget update loses the optimistic version check (as it does when
 * another entry commits first on a database) stores nothing, is run again on the new state and
 * is recorded once; after {@link BudgetService#ATTEMPTS} lost races the conflict reaches the caller.
 */
class BudgetRaceRetryTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private final AtomicInteger conflictsToInject = new AtomicInteger();
    private final InMemoryStorage inner = new InMemoryStorage();
    private final Storage storage = new Storage() {
        @Override
        public <R> R inTransaction(UnitOfWork<R> work) {
            return inner.inTransaction(tx -> work.run(new LosingTransaction(tx)));
        }
    };
    private final AccessContext gp = AccessContext.of(Actor.professional(io.github.personalcare.identity.UserId.of("GP-1"),
            ProfessionalRole.GENERAL_PRACTITIONER, OdsCode.of("A81001")), Purpose.DIRECT_CARE);
    private final AccessGuard guard = new AccessGuard(storage,
            new SelfAndCareTeamPolicy(new RegisteredPractice()), new TestClock(Instant.parse("2026-11-23T10:00:00Z")));
    private final PatientId patient = new ServiceWiring(guard, storage, Map.of()).create(PatientService.class).register(gp, NhsNumber.parse("9434765870"),
            NhsNumberVerification.VERIFIED, new PersonName("Ada", "Quarrington"), LocalDate.of(1950, 12, 10), Set.of(),
            Optional.of(OdsCode.of("A81001"))).value().id();
    private final CarePlanId plan = CarePlanId.random();
    private final BudgetService budgets = new BudgetService(guard, BudgetPolicy.defaults(),
            (tx, p) -> Optional.of(new AgreedPlan(plan, Set.of(BudgetWorld.PHYSIO), Optional.of(TODAY.plusMonths(2)))),
            new io.github.personalcare.internal.ChangeHooks());
    private final BudgetId id = budgets.activate(gp, budgets.propose(gp, new BudgetProposal(patient, plan,
            new Eligibility(EligibilityReason.DISCRETIONARY, TODAY), BudgetHolder.patient(), List.of(new BudgetLine(
                    BudgetWorld.PHYSIO, SpendCategory.THERAPY, Money.parse("100"), Management.notional())), TODAY))
            .value().id(), 1).value().id();

    @Test
    void aCommandThatLosesARaceIsRunAgainAndRecordedOnce() {
        conflictsToInject.set(2);

        budgets.allocate(gp, id, LedgerCommand.Allocation.of("a-1", BudgetWorld.PHYSIO, Money.parse("100.00"), TODAY));

        assertThat(budgets.ledger(gp, id).entries()).hasSize(1);
        assertThat(budgets.balance(gp, id)).isEqualTo(new Balance(10_000));
        List<String> versionRejections = inner.inTransaction(tx -> tx.audit().forPatient(patient)).stream()
                .filter(r -> r.event().outcome() == AuditOutcome.REJECTED).map(r -> r.event().rule()).toList();
        assertThat(versionRejections).containsExactly("VERSION", "VERSION");
    }

    @Test
    void aCommandThatKeepsLosingReachesTheCallerAndStoresNothing() {
        conflictsToInject.set(BudgetService.ATTEMPTS);

        assertThatExceptionOfType(VersionConflictException.class).isThrownBy(() -> budgets.allocate(gp, id,
                LedgerCommand.Allocation.of("a-1", BudgetWorld.PHYSIO, Money.parse("100.00"), TODAY)));
        assertThat(budgets.ledger(gp, id).entries()).isEmpty();
    }

    /** A transaction whose budget updates fail their version check while conflicts are to be injected. */
    private final class LosingTransaction implements Transaction {
        private final Transaction tx;

        LosingTransaction(Transaction tx) {
            this.tx = tx;
        }

        @Override
        public <I extends RecordId, A> AggregateStore<I, A> aggregates(AggregateType<I, A> type) {
            AggregateStore<I, A> store = tx.aggregates(type);
            if (type != BudgetStores.BUDGETS) {
                return store;
            }
            return new AggregateStore<>() {
                @Override
                public Optional<Versioned<A>> find(I id) {
                    return store.find(id);
                }

                @Override
                public List<Versioned<A>> query(Query query) {
                    return store.query(query);
                }

                @Override
                public long insert(A aggregate) {
                    return store.insert(aggregate);
                }

                @Override
                public long update(A aggregate, long expectedVersion) {
                    if (conflictsToInject.getAndDecrement() > 0) {
                        throw new VersionConflictException(type.name(), "budget", expectedVersion, expectedVersion + 1);
                    }
                    return store.update(aggregate, expectedVersion);
                }

                @Override
                public AggregateType<I, A> type() {
                    return type;
                }
            };
        }

        @Override
        public <E> EntryLog<E> entries(EntryType<E> type) {
            return tx.entries(type);
        }

        @Override
        public AuditTrail audit() {
            return tx.audit();
        }

        @Override
        public Outbox outbox() {
            return tx.outbox();
        }

        @Override
        public void lockPatient(PatientId patient) {
            tx.lockPatient(patient);
        }
    }
}
