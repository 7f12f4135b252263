package io.github.personalcare.jdbc;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessAction;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.DataClass;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.audit.AuditVerification;
import io.github.personalcare.budget.AccountKind;
import io.github.personalcare.budget.Balance;
import io.github.personalcare.budget.BudgetHolder;
import io.github.personalcare.budget.BudgetLine;
import io.github.personalcare.budget.BudgetLineCode;
import io.github.personalcare.budget.BudgetProposal;
import io.github.personalcare.budget.BudgetStores;
import io.github.personalcare.budget.Eligibility;
import io.github.personalcare.budget.EligibilityReason;
import io.github.personalcare.budget.LedgerCommand;
import io.github.personalcare.budget.LedgerEntry;
import io.github.personalcare.budget.Management;
import io.github.personalcare.budget.Money;
import io.github.personalcare.budget.PaymentAccount;
import io.github.personalcare.budget.PersonalHealthBudget;
import io.github.personalcare.budget.Recipient;
import io.github.personalcare.budget.SpendCategory;
import io.github.personalcare.budget.SpendRejectedException;
import io.github.personalcare.careplan.CarePlan;
import io.github.personalcare.careplan.CarePlanStores;
import io.github.personalcare.careplan.PlanStatus;
import io.github.personalcare.careteam.CareTeam;
import io.github.personalcare.careteam.CareTeamStores;
import io.github.personalcare.consent.BasePolicy;
import io.github.personalcare.consent.ConsentRecord;
import io.github.personalcare.consent.ConsentScope;
import io.github.personalcare.consent.ConsentStores;
import io.github.personalcare.consent.ConsentTerms;
import io.github.personalcare.consent.Provision;
import io.github.personalcare.consent.ProvisionActor;
import io.github.personalcare.budget.BudgetEvent;
import io.github.personalcare.careplan.CarePlanEvent;
import io.github.personalcare.careteam.CareTeamEvent;
import io.github.personalcare.consent.ConsentEvent;
import io.github.personalcare.event.DomainEvent;
import io.github.personalcare.patient.PatientEvent;
import io.github.personalcare.referral.ReferralEvent;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.patient.PatientFlag;
import io.github.personalcare.patient.PatientStores;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.referral.NewReferral;
import io.github.personalcare.referral.PatientChoice;
import io.github.personalcare.referral.Priority;
import io.github.personalcare.referral.Referral;
import io.github.personalcare.referral.ReferralState;
import io.github.personalcare.referral.ReferralStores;
import io.github.personalcare.spi.OutboxEntry;
import io.github.personalcare.lang.Versioned;
import io.github.personalcare.testkit.CarePlans;
import io.github.personalcare.testkit.Referrals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SDK's services on {@link JdbcStorage}, end to end: one patient's story (registration, care
 * team, a care plan drafted, proposed, agreed and co-signed, a direct-payment budget with spends and
 * a refused spend on an excluded category, a referral booked and accepted, a consent recorded), then
 * every aggregate read back from the database through a second storage on the same data source is
 * what the services returned, the audit chain verifies and the outbox holds the story's events in
 * order.
 */
abstract class ServiceStoryScenarios {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalDate TODAY = LocalDate.ofInstant(NOW, LONDON);
    private static final OdsCode PRACTICE = OdsCode.of("A81001");
    private static final AccessContext GP = AccessContext.of(Actor.professional(UserId.of("GP-A81001-1"),
            ProfessionalRole.GENERAL_PRACTITIONER, PRACTICE), Purpose.DIRECT_CARE);
    private static final AccessContext AUDITOR = AccessContext.of(Actor.professional(UserId.of("privacy-officer-1"),
            ProfessionalRole.PRIVACY_OFFICER, PRACTICE), Purpose.AUDIT);
    private static final BudgetLineCode PA = BudgetLineCode.of("PA-HOURS");

    abstract TestDatabases.TestStorage open();

    private TestDatabases.TestStorage storage;
    private PersonalCare care;

    @BeforeEach
    void openStorage() {
        storage = open();
        care = PersonalCare.builder().storage(storage).clock(Clock.fixed(NOW, LONDON))
                .serviceDirectory(Referrals.directory()).build();
    }

    @AfterEach
    void closeStorage() {
        storage.close();
    }

    /** What the services returned at the end of each step of the story. */
    private record Story(Patient patient, CareTeam team, Versioned<CarePlan> plan, PersonalHealthBudget budget,
            List<LedgerEntry> entries, Versioned<Referral> referral, ConsentRecord consent,
            SpendRejectedException refused) {
    }

    private Story tell() {
        Patient patient = care.patients().register(GP, NhsNumber.parse("943 476 5870"),
                NhsNumberVerification.VERIFIED, new PersonName("Ada", "O'Brien; DROP TABLE patient; --"),
                LocalDate.of(1950, 12, 10), Set.of(PatientFlag.COMPLEX_NEEDS), Optional.of(PRACTICE)).value();
        AccessContext self = AccessContext.patientSelf(patient.id());
        Actor.Professional gp = (Actor.Professional) GP.actor();

        Versioned<CareTeam> team = care.careTeams().establish(GP, patient.id());
        team = care.careTeams().addProfessional(GP, team.value().id(), gp.user(), gp.role(), gp.organisation(),
                team.version());
        team = care.careTeams().appointLead(GP, team.value().id(), team.value().professionals().get(0).id(),
                team.version());

        Versioned<CarePlan> plan = care.carePlans().draft(self, patient.id(),
                CarePlans.complete(TODAY.plusMonths(CarePlan.FIRST_BUDGET_REVIEW_MONTHS)));
        plan = care.carePlans().propose(self, plan.value().id(), plan.version());
        plan = care.carePlans().agree(self, plan.value().id(), plan.version());
        plan = care.carePlans().coSign(GP, plan.value().id(), plan.version());

        Versioned<PersonalHealthBudget> proposed = care.budgets().propose(GP, new BudgetProposal(patient.id(), plan.value().id(),
                new Eligibility(EligibilityReason.CONTINUING_HEALTHCARE, TODAY), BudgetHolder.patient(),
                List.of(new BudgetLine(PA, SpendCategory.PERSONAL_ASSISTANT, Money.parse("6000.00"),
                        Management.directPayment(Recipient.patient(TODAY),
                                new PaymentAccount(AccountKind.DEDICATED_ACCOUNT, "DP-ACC-1", TODAY)))), TODAY));
        PersonalHealthBudget budget = care.budgets().activate(GP, proposed.value().id(), proposed.version()).value();
        LedgerEntry paid = care.budgets().allocate(GP, budget.id(), LedgerCommand.Allocation.directPayment("payment-1",
                PA, Money.parse("1500.00"), TODAY, "DP-ACC-1"));
        LedgerEntry first = care.budgets().recordSpend(GP, budget.id(), LedgerCommand.Spend.of("invoice-1", PA,
                Money.parse("240.00"), TODAY, SpendCategory.PERSONAL_ASSISTANT, "Personal assistant, first fortnight"));
        LedgerEntry second = care.budgets().recordSpend(GP, budget.id(), LedgerCommand.Spend.of("invoice-2", PA,
                Money.parse("36.50"), TODAY, SpendCategory.TRANSPORT, "Taxi to the day centre"));
        SpendRejectedException refused = null;
        try {
            care.budgets().recordSpend(GP, budget.id(), LedgerCommand.Spend.of("invoice-3", PA,
                    Money.parse("18.00"), TODAY, SpendCategory.ALCOHOL, "Off-licence"));
        } catch (SpendRejectedException e) {
            refused = e;
        }

        Versioned<Referral> referral = care.referrals().draft(GP, NewReferral.appointment(patient.id(),
                Priority.ROUTINE, Referrals.CARDIOLOGY, "Exertional chest tightness for three months"));
        referral = care.referrals().shortlist(GP, referral.value().id(),
                List.of(Referrals.LEEDS.id(), Referrals.YORK.id()), PatientChoice.choiceOffered(), referral.version());
        referral = care.referrals().submit(GP, referral.value().id(), referral.version());
        referral = care.referrals().book(GP, referral.value().id(), Referrals.LEEDS.id(),
                NOW.plus(Duration.ofDays(21)), referral.version());
        AccessContext consultant = AccessContext.of(Actor.professional(UserId.of("CONS-RR8-1"),
                ProfessionalRole.CONSULTANT, Referrals.LEEDS.provider()), Purpose.DIRECT_CARE);
        referral = care.referrals().accept(consultant, referral.value().id(), referral.version());

        ConsentRecord consent = care.consents().record(self, patient.id(),
                ConsentTerms.builder(ConsentScope.PATIENT_PRIVACY)
                        .policyRule(BasePolicy.OPT_IN)
                        .provision(Provision.root().actor(ProvisionActor.person(UserId.of("carer-ann")))
                                .provision(Provision.permit().action(AccessAction.ACCESS)
                                        .dataClass(DataClass.CARE_PLAN, DataClass.BUDGET)))
                        .build()).value();
        return new Story(patient, team.value(), plan, care.budgets().get(GP, budget.id()).value(), List.of(paid, first, second),
                referral, consent, refused);
    }

    /** A second storage on the same database: nothing can come from the first one's memory. */
    private JdbcStorage reopened() {
        return JdbcStorage.builder(storage.dataSource).additionalMigrations(TestDatabases.TEST_TYPES).build();
    }

    @Test
    void everyAggregateTheServicesWroteIsReadBackEqualFromTheDatabase() {
        Story story = tell();
        JdbcStorage again = reopened();

        again.inTransaction(tx -> {
            assertThat(tx.aggregates(PatientStores.PATIENTS).get(story.patient().id()).value()).isEqualTo(story.patient());
            assertThat(tx.aggregates(CareTeamStores.TEAMS).get(story.team().id()).value()).isEqualTo(story.team());
            assertThat(tx.aggregates(CarePlanStores.PLANS).get(story.plan().value().id())).isEqualTo(story.plan());
            assertThat(tx.aggregates(BudgetStores.BUDGETS).get(story.budget().id()).value()).isEqualTo(story.budget());
            assertThat(tx.entries(BudgetStores.LEDGER).byOwner(story.budget().id())).isEqualTo(story.entries());
            assertThat(tx.aggregates(ReferralStores.REFERRALS).get(story.referral().value().id()))
                    .isEqualTo(story.referral());
            assertThat(tx.aggregates(ConsentStores.CONSENTS).get(story.consent().id()).value())
                    .isEqualTo(story.consent());
            return null;
        });
    }

    @Test
    void theStoryEndsWithAnAgreedPlanAnAcceptedReferralAndTheBudgetSpentOnlyOnAllowedCategories() {
        Story story = tell();

        assertThat(story.plan().value().status()).isEqualTo(PlanStatus.AGREED);
        assertThat(story.referral().value().state()).isEqualTo(ReferralState.ACCEPTED);
        assertThat(story.refused()).isNotNull();
        assertThat(story.refused().reason()).isEqualTo(SpendRejectedException.Reason.EXCLUDED_CATEGORY);
        assertThat(care.budgets().ledger(GP, story.budget().id()).entries()).hasSize(3);
        assertThat(care.budgets().balance(GP, story.budget().id())).isEqualTo(new Balance(1_500_00 - 240_00 - 36_50));
    }

    @Test
    void theAuditChainOfTheWholeStoryVerifies() {
        tell();

        assertThat(care.audit().verify(AUDITOR)).isInstanceOf(AuditVerification.Intact.class);
    }

    @Test
    void theOutboxHoldsEveryFamilyOfTheStorysEventsForThePatientInOrder() {
        Story story = tell();

        List<OutboxEntry> undelivered = reopened().inTransaction(tx -> tx.outbox().undelivered());
        List<DomainEvent> events = undelivered.stream().map(OutboxEntry::event).toList();
        assertThat(events).allSatisfy(e -> assertThat(e.patient()).isEqualTo(story.patient().id()));
        assertThat(undelivered).isSortedAccordingTo((a, b) -> Long.compare(a.sequence(), b.sequence()));
        assertThat(events.get(0)).isInstanceOf(PatientEvent.Registered.class);
        assertThat(events).anyMatch(CareTeamEvent.class::isInstance)
                .anyMatch(CarePlanEvent.class::isInstance)
                .anyMatch(BudgetEvent.class::isInstance)
                .anyMatch(ReferralEvent.class::isInstance)
                .anyMatch(ConsentEvent.class::isInstance);
    }
}
