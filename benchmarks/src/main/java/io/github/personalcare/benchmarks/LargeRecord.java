package io.github.personalcare.benchmarks;

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
import io.github.personalcare.careplan.Action;
import io.github.personalcare.careplan.ActionOwner;
import io.github.personalcare.careplan.CarePlan;
import io.github.personalcare.careplan.CarePlanId;
import io.github.personalcare.careplan.Goal;
import io.github.personalcare.careplan.SignatoryKind;
import io.github.personalcare.careplan.Signature;
import io.github.personalcare.consent.ConsentRecord;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.record.PatientRecord;
import io.github.personalcare.referral.Referral;
import io.github.personalcare.testkit.CarePlans;
import io.github.personalcare.testkit.Consents;
import io.github.personalcare.testkit.Referrals;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The large record of issue 14, built with the aggregates' own pure methods and the testkit
 * fixtures (every part a state the SDK can reach): a care team, an agreed plan with 10 goals and
 * 20 actions, an active budget with 200 ledger entries (2 allocations, 198 spends), 3 referrals
 * (one with every part), 5 consents and an audit trail of one hash-chained event per change.
 */
final class LargeRecord {
    private static final BudgetLineCode PA = BudgetLineCode.of("PA-HOURS");
    private static final BudgetLineCode PHYSIO = BudgetLineCode.of("PHYSIO");
    private static final AccessContext GP = AccessContext.of(Actor.professional(UserId.of("GP-1"),
            ProfessionalRole.GENERAL_PRACTITIONER, OdsCode.of("A81001")), Purpose.DIRECT_CARE);
    private static final Instant AT = Instant.parse("2026-01-12T09:30:00Z");

    private LargeRecord() {
    }

    static PatientRecord build() {
        PatientId id = PatientId.random();
        Patient patient = CarePlans.patient(id);
        LocalDate today = LocalDate.ofInstant(AT, ZoneOffset.UTC);
        LocalDate review = today.plusDays(60);

        List<Goal> goals = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            goals.add(Goal.of("Goal " + (i + 1) + ": walk to the shop on my own, café on Fridays",
                    "Days a week " + (i + 1), Optional.of(review.plusDays(i))));
        }
        List<Action> actions = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            actions.add(Action.of("Action " + (i + 1) + ": exercises from the physio leaflet", ActionOwner.patient(),
                    Optional.of(review.minusDays(i)), List.of(goals.get(i % 10).id())));
        }
        CarePlan plan = CarePlan.draft(CarePlanId.random(), id,
                CarePlans.complete(review).withActions(List.of()).withGoals(goals).withActions(actions), AT, today)
                .propose(List.of(), today)
                .agree(new Signature(SignatoryKind.PATIENT, "patient:" + id, Optional.empty(), AT), today)
                .coSign(new Signature(SignatoryKind.LEAD_PROFESSIONAL, "professional:GP-1", Optional.empty(), AT),
                        today);

        PersonalHealthBudget budget = PersonalHealthBudget.propose(BudgetId.random(), patient, plan.id(),
                new Eligibility(EligibilityReason.CONTINUING_HEALTHCARE, today), BudgetHolder.patient(),
                List.of(new BudgetLine(PA, SpendCategory.PERSONAL_ASSISTANT, Money.ofPence(6_000_000),
                                Management.notional()),
                        new BudgetLine(PHYSIO, SpendCategory.THERAPY, Money.ofPence(1_500_000), Management.notional())),
                today, BudgetPolicy.defaults(), today)
                .activate(Optional.of(new AgreedPlan(plan.id(), Set.of(PA, PHYSIO), Optional.of(today.plusMonths(6)))),
                        today);
        List<LedgerEntry> ledger = new ArrayList<>();
        budget = record(budget, ledger, LedgerCommand.Allocation.of("alloc-pa", PA, Money.ofPence(6_000_000), today));
        budget = record(budget, ledger, LedgerCommand.Allocation.of("alloc-physio", PHYSIO, Money.ofPence(1_500_000),
                today));
        for (int i = 0; i < 198; i++) {
            boolean pa = i % 3 != 0;
            // odd pence and trailing zeros both appear: 12.50, 73.07 ...
            budget = record(budget, ledger, LedgerCommand.Spend.of("spend-" + i, pa ? PA : PHYSIO,
                    Money.ofPence(1_250 + 37L * i), today.plusDays(i % 150),
                    pa ? SpendCategory.PERSONAL_ASSISTANT : SpendCategory.THERAPY, "Provider " + (i % 7)));
        }

        List<Referral> referrals = List.of(Referrals.booked(id, AT), Referrals.notBooked(id, AT.plusSeconds(60)),
                Referrals.fullyPopulated(id, AT.plusSeconds(120)));
        List<ConsentRecord> consents = List.of(Consents.objectionTo(id, OdsCode.of("RH8")),
                Consents.objectionTo(id, OdsCode.of("RR8")), Consents.proxyGrant(id, UserId.of("CARER-1")),
                Consents.proxyGrant(id, UserId.of("CARER-2")), Consents.everyPart(id));

        int changes = 1 + 4 + ledger.size() + referrals.size() + consents.size();
        return PatientRecord.builder(patient)
                .careTeams(List.of(CarePlans.team(id, AT)))
                .carePlans(List.of(plan))
                .budgets(List.of(budget))
                .ledger(ledger)
                .referrals(referrals)
                .consents(consents)
                .audit(trail(id, changes))
                .build();
    }

    private static PersonalHealthBudget record(PersonalHealthBudget budget, List<LedgerEntry> ledger,
            LedgerCommand command) {
        LedgerEntry e = command.toEntry(LedgerEntryId.random(), budget.id(), budget.patient(), GP.actor().reference(),
                AT);
        ledger.add(e);
        return budget.record(e, BudgetPolicy.defaults());
    }

    private static List<AuditRecord> trail(PatientId patient, int events) {
        String[] actions = {"patient.register", "careplan.agree", "budget.spend", "referral.book", "consent.record"};
        List<AuditRecord> trail = new ArrayList<>(events);
        Optional<AuditRecord> head = Optional.empty();
        for (int i = 0; i < events; i++) {
            AuditRecord r = AuditChain.link(head, AuditEvent.of(GP, AT.plus(Duration.ofMinutes(i)),
                    actions[i % actions.length], patient, null, AuditOutcome.SUCCESS, "CARE_TEAM"));
            trail.add(r);
            head = Optional.of(r);
        }
        return trail;
    }
}
