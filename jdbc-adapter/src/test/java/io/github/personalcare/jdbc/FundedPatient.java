package io.github.personalcare.jdbc;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.budget.AccountKind;
import io.github.personalcare.budget.BudgetHolder;
import io.github.personalcare.budget.BudgetId;
import io.github.personalcare.budget.BudgetLine;
import io.github.personalcare.budget.BudgetLineCode;
import io.github.personalcare.budget.BudgetProposal;
import io.github.personalcare.budget.Eligibility;
import io.github.personalcare.budget.EligibilityReason;
import io.github.personalcare.budget.LedgerCommand;
import io.github.personalcare.budget.Management;
import io.github.personalcare.budget.Money;
import io.github.personalcare.budget.PaymentAccount;
import io.github.personalcare.budget.PersonalHealthBudget;
import io.github.personalcare.budget.Recipient;
import io.github.personalcare.budget.SpendCategory;
import io.github.personalcare.careplan.CarePlan;
import io.github.personalcare.careteam.CareTeam;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.lang.Versioned;
import io.github.personalcare.testkit.CarePlans;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A patient built through the services for the race tests: registered with a GP practice, a care
 * team with that GP, an agreed and co-signed care plan, and an active budget with one
 * direct-payment line funded by one allocation.
 *
 * @param patient the patient
 * @param team    the care team at its stored version
 * @param budget  the active, funded budget
 */
record FundedPatient(PatientId patient, Versioned<CareTeam> team, BudgetId budget) {
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate TODAY = LocalDate.ofInstant(NOW, LONDON);
    static final OdsCode PRACTICE = OdsCode.of("A81001");
    static final AccessContext GP = AccessContext.of(Actor.professional(UserId.of("GP-A81001-1"),
            ProfessionalRole.GENERAL_PRACTITIONER, PRACTICE), Purpose.DIRECT_CARE);
    static final BudgetLineCode PA = BudgetLineCode.of("PA-HOURS");

    /** Builds the patient with {@code allocated} paid into the budget's only line. */
    static FundedPatient build(PersonalCare care, Money allocated) {
        PatientId patient = care.patients().register(GP, NhsNumber.parse("9434765870"), NhsNumberVerification.VERIFIED,
                new PersonName("Ada", "Lovelace"), LocalDate.of(1950, 12, 10), Set.of(), Optional.of(PRACTICE))
                .value().id();
        Actor.Professional gp = (Actor.Professional) GP.actor();
        Versioned<CareTeam> team = care.careTeams().establish(GP, patient);
        team = care.careTeams().addProfessional(GP, team.value().id(), gp.user(), gp.role(), gp.organisation(),
                team.version());
        team = care.careTeams().appointLead(GP, team.value().id(), team.value().professionals().get(0).id(),
                team.version());
        AccessContext self = AccessContext.patientSelf(patient);
        Versioned<CarePlan> plan = care.carePlans().draft(self, patient,
                CarePlans.complete(TODAY.plusMonths(CarePlan.FIRST_BUDGET_REVIEW_MONTHS)));
        plan = care.carePlans().propose(self, plan.value().id(), plan.version());
        plan = care.carePlans().agree(self, plan.value().id(), plan.version());
        plan = care.carePlans().coSign(GP, plan.value().id(), plan.version());
        Versioned<PersonalHealthBudget> budget = care.budgets().propose(GP, new BudgetProposal(patient,
                plan.value().id(), new Eligibility(EligibilityReason.CONTINUING_HEALTHCARE, TODAY),
                BudgetHolder.patient(), List.of(new BudgetLine(PA, SpendCategory.PERSONAL_ASSISTANT,
                        Money.parse("6000.00"), Management.directPayment(Recipient.patient(TODAY),
                                new PaymentAccount(AccountKind.DEDICATED_ACCOUNT, "DP-ACC-1", TODAY)))), TODAY));
        budget = care.budgets().activate(GP, budget.value().id(), budget.version());
        care.budgets().allocate(GP, budget.value().id(), LedgerCommand.Allocation.directPayment("payment-1", PA,
                allocated, TODAY, "DP-ACC-1"));
        return new FundedPatient(patient, team, budget.value().id());
    }
}
