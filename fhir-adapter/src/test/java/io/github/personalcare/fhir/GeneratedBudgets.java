package io.github.personalcare.fhir;

import io.github.personalcare.record.PatientRecord;
import io.github.personalcare.budget.AccountKind;
import io.github.personalcare.budget.AuditedOverride;
import io.github.personalcare.budget.BudgetHolder;
import io.github.personalcare.budget.BudgetId;
import io.github.personalcare.budget.BudgetLine;
import io.github.personalcare.budget.BudgetLineCode;
import io.github.personalcare.budget.BudgetStatus;
import io.github.personalcare.budget.Direction;
import io.github.personalcare.budget.Eligibility;
import io.github.personalcare.budget.EligibilityReason;
import io.github.personalcare.budget.EntryKind;
import io.github.personalcare.budget.HolderKind;
import io.github.personalcare.budget.Ledger;
import io.github.personalcare.budget.LedgerEntry;
import io.github.personalcare.budget.LedgerEntryId;
import io.github.personalcare.budget.LineAccount;
import io.github.personalcare.budget.Management;
import io.github.personalcare.budget.Money;
import io.github.personalcare.budget.PaymentFrequency;
import io.github.personalcare.budget.NoticeId;
import io.github.personalcare.budget.PaymentAccount;
import io.github.personalcare.budget.PersonalHealthBudget;
import io.github.personalcare.budget.Recipient;
import io.github.personalcare.budget.RecipientKind;
import io.github.personalcare.budget.SpendCategory;
import io.github.personalcare.budget.StatusChange;
import io.github.personalcare.budget.StatusReason;
import io.github.personalcare.careplan.CarePlanId;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators of personal health budgets with their ledgers, valid by construction: lines of
 * every management option (R14), entries of every kind with amounts up to a million pounds, and
 * line totals that are the sums of the entries (as the budget keeps them).
 */
final class GeneratedBudgets {
    private GeneratedBudgets() {
    }

    /** A budget and its ledger, in recording order. */
    record BudgetWithLedger(PersonalHealthBudget budget, List<LedgerEntry> ledger) {
    }

    static Arbitrary<LocalDate> dates() {
        return Arbitraries.integers().between(0, 9_000).map(d -> LocalDate.of(2013, 8, 1).plusDays(d));
    }

    static Arbitrary<Long> pence() {
        return Arbitraries.oneOf(Arbitraries.longs().between(1, 1_000),
                Arbitraries.longs().between(1, 100_000_000L), Arbitraries.of(1L, 99L, 100L, 101L, 1_050L));
    }

    static Arbitrary<SpendCategory> categories() {
        return Arbitraries.oneOf(
                Arbitraries.of(SpendCategory.PERSONAL_CARE, SpendCategory.PERSONAL_ASSISTANT, SpendCategory.THERAPY,
                        SpendCategory.EQUIPMENT, SpendCategory.WHEELCHAIR, SpendCategory.RESPITE,
                        SpendCategory.TRANSPORT, SpendCategory.ACTIVITIES),
                // the supplier's own list (published complete for the validator: TestSupplierCodes)
                Arbitraries.of(TestSupplierCodes.OWN_SPEND_CATEGORIES).map(SpendCategory::of));
    }

    static Arbitrary<Management> managements() {
        Arbitrary<Management> thirdParty = Combinators.combine(
                        Arbitraries.of("Brightside Support CIC", "Care & Co Ltd", "Ty Gwyn Trust"),
                        GeneratedRecords.odsCodes().optional(0.6))
                .as(Management::thirdParty);
        Arbitrary<Recipient> recipients = Combinators.combine(Arbitraries.of(RecipientKind.class),
                        GeneratedRecords.userIds(), dates())
                .as((kind, user, on) -> new Recipient(kind, kind == RecipientKind.PATIENT ? Optional.empty()
                        : Optional.of(user), on));
        Arbitrary<PaymentAccount> accounts = Combinators.combine(Arbitraries.of(AccountKind.class),
                        Arbitraries.strings().withCharRange('A', 'Z').withCharRange('0', '9').withChars('-')
                                .ofMinLength(1).ofMaxLength(40), dates())
                .as(PaymentAccount::new);
        Arbitrary<Optional<AuditedOverride>> overrides = Combinators.combine(GeneratedRecords.userIds(),
                GeneratedRecords.reasons()).as(AuditedOverride::new).optional(0.2);
        Arbitrary<Management> direct = Combinators.combine(recipients, accounts, overrides)
                .as(Management.DirectPayment::new);
        return Arbitraries.oneOf(Arbitraries.just(Management.notional()), thirdParty, direct);
    }

    static Arbitrary<List<BudgetLine>> lines() {
        Arbitrary<BudgetLineCode> codes = Arbitraries.strings().withCharRange('A', 'Z').withCharRange('0', '9')
                .withChars('-').ofMinLength(1).ofMaxLength(40).map(BudgetLineCode::of);
        return codes.list().ofMinSize(1).ofMaxSize(4).uniqueElements().flatMap(cs -> {
            List<Arbitrary<BudgetLine>> each = new ArrayList<>();
            for (BudgetLineCode c : cs) {
                each.add(Combinators.combine(categories(), pence(), managements(),
                                Arbitraries.of(PaymentFrequency.class))
                        .as((cat, p, m, f) -> new BudgetLine(c, cat, Money.ofPence(p), m, f)));
            }
            return Combinators.combine(each).as(List::copyOf);
        });
    }

    static Arbitrary<BudgetHolder> holders() {
        return Arbitraries.oneOf(Arbitraries.just(BudgetHolder.patient()),
                GeneratedRecords.userIds().map(u -> BudgetHolder.person(HolderKind.REPRESENTATIVE, u)),
                GeneratedRecords.userIds().map(u -> BudgetHolder.person(HolderKind.NOMINEE, u)),
                GeneratedRecords.odsCodes().map(BudgetHolder::organisation));
    }

    static Arbitrary<List<StatusChange>> histories() {
        return Combinators.combine(Arbitraries.of(BudgetStatus.class), dates(), Arbitraries.of(StatusReason.class),
                        GeneratedRecords.reasons().optional(0.3))
                .as(StatusChange::new).list().ofMaxSize(4);
    }

    /** One budget of the patient, without entries yet (its totals are filled in by {@link #withLedger}). */
    static Arbitrary<PersonalHealthBudget> budgets(PatientId patient) {
        Arbitrary<Eligibility> eligibility = Combinators.combine(Arbitraries.of(EligibilityReason.class), dates())
                .as(Eligibility::new);
        return Combinators.combine(Arbitraries.create(UUID::randomUUID), Arbitraries.create(UUID::randomUUID),
                        eligibility, holders(), lines(), dates(), Arbitraries.integers().between(1, 12),
                        Arbitraries.of(BudgetStatus.class))
                .flatAs((id, plan, elig, holder, lines, start, months, status) -> Combinators.combine(histories(),
                        dates().optional(0.5), dates().optional(0.5)).as((history, planDue, firstPayment) -> {
                            List<LineAccount> empty = lines.stream().map(l -> LineAccount.empty(l.code())).toList();
                            return new PersonalHealthBudget(new BudgetId(id), patient, new CarePlanId(plan), elig,
                                    holder, lines, start, months, status, history, empty, planDue, firstPayment,
                                    List.of(), List.of(), List.of(), Optional.empty());
                        }));
    }

    private record Draft(EntryKind kind, Direction direction, int line, long pence, LocalDate date,
            SpendCategory category, Optional<String> payee, String reason, Optional<NoticeId> notice,
            Optional<UserId> approvedBy, String recordedBy, Instant recordedAt) {
    }

    private static Arbitrary<Draft> drafts() {
        Arbitrary<Instant> times = Arbitraries.longs().between(1_600_000_000_000L, 1_900_000_000_000L)
                .map(Instant::ofEpochMilli);
        Arbitrary<String> recorders = Arbitraries.oneOf(
                GeneratedRecords.professionals().map(p -> p.reference()),
                Arbitraries.of("system:outbox-relay", "patient:3f1d2c4b-5a69-4e7f-8a1b-2c3d4e5f6a7b"));
        return Combinators.combine(Arbitraries.of(EntryKind.class), Arbitraries.of(Direction.class),
                        Arbitraries.integers().between(0, 3), pence(), dates(), categories(),
                        GeneratedRecords.reasons().optional(0.4), GeneratedRecords.reasons())
                .flatAs((kind, direction, line, p, date, category, payee, reason) -> Combinators.combine(
                        Arbitraries.create(UUID::randomUUID).map(NoticeId::new).optional(0.2),
                        GeneratedRecords.userIds().optional(0.2), recorders, times)
                        .as((notice, approver, by, at) -> new Draft(kind, direction, line, p, date, category, payee,
                                reason, notice, approver, by, at)));
    }

    /** The budget with a generated ledger: its line totals are the sums of the entries. */
    static Arbitrary<BudgetWithLedger> withLedger(PersonalHealthBudget budget) {
        Arbitrary<List<Draft>> ledgers = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(List.<Draft>of())),
                Tuple.of(6, drafts().list().ofMinSize(1).ofMaxSize(8)));
        return ledgers.map(drafts -> {
            List<LedgerEntry> entries = new ArrayList<>();
            for (int i = 0; i < drafts.size(); i++) {
                Draft d = drafts.get(i);
                EntryKind kind = d.kind();
                Direction direction = switch (kind) {
                    case ALLOCATION, REFUND -> Direction.INCREASE;
                    case SPEND, RECOVERY -> Direction.DECREASE;
                    case ADJUSTMENT -> d.direction();
                };
                boolean needsReason = kind == EntryKind.ADJUSTMENT || kind == EntryKind.RECOVERY;
                BudgetLine line = budget.lines().get(d.line() % budget.lines().size());
                entries.add(new LedgerEntry(LedgerEntryId.random(), budget.id(), budget.patient(), "key-" + i + ":x",
                        kind, direction, line.code(), Money.ofPence(d.pence()), d.date(),
                        kind == EntryKind.SPEND ? Optional.of(d.category()) : Optional.empty(), d.payee(),
                        needsReason ? Optional.of(d.reason()) : Optional.empty(),
                        kind == EntryKind.RECOVERY ? d.notice() : Optional.empty(),
                        kind == EntryKind.SPEND ? d.approvedBy() : Optional.empty(), d.recordedBy(), d.recordedAt()));
            }
            Ledger ledger = new Ledger(budget.id(), entries);
            List<LineAccount> totals = budget.lines().stream().map(l -> ledger.account(l.code())).toList();
            PersonalHealthBudget b = new PersonalHealthBudget(budget.id(), budget.patient(), budget.carePlan(),
                    budget.eligibility(), budget.holder(), budget.lines(), budget.startDate(), budget.periodMonths(),
                    budget.status(), budget.history(), totals, budget.planReviewDue(), budget.firstDirectPayment(),
                    budget.reviews(), budget.reviewTasks(), budget.notices(), budget.directPaymentStop());
            return new BudgetWithLedger(b, entries);
        });
    }

    /** Zero to two budgets of the patient, each with its ledger. */
    static Arbitrary<List<BudgetWithLedger>> budgetsWithLedgers(PatientId patient) {
        return budgets(patient).flatMap(GeneratedBudgets::withLedger).list().ofMaxSize(2)
                .uniqueElements(g -> g.budget().id());
    }

    /** What the export keeps of a budget: everything but reviews, review tasks, notices, the stop and status detail. */
    static PersonalHealthBudget exported(PersonalHealthBudget b) {
        List<StatusChange> history = b.history().stream()
                .map(c -> new StatusChange(c.status(), c.on(), c.reason(), Optional.empty())).toList();
        return new PersonalHealthBudget(b.id(), b.patient(), b.carePlan(), b.eligibility(), b.holder(), b.lines(),
                b.startDate(), b.periodMonths(), b.status(), history, b.accounts(), b.planReviewDue(),
                b.firstDirectPayment(), List.of(), List.of(), List.of(), Optional.empty());
    }

    /** The record with zero to two generated budgets and their ledgers added. */
    static Arbitrary<PatientRecord> withBudgets(PatientRecord r) {
        return budgetsWithLedgers(r.patient().id()).map(generated -> {
            List<PersonalHealthBudget> budgets = new ArrayList<>(r.budgets());
            List<LedgerEntry> ledger = new ArrayList<>(r.ledger());
            generated.forEach(g -> {
                budgets.add(g.budget());
                ledger.addAll(g.ledger());
            });
            // Through the builder, as a real record is made: it adds the professionals who recorded entries.
            return PatientRecord.builder(r.patient()).professionals(r.professionals()).careTeams(r.careTeams())
                    .carePlans(r.carePlans()).budgets(budgets).ledger(ledger).referrals(r.referrals())
                    .consents(r.consents()).audit(r.audit()).build();
        });
    }
}
