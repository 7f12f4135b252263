package io.github.personalcare.testkit;

import io.github.personalcare.budget.AccountKind;
import io.github.personalcare.budget.AgreedPlan;
import io.github.personalcare.budget.AuditedOverride;
import io.github.personalcare.budget.BudgetHolder;
import io.github.personalcare.budget.BudgetId;
import io.github.personalcare.budget.BudgetLine;
import io.github.personalcare.budget.BudgetLineCode;
import io.github.personalcare.budget.BudgetPolicy;
import io.github.personalcare.budget.BudgetReview;
import io.github.personalcare.budget.BudgetStatus;
import io.github.personalcare.budget.BudgetStores;
import io.github.personalcare.budget.DirectPaymentStop;
import io.github.personalcare.budget.Eligibility;
import io.github.personalcare.budget.EligibilityReason;
import io.github.personalcare.budget.EntryKind;
import io.github.personalcare.budget.HolderKind;
import io.github.personalcare.budget.LedgerCommand;
import io.github.personalcare.budget.LedgerEntry;
import io.github.personalcare.budget.LedgerEntryId;
import io.github.personalcare.budget.Management;
import io.github.personalcare.budget.Money;
import io.github.personalcare.budget.NoticeId;
import io.github.personalcare.budget.PaymentAccount;
import io.github.personalcare.budget.PersonalHealthBudget;
import io.github.personalcare.budget.ProposedSpend;
import io.github.personalcare.budget.Recipient;
import io.github.personalcare.budget.ReconsiderationOutcome;
import io.github.personalcare.budget.Repayer;
import io.github.personalcare.budget.ReviewTask;
import io.github.personalcare.budget.ReviewTaskId;
import io.github.personalcare.budget.ReviewTaskKind;
import io.github.personalcare.budget.SpendCategory;
import io.github.personalcare.budget.SpendRejectedException;
import io.github.personalcare.budget.SpendingRule;
import io.github.personalcare.budget.StatusReason;
import io.github.personalcare.budget.StopReason;
import io.github.personalcare.budget.WrittenNotice;
import io.github.personalcare.careplan.CarePlanId;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.patient.PatientFlag;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.spi.DuplicateKeyException;
import io.github.personalcare.spi.GroupTotal;
import io.github.personalcare.spi.Query;
import io.github.personalcare.lang.VersionConflictException;
import io.github.personalcare.lang.Versioned;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Personal health budgets and their ledgers in storage: every part of a budget survives a round
 * trip (sealed management options, notices, reviews), budgets are found by their indexes,
 * ledger entries keep their order and their idempotency keys, and, the case that matters most,
 * sixteen threads spending from one budget at once never overdraw it and lose no spend (R17):
 * each spend reads the budget, checks the {@link SpendingRule}s, appends its entry and updates
 * the budget at the version it read, so the budget's version is the lock.
 */
public abstract class BudgetStorageContract extends StorageContract {
    /** For the adapter's subclass, which supplies the storage under test. */
    protected BudgetStorageContract() {
    }

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final BudgetLineCode PA = BudgetLineCode.of("PA-HOURS");
    private static final BudgetLineCode PHYSIO = BudgetLineCode.of("PHYSIO");
    private static final BudgetLineCode EQUIP = BudgetLineCode.of("EQUIP");
    private static final int THREADS = 16;

    private static Patient patient() {
        return new Patient(PatientId.random(), NhsNumber.parse("9434765870"), NhsNumberVerification.VERIFIED,
                new PersonName("Ada", "Quarrington"), LocalDate.of(1950, 12, 10), Set.of(PatientFlag.DIRECT_PAYMENT_EXCLUDED),
                Optional.of(OdsCode.of("A81001")), Optional.empty());
    }

    private static AgreedPlan plan(CarePlanId id) {
        return new AgreedPlan(id, Set.of(PA, PHYSIO, EQUIP), Optional.of(TODAY.plusMonths(2)));
    }

    /**
     * An active three-line budget: direct payment (with a Schedule override), notional, third party.
     *
     * @param person the patient the budget is for
     * @param reason why the person has the budget
     * @return the budget, {@code ACTIVE}, not yet stored
     */
    protected static PersonalHealthBudget activeBudget(Patient person, EligibilityReason reason) {
        CarePlanId planId = CarePlanId.random();
        AuditedOverride override = new AuditedOverride(UserId.of("ICB-CD-1"), "Panel decision after risk review");
        List<BudgetLine> lines = List.of(
                new BudgetLine(PA, SpendCategory.PERSONAL_ASSISTANT, Money.parse("6000.00"), Management.directPayment(
                        Recipient.patient(TODAY), new PaymentAccount(AccountKind.PREPAID_CARD, "CARD-9", TODAY))
                        .withScheduleOverride(override)),
                new BudgetLine(PHYSIO, SpendCategory.THERAPY, Money.parse("1200.00"), Management.notional()),
                new BudgetLine(EQUIP, SpendCategory.EQUIPMENT, Money.parse("800.00"),
                        Management.thirdParty("Independent Living Trust", Optional.of(OdsCode.of("RH8")))));
        PersonalHealthBudget proposed = PersonalHealthBudget.propose(BudgetId.random(), person, planId,
                new Eligibility(reason, TODAY), BudgetHolder.person(HolderKind.NOMINEE,
                        UserId.of("NOM-1")), lines, TODAY, BudgetPolicy.defaults().allowingScheduleOverride(), TODAY);
        return proposed.activate(Optional.of(plan(planId)), TODAY);
    }

    private static LedgerEntry entry(PersonalHealthBudget b, LedgerCommand command) {
        return command.toEntry(LedgerEntryId.random(), b.id(), b.patient(), "professional:GP-1@A81001/GENERAL_PRACTITIONER", NOW);
    }

    /** Appends the entry and updates the budget at the version read, in one transaction. */
    private PersonalHealthBudget record(BudgetId id, LedgerCommand command) {
        return storage.inTransaction(tx -> {
            var budgets = tx.aggregates(BudgetStores.BUDGETS);
            Versioned<PersonalHealthBudget> current = budgets.get(id);
            LedgerEntry e = entry(current.value(), command);
            if (e.kind() == EntryKind.SPEND) {
                SpendingRule.checkAll(SpendingRule.standard(), new ProposedSpend(current.value(), e,
                        Optional.of(plan(current.value().carePlan())), BudgetPolicy.defaults(), TODAY));
            }
            PersonalHealthBudget next = current.value().record(e, BudgetPolicy.defaults());
            tx.entries(BudgetStores.LEDGER).append(e);
            budgets.update(next, current.version());
            return next;
        });
    }

    private void append(LedgerEntry... entries) {
        storage.inTransaction(tx -> {
            for (LedgerEntry e : entries) {
                tx.entries(BudgetStores.LEDGER).append(e);
            }
            return null;
        });
    }

    private PersonalHealthBudget insert(PersonalHealthBudget b) {
        storage.inTransaction(tx -> tx.aggregates(BudgetStores.BUDGETS).insert(b));
        return b;
    }

    @Test
    void aBudgetWithEveryPartOfItsStateRoundTrips() {
        PersonalHealthBudget b = activeBudget(patient(), EligibilityReason.S117_AFTERCARE);
        b = b.record(entry(b, LedgerCommand.Allocation.directPayment("pay-1", PA, Money.parse("3000.00"), TODAY,
                "CARD-9")), BudgetPolicy.defaults());
        WrittenNotice notice = WrittenNotice.repayment(NoticeId.random(), TODAY, "A substantial amount is unused", PA,
                Money.parse("100.00"), TODAY.plusDays(28), Repayer.PATIENT);
        b = b.issue(notice).requestReconsideration(notice.id(), TODAY)
                .decideReconsideration(notice.id(), ReconsiderationOutcome.UPHELD, "The money is not needed", TODAY);
        b = b.raise(new ReviewTask(ReviewTaskId.random(), ReviewTaskKind.SHORTFALL, TODAY, Optional.of(PA),
                Optional.empty()));
        b = b.completeReview(new BudgetReview(TODAY, true, false, true, Optional.of("Hours changed")),
                Optional.of(TODAY.plusMonths(6)));
        b = b.suspend(StatusReason.CONCERN_ABOUT_USE, Optional.of("Looking into receipts"), TODAY);
        PersonalHealthBudget full = b.stopDirectPayments(new DirectPaymentStop(StopReason.MISUSE, TODAY));
        insert(full);

        Versioned<PersonalHealthBudget> back = storage.inTransaction(tx ->
                tx.aggregates(BudgetStores.BUDGETS).get(full.id()));

        assertThat(back.value()).isEqualTo(full);
        assertThat(back.version()).isEqualTo(1);
    }

    @Test
    void budgetsAreFoundByStatusCohortDirectPaymentPlanAndReviewDate() {
        PersonalHealthBudget chc = insert(activeBudget(patient(), EligibilityReason.CONTINUING_HEALTHCARE));
        PersonalHealthBudget wheelchair = insert(activeBudget(patient(), EligibilityReason.WHEELCHAIR)
                .suspend(StatusReason.PERSON_AWAY, Optional.empty(), TODAY));

        List<Versioned<PersonalHealthBudget>> active = storage.inTransaction(tx -> tx.aggregates(BudgetStores.BUDGETS)
                .query(Query.where("status").is(BudgetStatus.ACTIVE)));
        List<Versioned<PersonalHealthBudget>> byCohort = storage.inTransaction(tx -> tx.aggregates(BudgetStores.BUDGETS)
                .query(Query.where("cohort").is(EligibilityReason.WHEELCHAIR)));
        List<Versioned<PersonalHealthBudget>> byPlan = storage.inTransaction(tx -> tx.aggregates(BudgetStores.BUDGETS)
                .query(Query.where("care_plan").is(chc.carePlan())));
        List<Versioned<PersonalHealthBudget>> due = storage.inTransaction(tx -> tx.aggregates(BudgetStores.BUDGETS)
                .query(Query.where("direct_payment").is(true).and("next_review_due").onOrBefore(TODAY.plusMonths(2))));

        assertThat(active).extracting(v -> v.value().id()).containsExactly(chc.id());
        assertThat(byCohort).extracting(v -> v.value().id()).containsExactly(wheelchair.id());
        assertThat(byPlan).extracting(v -> v.value().id()).containsExactly(chc.id());
        assertThat(due).extracting(v -> v.value().id()).containsExactlyInAnyOrder(chc.id(), wheelchair.id());
    }

    @Test
    void ledgerTotalsByDateAndCategoryAreComputedByTheStorageOverCommittedAndOwnEntries() {
        PersonalHealthBudget a = insert(activeBudget(patient(), EligibilityReason.CONTINUING_HEALTHCARE));
        PersonalHealthBudget b = insert(activeBudget(patient(), EligibilityReason.WHEELCHAIR));
        // Entries appended straight to the ledger (the budget's own rules are not this contract's subject),
        // on several dates; one transaction per patient.
        append(entry(a, LedgerCommand.Allocation.of("alloc-a", PHYSIO, Money.parse("1200.00"), TODAY.minusDays(10))),
                entry(a, LedgerCommand.Spend.of("inv-a1", PHYSIO, Money.parse("40.00"), TODAY.minusDays(2),
                        SpendCategory.THERAPY, "Physio Practice Ltd")),
                entry(a, LedgerCommand.Spend.of("inv-a2", PHYSIO, Money.parse("5.00"), TODAY.minusDays(40),
                        SpendCategory.THERAPY, "Physio Practice Ltd")));
        append(entry(b, LedgerCommand.Allocation.of("alloc-b", PHYSIO, Money.parse("1200.00"), TODAY.minusDays(10))),
                entry(b, LedgerCommand.Spend.of("inv-b1", PHYSIO, Money.parse("60.01"), TODAY.minusDays(2),
                        SpendCategory.THERAPY, "Physio Practice Ltd")),
                entry(b, LedgerCommand.Spend.of("inv-b2", EQUIP, Money.parse("99.99"), TODAY.minusDays(2),
                        SpendCategory.EQUIPMENT, "Mobility Shop")));
        Query lastMonth = Query.where("kind").is(EntryKind.SPEND).and("entry_date").onOrAfter(TODAY.minusDays(30))
                .and("entry_date").before(TODAY.plusDays(1));

        List<GroupTotal> byCategory = storage.inTransaction(tx -> tx.entries(BudgetStores.LEDGER)
                .total(lastMonth, List.of("entry_date", "category"), "amount_pence"));
        List<GroupTotal> withOwnWrite = storage.inTransaction(tx -> {
            LedgerEntry more = entry(b, LedgerCommand.Spend.of("inv-b3", EQUIP, Money.parse("0.01"), TODAY,
                    SpendCategory.EQUIPMENT, "Mobility Shop"));
            tx.entries(BudgetStores.LEDGER).append(more);
            return tx.entries(BudgetStores.LEDGER).total(lastMonth, List.of(), "amount_pence");
        });
        List<GroupTotal> onePatient = storage.inTransaction(tx -> tx.entries(BudgetStores.LEDGER)
                .total(Query.forPatient(a.patient()).and("kind").is(EntryKind.SPEND), List.of(), "amount_pence"));

        assertThat(byCategory).containsExactlyInAnyOrder(
                new GroupTotal(List.of(TODAY.minusDays(2), SpendCategory.THERAPY.code()), 2, 10_001),
                new GroupTotal(List.of(TODAY.minusDays(2), SpendCategory.EQUIPMENT.code()), 1, 9_999));
        assertThat(withOwnWrite).containsExactly(new GroupTotal(List.of(), 4, 20_001));
        assertThat(onePatient).containsExactly(new GroupTotal(List.of(), 2, 4_500));
        List<GroupTotal> refunds = storage.inTransaction(tx -> tx.entries(BudgetStores.LEDGER)
                .total(Query.where("kind").is(EntryKind.REFUND), List.of("category"), "amount_pence"));
        assertThat(refunds).isEmpty();
    }

    @Test
    void aLedgerTotalOverAnUndeclaredOrNonNumberIndexIsRefused() {
        assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> storage.inTransaction(tx ->
                tx.entries(BudgetStores.LEDGER).total(Query.all(), List.of("payee"), "amount_pence")));
        assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> storage.inTransaction(tx ->
                tx.entries(BudgetStores.LEDGER).total(Query.all(), List.of(), "category")));
        assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> storage.inTransaction(tx ->
                tx.entries(BudgetStores.LEDGER).total(Query.all().andPatientHas(BudgetStores.BUDGETS, Query.all()),
                        List.of(), "amount_pence")));
    }

    @Test
    void ledgerEntriesKeepTheirOrderAndEveryField() {
        PersonalHealthBudget b = insert(activeBudget(patient(), EligibilityReason.CONTINUING_HEALTHCARE));
        record(b.id(), LedgerCommand.Allocation.of("alloc-1", PHYSIO, Money.parse("1200.00"), TODAY));
        record(b.id(), LedgerCommand.Spend.of("inv-1", PHYSIO, Money.parse("40.00"), TODAY, SpendCategory.THERAPY,
                "Physio Practice Ltd").approvedBy(UserId.of("ICB-MGR-1")));
        record(b.id(), new LedgerCommand.Recovery("rec-1", PHYSIO, Money.parse("0.01"), TODAY, "Unused",
                Optional.empty()));

        List<LedgerEntry> entries = storage.inTransaction(tx -> tx.entries(BudgetStores.LEDGER).byOwner(b.id()));

        assertThat(entries).extracting(LedgerEntry::idempotencyKey).containsExactly("alloc-1", "inv-1", "rec-1");
        LedgerEntry spend = entries.get(1);
        assertThat(spend.category()).contains(SpendCategory.THERAPY);
        assertThat(spend.payee()).contains("Physio Practice Ltd");
        assertThat(spend.approvedBy()).contains(UserId.of("ICB-MGR-1"));
        assertThat(spend.amount()).isEqualTo(Money.ofPence(4_000));
        assertThat(spend.recordedAt()).isEqualTo(NOW);
        assertThat(entries.get(2).reason()).contains("Unused");
        Optional<LedgerEntry> byKey = storage.inTransaction(tx -> tx.entries(BudgetStores.LEDGER).findByKey(b.id(), "inv-1"));
        assertThat(byKey).contains(spend);
    }

    @Test
    void aRepeatedIdempotencyKeyStoresNothingAndLeavesTheBudgetAsItWas() {
        PersonalHealthBudget b = insert(activeBudget(patient(), EligibilityReason.CONTINUING_HEALTHCARE));
        record(b.id(), LedgerCommand.Allocation.of("alloc-1", PHYSIO, Money.parse("1200.00"), TODAY));

        assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() ->
                record(b.id(), LedgerCommand.Allocation.of("alloc-1", PHYSIO, Money.parse("1200.00"), TODAY)));

        List<LedgerEntry> entries = storage.inTransaction(tx -> tx.entries(BudgetStores.LEDGER).byOwner(b.id()));
        assertThat(entries).hasSize(1);
        Versioned<PersonalHealthBudget> stored = storage.inTransaction(tx -> tx.aggregates(BudgetStores.BUDGETS).get(b.id()));
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.value().balance(PHYSIO).pence()).isEqualTo(120_000);
    }

    @Test
    void sixteenThreadsSpendingAtOnceNeverOverdrawTheBudgetAndLoseNoSpend() throws Exception {
        PersonalHealthBudget b = insert(activeBudget(patient(), EligibilityReason.CONTINUING_HEALTHCARE));
        record(b.id(), LedgerCommand.Allocation.of("alloc-1", PHYSIO, Money.parse("100.00"), TODAY));
        long allocated = 10_000;
        long each = 300;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<List<String>>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Callable<List<String>> spender = () -> {
                List<String> mine = new ArrayList<>();
                start.await();
                int i = 0;
                while (true) {
                    String key = "t" + thread + "-" + i;
                    try {
                        record(b.id(), LedgerCommand.Spend.of(key, PHYSIO, Money.ofPence(each), TODAY,
                                SpendCategory.THERAPY, "Physio Practice Ltd"));
                        mine.add(key);
                        i++;
                    } catch (VersionConflictException lostTheRace) {
                        // nothing was stored: read the budget again and retry the same spend
                    } catch (SpendRejectedException exhausted) {
                        assertThat(exhausted.reason()).isEqualTo(SpendRejectedException.Reason.INSUFFICIENT_FUNDS);
                        return mine;
                    }
                }
            };
            futures.add(pool.submit(spender));
        }
        start.countDown();
        List<String> accepted = new ArrayList<>();
        for (Future<List<String>> f : futures) {
            accepted.addAll(f.get());
        }
        pool.shutdown();

        List<LedgerEntry> spends = storage.inTransaction(tx -> tx.entries(BudgetStores.LEDGER).byOwner(b.id()))
                .stream().filter(e -> e.kind() == EntryKind.SPEND).toList();
        long spent = spends.stream().mapToLong(e -> e.amount().pence()).sum();
        PersonalHealthBudget after = storage.inTransaction(tx -> tx.aggregates(BudgetStores.BUDGETS).get(b.id())).value();
        assertThat(spent).isLessThanOrEqualTo(allocated);
        assertThat(spends).extracting(LedgerEntry::idempotencyKey).containsExactlyInAnyOrderElementsOf(accepted);
        assertThat(accepted).hasSize((int) (allocated / each));
        assertThat(after.balance(PHYSIO).pence()).isEqualTo(allocated - spent).isEqualTo(allocated % each);
        assertThat(after.account(PHYSIO).orElseThrow().spent()).isEqualTo(spent);
    }
}
