package io.github.personalcare.budget;

import io.github.personalcare.internal.ServiceWiring;
import io.github.personalcare.patient.RegisteredPractice;
import io.github.personalcare.lang.PersonalCareException;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.internal.AccessGuard;
import io.github.personalcare.access.Actor;
import io.github.personalcare.spi.CareRelationship;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.internal.SelfAndCareTeamPolicy;
import io.github.personalcare.careplan.CarePlanId;
import io.github.personalcare.support.TestClock;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.patient.PatientService;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.store.memory.InMemoryStorage;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.util.Map;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of ledger commands against a budget under the default policy (no overspend):
 * after every command, accepted or refused, the balance equals allocations − spends + refunds ±
 * adjustments − recoveries computed from the stored entries, the running totals on the budget
 * agree with them, no line is below zero, and a replayed command changes nothing.
 */
class LedgerPropertyTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final List<BudgetLineCode> LINES = List.of(BudgetWorld.PA, BudgetWorld.PHYSIO, BudgetWorld.EQUIP);

    enum Op { ALLOCATE, SPEND, REFUND, ADJUST_UP, ADJUST_DOWN, RECOVER, REPLAY }

    record Step(Op op, int line, long pence, int replayIndex) {
    }

    @Provide
    Arbitrary<Step> steps() {
        return Combinators.combine(Arbitraries.of(Op.class), Arbitraries.integers().between(0, 2),
                Arbitraries.longs().between(1, 40_000), Arbitraries.integers().between(0, 1_000))
                .as(Step::new);
    }

    @Property(tries = 150)
    void everySequenceKeepsTheBalanceIdentityNeverGoesBelowZeroAndReplaysChangeNothing(
            @ForAll @Size(min = 1, max = 30) List<@net.jqwik.api.From("steps") Step> steps) {
        InMemoryStorage storage = new InMemoryStorage();
        TestClock clock = new TestClock(NOW);
        AccessGuard guard = new AccessGuard(storage, new SelfAndCareTeamPolicy(new RegisteredPractice()), clock);
        AccessContext gp = AccessContext.of(Actor.professional(UserId.of("GP-1"), ProfessionalRole.GENERAL_PRACTITIONER,
                OdsCode.of("A81001")), Purpose.DIRECT_CARE);
        PatientId patient = new ServiceWiring(guard, storage, Map.of()).create(PatientService.class).register(gp, NhsNumber.parse("9434765870"),
                NhsNumberVerification.VERIFIED, new PersonName("Ada", "Quarrington"), LocalDate.of(1950, 12, 10),
                Set.of(), Optional.of(OdsCode.of("A81001"))).value().id();
        CarePlanId plan = CarePlanId.random();
        AgreedPlanLines agreed = (tx, p) -> Optional.of(new AgreedPlan(plan, Set.copyOf(LINES), Optional.of(TODAY.plusMonths(2))));
        BudgetService budgets = new BudgetService(guard, BudgetPolicy.defaults(), agreed,
                new io.github.personalcare.internal.ChangeHooks());
        BudgetId id = budgets.propose(gp, new BudgetProposal(patient, plan,
                new Eligibility(EligibilityReason.CONTINUING_HEALTHCARE, TODAY), BudgetHolder.patient(), List.of(
                        new BudgetLine(BudgetWorld.PA, SpendCategory.PERSONAL_ASSISTANT, Money.parse("500"),
                                BudgetWorld.directPayment(TODAY)),
                        new BudgetLine(BudgetWorld.PHYSIO, SpendCategory.THERAPY, Money.parse("500"), Management.notional()),
                        new BudgetLine(BudgetWorld.EQUIP, SpendCategory.EQUIPMENT, Money.parse("500"),
                                Management.thirdParty("Independent Living Trust", Optional.empty()))),
                TODAY)).value().id();
        budgets.activate(gp, id, 1);

        List<LedgerCommand> accepted = new ArrayList<>();
        List<LedgerEntry> firstResults = new ArrayList<>();
        int n = 0;
        for (Step s : steps) {
            n++;
            List<LedgerEntry> before = budgets.ledger(gp, id).entries();
            BudgetLineCode line = LINES.get(s.line());
            Money amount = Money.ofPence(s.pence());
            String key = "k-" + n;
            LedgerCommand command = switch (s.op()) {
                case ALLOCATE -> new LedgerCommand.Allocation(key, line, amount, TODAY,
                        Optional.of(BudgetWorld.ACCOUNT), Optional.empty());
                case SPEND -> LedgerCommand.Spend.of(key, line, amount, TODAY, SpendCategory.THERAPY, "Payee");
                case REFUND -> new LedgerCommand.Refund(key, line, amount, TODAY, "Payee");
                case ADJUST_UP -> new LedgerCommand.Adjustment(key, line, Direction.INCREASE, amount, TODAY, "Correction");
                case ADJUST_DOWN -> new LedgerCommand.Adjustment(key, line, Direction.DECREASE, amount, TODAY, "Correction");
                case RECOVER -> new LedgerCommand.Recovery(key, line, amount, TODAY, "Unused", Optional.empty());
                case REPLAY -> accepted.isEmpty() ? null : accepted.get(s.replayIndex() % accepted.size());
            };
            if (command == null) {
                continue;
            }
            try {
                LedgerEntry result = budgets.record(gp, id, command);
                if (s.op() == Op.REPLAY) {
                    assertThat(result).isEqualTo(firstResults.get(accepted.indexOf(command)));
                    assertThat(budgets.ledger(gp, id).entries()).isEqualTo(before);
                } else {
                    accepted.add(command);
                    firstResults.add(result);
                    assertThat(budgets.ledger(gp, id).entries()).hasSizeGreaterThan(before.size());
                }
            } catch (PersonalCareException refused) {
                assertThat(s.op()).isNotEqualTo(Op.REPLAY);
                assertThat(budgets.ledger(gp, id).entries()).isEqualTo(before);
            }
            checkInvariants(budgets.get(gp, id).value(), budgets.ledger(gp, id));
        }
    }

    private static void checkInvariants(PersonalHealthBudget budget, Ledger ledger) {
        long total = 0;
        for (BudgetLineCode line : LINES) {
            long expected = 0;
            for (LedgerEntry e : ledger.entries()) {
                if (!e.line().equals(line)) {
                    continue;
                }
                long a = e.amount().pence();
                expected += switch (e.kind()) {
                    case ALLOCATION, REFUND -> a;
                    case SPEND, RECOVERY -> -a;
                    case ADJUSTMENT -> e.direction() == Direction.INCREASE ? a : -a;
                };
            }
            assertThat(ledger.balance(line).pence()).isEqualTo(expected);
            assertThat(budget.balance(line).pence()).isEqualTo(expected);
            assertThat(budget.account(line)).contains(ledger.account(line));
            assertThat(expected).isGreaterThanOrEqualTo(0);
            total += expected;
        }
        assertThat(ledger.balance().pence()).isEqualTo(total);
        assertThat(budget.balance().pence()).isEqualTo(total);
        Statement statement = ledger.statement(budget.periodOn(TODAY).orElseThrow(), LINES);
        assertThat(statement.closing().pence()).isEqualTo(total);
        assertThat(statement.lines().stream().mapToLong(l -> l.closing().pence()).sum()).isEqualTo(total);
    }
}
