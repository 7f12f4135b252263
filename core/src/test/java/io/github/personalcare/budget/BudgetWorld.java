package io.github.personalcare.budget;

import io.github.personalcare.patient.RegisteredPractice;
import io.github.personalcare.internal.AccessGuard;
import io.github.personalcare.spi.CareRelationship;
import io.github.personalcare.internal.SelfAndCareTeamPolicy;
import io.github.personalcare.audit.AuditEvent;
import io.github.personalcare.careplan.CarePlan;
import io.github.personalcare.careplan.CarePlanContent;
import io.github.personalcare.careplan.CarePlanId;
import io.github.personalcare.careplan.CareWorld;
import io.github.personalcare.careplan.SupportItem;
import io.github.personalcare.patient.PatientFlag;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.lang.Versioned;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A patient with a care team (from {@link CareWorld}) and a care plan agreed by the patient and
 * co-signed by the lead GP whose support section funds three budget lines: personal assistant
 * hours by direct payment, physiotherapy held notionally, and equipment through a third party.
 */
final class BudgetWorld {
    static final BudgetLineCode PA = BudgetLineCode.of("PA-HOURS");
    static final BudgetLineCode PHYSIO = BudgetLineCode.of("PHYSIO");
    static final BudgetLineCode EQUIP = BudgetLineCode.of("EQUIP");
    static final String ACCOUNT = "DP-ACC-1";
    static final String PAYEE = "Bright Days Care Agency, Mrs Pemberton";

    final CareWorld w;
    final LocalDate today;

    BudgetWorld() {
        this(new CareWorld());
    }

    BudgetWorld(Set<PatientFlag> flags, LocalDate dateOfBirth) {
        this(new CareWorld(flags, dateOfBirth));
    }

    private BudgetWorld(CareWorld w) {
        this.w = w;
        this.today = w.today();
    }

    BudgetService budgets() {
        return w.care.budgets();
    }

    PatientId patient() {
        return w.patient;
    }

    /** Agrees a plan funding the given lines, reviewed in two months (R22 allows at most three). */
    Versioned<CarePlan> agreedPlanFunding(BudgetLineCode... codes) {
        List<SupportItem> items = new ArrayList<>();
        for (BudgetLineCode c : codes) {
            items.add(SupportItem.fundedBy("Funded support " + c.value(), c.value()));
        }
        CarePlanContent content = CareWorld.complete(today.plusMonths(2)).withSupportAndServices(items);
        var v = w.care.carePlans().draft(w.self, w.patient, content);
        CarePlanId id = v.value().id();
        v = w.care.carePlans().propose(w.self, id, v.version());
        v = w.care.carePlans().agree(w.self, id, v.version());
        return w.care.carePlans().coSign(w.gp, id, v.version());
    }

    static Management.DirectPayment directPayment(LocalDate on) {
        return Management.directPayment(Recipient.patient(on),
                new PaymentAccount(AccountKind.DEDICATED_ACCOUNT, ACCOUNT, on));
    }

    List<BudgetLine> standardLines() {
        return List.of(
                new BudgetLine(PA, SpendCategory.PERSONAL_ASSISTANT, Money.parse("6000.00"), directPayment(today.minusDays(10))),
                new BudgetLine(PHYSIO, SpendCategory.THERAPY, Money.parse("1200.00"), Management.notional()),
                new BudgetLine(EQUIP, SpendCategory.EQUIPMENT, Money.parse("800.00"),
                        Management.thirdParty("Independent Living Trust", Optional.empty())));
    }

    BudgetProposal proposal(CarePlanId plan, List<BudgetLine> lines) {
        return new BudgetProposal(w.patient, plan, new Eligibility(EligibilityReason.CONTINUING_HEALTHCARE, today),
                BudgetHolder.patient(), lines, today);
    }

    /** Proposes the three-line budget against a plan funding all three lines. */
    PersonalHealthBudget proposed() {
        CarePlanId plan = agreedPlanFunding(PA, PHYSIO, EQUIP).value().id();
        return budgets().propose(w.gp, proposal(plan, standardLines())).value();
    }

    /** Proposes and activates the three-line budget. */
    PersonalHealthBudget active() {
        PersonalHealthBudget proposed = proposed();
        return budgets().activate(w.gp, proposed.id(), 1).value();
    }

    /** An active budget with £3,000 paid into the direct-payment line, £1,200 physio and £800 equipment. */
    PersonalHealthBudget funded() {
        PersonalHealthBudget b = active();
        budgets().allocate(w.gp, b.id(), LedgerCommand.Allocation.directPayment("pay-1", PA, Money.parse("3000.00"),
                today, ACCOUNT));
        budgets().allocate(w.gp, b.id(), LedgerCommand.Allocation.of("alloc-physio", PHYSIO, Money.parse("1200.00"), today));
        budgets().allocate(w.gp, b.id(), LedgerCommand.Allocation.of("alloc-equip", EQUIP, Money.parse("800.00"), today));
        return budgets().get(w.gp, b.id()).value();
    }

    /** The budget's stored version: what its next lifecycle command expects. */
    long version(BudgetId id) {
        return stored(id).version();
    }

    /** The notice a notice command just issued: the last of the budget's notices. */
    static WrittenNotice lastNotice(Versioned<PersonalHealthBudget> budget) {
        List<WrittenNotice> notices = budget.value().notices();
        return notices.get(notices.size() - 1);
    }

    /** The review task a review command just raised: the last of the budget's tasks. */
    static ReviewTask lastTask(Versioned<PersonalHealthBudget> budget) {
        List<ReviewTask> tasks = budget.value().reviewTasks();
        return tasks.get(tasks.size() - 1);
    }

    LedgerCommand.Spend spend(String key, BudgetLineCode line, String amount, SpendCategory category) {
        return LedgerCommand.Spend.of(key, line, Money.parse(amount), today, category, PAYEE);
    }

    /** The ledger straight from storage (no guard): for asserting "nothing stored". */
    List<LedgerEntry> storedEntries(BudgetId id) {
        return w.storage.inTransaction(tx -> tx.entries(BudgetStores.LEDGER).byOwner(id));
    }

    /** The budget straight from storage. */
    Versioned<PersonalHealthBudget> stored(BudgetId id) {
        return w.storage.inTransaction(tx -> tx.aggregates(BudgetStores.BUDGETS).get(id));
    }

    /** A budget service over the same storage, run under another policy (as a builder option would). */
    BudgetService budgetsUnder(BudgetPolicy policy) {
        AccessGuard guard = new AccessGuard(w.storage,
                new SelfAndCareTeamPolicy(new RegisteredPractice()), w.clock);
        return new BudgetService(guard, policy, AgreedPlanLines.carePlans(), new io.github.personalcare.internal.ChangeHooks());
    }

    /** The patient's audit events, oldest first, straight from storage. */
    List<AuditEvent> audit() {
        return w.storage.inTransaction(tx -> tx.audit().forPatient(w.patient)).stream()
                .map(r -> r.event()).toList();
    }

    int outboxSize() {
        return w.outboxSize();
    }
}
