package io.github.personalcare.fhir;

import io.github.personalcare.record.PatientRecord;
import io.github.personalcare.budget.AccountKind;
import io.github.personalcare.budget.BudgetHolder;
import io.github.personalcare.budget.BudgetId;
import io.github.personalcare.budget.BudgetLine;
import io.github.personalcare.budget.BudgetLineCode;
import io.github.personalcare.budget.BudgetStatus;
import io.github.personalcare.budget.Direction;
import io.github.personalcare.budget.Eligibility;
import io.github.personalcare.budget.EligibilityReason;
import io.github.personalcare.budget.EntryKind;
import io.github.personalcare.budget.Ledger;
import io.github.personalcare.budget.LedgerEntry;
import io.github.personalcare.budget.LedgerEntryId;
import io.github.personalcare.budget.LineAccount;
import io.github.personalcare.budget.Management;
import io.github.personalcare.budget.Money;
import io.github.personalcare.budget.NoticeId;
import io.github.personalcare.budget.PaymentAccount;
import io.github.personalcare.budget.PersonalHealthBudget;
import io.github.personalcare.budget.Recipient;
import io.github.personalcare.budget.SpendCategory;
import io.github.personalcare.budget.StatusChange;
import io.github.personalcare.budget.StatusReason;
import io.github.personalcare.careplan.CarePlanId;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Ada's personal health budget: one line of each management option (R14) and a ledger of every entry kind. */
final class BudgetFixtures {
    static final BudgetId BUDGET = new BudgetId(UUID.fromString("6b0f7c2e-1d3a-4c55-9e8f-0a1b2c3d4e5f"));
    static final CarePlanId PLAN = new CarePlanId(UUID.fromString("0c9e8d7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f"));
    static final BudgetLineCode CARER_HOURS = BudgetLineCode.of("CARER-HOURS");
    static final BudgetLineCode PHYSIO = BudgetLineCode.of("PHYSIO");
    static final BudgetLineCode EQUIPMENT = BudgetLineCode.of("EQUIPMENT");
    static final OdsCode THIRD_PARTY = OdsCode.of("8HX12");
    static final UserId NOMINEE = UserId.of("nominee.sam");
    static final String RECORDED_BY = Fixtures.NURSE.reference();

    private BudgetFixtures() {
    }

    static List<BudgetLine> lines() {
        return List.of(
                new BudgetLine(CARER_HOURS, SpendCategory.PERSONAL_ASSISTANT, Money.ofPounds(12_000),
                        Management.directPayment(Recipient.nominee(NOMINEE, LocalDate.of(2025, 3, 1)),
                                new PaymentAccount(AccountKind.PREPAID_CARD, "CARD-0042", LocalDate.of(2025, 3, 10)))),
                new BudgetLine(PHYSIO, SpendCategory.THERAPY, Money.parse("1800.50"),
                        Management.thirdParty("Brightside Support CIC", Optional.of(THIRD_PARTY))),
                new BudgetLine(EQUIPMENT, SpendCategory.EQUIPMENT, Money.ofPounds(750), Management.notional()));
    }

    static List<LedgerEntry> ledger() {
        return List.of(
                entry(1, EntryKind.ALLOCATION, Direction.INCREASE, CARER_HOURS, 1_000_000, Optional.empty(), Optional.empty()),
                entry(2, EntryKind.ALLOCATION, Direction.INCREASE, PHYSIO, 180_050, Optional.empty(), Optional.empty()),
                entry(3, EntryKind.ALLOCATION, Direction.INCREASE, EQUIPMENT, 75_000, Optional.empty(), Optional.empty()),
                entry(4, EntryKind.SPEND, Direction.DECREASE, CARER_HOURS, 1_250, Optional.of(SpendCategory.PERSONAL_ASSISTANT), Optional.empty()),
                entry(5, EntryKind.REFUND, Direction.INCREASE, CARER_HOURS, 250, Optional.empty(), Optional.empty()),
                entry(6, EntryKind.ADJUSTMENT, Direction.DECREASE, PHYSIO, 50, Optional.empty(), Optional.of("rounding of the first invoice")),
                new LedgerEntry(id(7), BUDGET, Fixtures.ADA_ID, "recover-7", EntryKind.RECOVERY, Direction.DECREASE,
                        CARER_HOURS, Money.ofPence(999), LocalDate.of(2025, 6, 2), Optional.empty(), Optional.empty(),
                        Optional.of("unused money, reg. 15"),
                        Optional.of(new NoticeId(UUID.fromString("11111111-2222-4333-8444-555555555555"))),
                        Optional.empty(), RECORDED_BY, Instant.parse("2025-06-02T10:00:00Z")));
    }

    private static LedgerEntryId id(int n) {
        return new LedgerEntryId(UUID.fromString("00000000-0000-4000-8000-00000000000" + n));
    }

    private static LedgerEntry entry(int n, EntryKind kind, Direction direction, BudgetLineCode line, long pence,
            Optional<SpendCategory> category, Optional<String> reason) {
        return new LedgerEntry(id(n), BUDGET, Fixtures.ADA_ID, "cmd-" + n, kind, direction, line, Money.ofPence(pence),
                LocalDate.of(2025, 4, n), category, kind == EntryKind.SPEND ? Optional.of("Jo's care agency") : Optional.empty(),
                reason, Optional.empty(), Optional.empty(), RECORDED_BY, Instant.parse("2025-04-0" + n + "T09:30:00Z"));
    }

    /** Ada's active budget, with the totals of {@link #ledger()}. */
    static PersonalHealthBudget budget() {
        Ledger ledger = new Ledger(BUDGET, ledger());
        List<BudgetLine> lines = lines();
        List<LineAccount> totals = lines.stream().map(l -> ledger.account(l.code())).toList();
        return new PersonalHealthBudget(BUDGET, Fixtures.ADA_ID, PLAN,
                new Eligibility(EligibilityReason.CONTINUING_HEALTHCARE, LocalDate.of(2025, 2, 1)),
                BudgetHolder.patient(), lines, LocalDate.of(2025, 4, 1), 12, BudgetStatus.ACTIVE,
                List.of(new StatusChange(BudgetStatus.PROPOSED, LocalDate.of(2025, 3, 1), StatusReason.PROPOSED_FOR_PLAN, Optional.empty()),
                        new StatusChange(BudgetStatus.ACTIVE, LocalDate.of(2025, 4, 1), StatusReason.PLAN_AGREED, Optional.empty())),
                totals, Optional.of(LocalDate.of(2026, 3, 1)), Optional.of(LocalDate.of(2025, 4, 1)), List.of(), List.of(),
                List.of(), Optional.empty());
    }

    /** Ada's whole record with her budget and its ledger. */
    static PatientRecord record() {
        return PatientRecord.builder(Fixtures.ada()).audit(Fixtures.adaAudit()).budgets(List.of(budget()))
                .ledger(ledger()).build();
    }
}
