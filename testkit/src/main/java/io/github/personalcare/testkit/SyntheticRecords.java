package io.github.personalcare.testkit;

import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.audit.AuditChain;
import io.github.personalcare.audit.AuditEvent;
import io.github.personalcare.audit.AuditOutcome;
import io.github.personalcare.audit.AuditRecord;
import io.github.personalcare.budget.AgreedPlan;
import io.github.personalcare.budget.BudgetHolder;
import io.github.personalcare.budget.BudgetId;
import io.github.personalcare.budget.BudgetLine;
import io.github.personalcare.budget.BudgetLineCode;
import io.github.personalcare.budget.BudgetPolicy;
import io.github.personalcare.budget.Eligibility;
import io.github.personalcare.budget.EligibilityReason;
import io.github.personalcare.budget.LedgerCommand;
import io.github.personalcare.budget.LedgerEntry;
import io.github.personalcare.budget.LedgerEntryId;
import io.github.personalcare.budget.Management;
import io.github.personalcare.budget.Money;
import io.github.personalcare.budget.PersonalHealthBudget;
import io.github.personalcare.budget.SpendCategory;
import io.github.personalcare.careplan.CarePlan;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.patient.PatientFlag;
import io.github.personalcare.record.PatientRecord;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Whole patient records for the bulk path ({@code care.imports()}), as another system would hand
 * them over: a patient with a care team, an agreed care plan, an active personal health budget
 * with a ledger of allocations and spends, a booked referral with its RTT clock, an objection
 * consent and a short audit trail from the source system (a hash chain of its own).
 *
 * <p>Seeded: the same seed and position give the same NHS number, amounts and dates. Internal ids
 * and UBRNs are random (they must be unique across runs against one database). Not thread-safe.
 */
public final class SyntheticRecords {
    private static final BudgetLineCode PA = BudgetLineCode.of("PA-HOURS");
    private static final BudgetLineCode PHYSIO = BudgetLineCode.of("PHYSIO");
    private static final AccessContext SOURCE_GP = AccessContext.of(Actor.professional(UserId.of("GP-1"),
            ProfessionalRole.GENERAL_PRACTITIONER, OdsCode.of("A81001")), Purpose.DIRECT_CARE);

    private final long seed;
    private final Instant at;

    /**
     * Records generated from a seed, dated around {@code at}.
     *
     * @param seed the seed: the same seed gives the same content
     * @param at   when the records were last changed in the source system
     * @throws IllegalArgumentException if {@code at} is missing
     */
    public SyntheticRecords(long seed, Instant at) {
        if (at == null) {
            throw new IllegalArgumentException("at is required");
        }
        this.seed = seed;
        this.at = at;
    }

    /**
     * The record at {@code position} of this seed's sequence.
     *
     * @param position from 0; each position has its own NHS number (up to 99,999,999 positions)
     * @return the record
     */
    public PatientRecord record(int position) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003 + position);
        PatientId id = PatientId.random();
        Patient patient = new Patient(id, nhsNumber(position), NhsNumberVerification.VERIFIED,
                new PersonName("Synthetic", "Person" + position),
                LocalDate.of(1930 + random.nextInt(70), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                Set.of(PatientFlag.COMPLEX_NEEDS), Optional.of(OdsCode.of("A81001")), Optional.empty());
        Instant planned = at.minus(Duration.ofDays(30 + random.nextInt(300)));
        // a plan funding a budget is reviewed within three months of agreement (R22)
        CarePlan plan = CarePlans.agreed(id, planned,
                LocalDate.ofInstant(planned, ZoneOffset.UTC).plusDays(20 + random.nextInt(60)));
        PersonalHealthBudget budget = budget(patient, plan, random, LocalDate.ofInstant(planned, ZoneOffset.UTC));
        List<LedgerEntry> ledger = new ArrayList<>();
        LocalDate start = budget.startDate();
        budget = record(budget, ledger, LedgerCommand.Allocation.of("alloc-pa", PA,
                Money.ofPence(200_000 + random.nextInt(400_000)), start));
        budget = record(budget, ledger, LedgerCommand.Allocation.of("alloc-physio", PHYSIO,
                Money.ofPence(50_000 + random.nextInt(100_000)), start));
        // at most five spends of at most 80.00 each: within the smaller allocation (500.00), R17
        int spends = random.nextInt(6);
        for (int i = 0; i < spends; i++) {
            boolean pa = random.nextBoolean();
            budget = record(budget, ledger, LedgerCommand.Spend.of("spend-" + i, pa ? PA : PHYSIO,
                    Money.ofPence(1_000 + random.nextInt(7_000)), start.plusDays(i + 1L),
                    pa ? SpendCategory.PERSONAL_ASSISTANT : SpendCategory.THERAPY, "Provider " + i));
        }
        return PatientRecord.builder(patient)
                .careTeams(List.of(CarePlans.team(id, planned)))
                .carePlans(List.of(plan))
                .budgets(List.of(budget))
                .ledger(ledger)
                .referrals(List.of(Referrals.booked(id, at.minus(Duration.ofDays(random.nextInt(200))))))
                .consents(List.of(Consents.objectionTo(id, OdsCode.of("RH8"))))
                .audit(trail(id, planned))
                .build();
    }

    /**
     * The records at positions {@code 0..count-1}.
     *
     * @param count how many
     * @return the records, in position order
     */
    public List<PatientRecord> records(int count) {
        List<PatientRecord> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(record(i));
        }
        return out;
    }

    /**
     * A valid NHS number (Modulus 11) for a position: 9 digits from the position, then the check
     * digit; positions whose digits have no valid check digit move to the next candidate.
     *
     * @param position from 0
     * @return the NHS number
     */
    public static NhsNumber nhsNumber(int position) {
        for (long n = 900_000_000L + position * 10L; ; n++) {
            String nine = Long.toString(n);
            int check = NhsNumber.checkDigitFor(nine);
            if (check >= 0 && check <= 9) {
                return NhsNumber.parse(nine + check);
            }
        }
    }

    private static PersonalHealthBudget budget(Patient patient, CarePlan plan, SplittableRandom random,
            LocalDate start) {
        List<BudgetLine> lines = List.of(
                new BudgetLine(PA, SpendCategory.PERSONAL_ASSISTANT, Money.ofPence(600_000), Management.notional()),
                new BudgetLine(PHYSIO, SpendCategory.THERAPY, Money.ofPence(150_000), Management.notional()));
        // adults only (children's continuing care is for those 17 or under, R18)
        EligibilityReason[] adult = {EligibilityReason.CONTINUING_HEALTHCARE, EligibilityReason.WHEELCHAIR,
            EligibilityReason.DISCRETIONARY};
        EligibilityReason reason = adult[random.nextInt(adult.length)];
        PersonalHealthBudget proposed = PersonalHealthBudget.propose(BudgetId.random(), patient, plan.id(),
                new Eligibility(reason, start), BudgetHolder.patient(),
                lines, start, BudgetPolicy.defaults(), start);
        return proposed.activate(Optional.of(new AgreedPlan(plan.id(), Set.of(PA, PHYSIO),
                Optional.of(start.plusMonths(6)))), start);
    }

    private PersonalHealthBudget record(PersonalHealthBudget budget, List<LedgerEntry> ledger, LedgerCommand command) {
        LedgerEntry e = command.toEntry(LedgerEntryId.random(), budget.id(), budget.patient(),
                SOURCE_GP.actor().reference(), at);
        ledger.add(e);
        return budget.record(e, BudgetPolicy.defaults());
    }

    private static List<AuditRecord> trail(PatientId patient, Instant from) {
        List<AuditRecord> trail = new ArrayList<>();
        Optional<AuditRecord> head = Optional.empty();
        String[] actions = {"patient.register", "careplan.agree", "budget.allocate"};
        for (int i = 0; i < actions.length; i++) {
            AuditEvent event = AuditEvent.of(SOURCE_GP, from.plus(Duration.ofMinutes(i)), actions[i], patient,
                    null, AuditOutcome.SUCCESS, "CARE_TEAM");
            AuditRecord r = AuditChain.link(head, event);
            trail.add(r);
            head = Optional.of(r);
        }
        return trail;
    }
}
