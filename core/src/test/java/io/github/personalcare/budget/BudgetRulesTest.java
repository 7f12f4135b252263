package io.github.personalcare.budget;

import io.github.personalcare.lang.ConfigurationException;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.lang.RuleViolationException;
import io.github.personalcare.audit.AuditEvent;
import io.github.personalcare.audit.AuditOutcome;
import io.github.personalcare.careplan.CarePlanId;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.patient.PatientFlag;
import io.github.personalcare.identity.UserId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.github.personalcare.budget.BudgetWorld.ACCOUNT;
import static io.github.personalcare.budget.BudgetWorld.EQUIP;
import static io.github.personalcare.budget.BudgetWorld.PA;
import static io.github.personalcare.budget.BudgetWorld.PHYSIO;
import static io.github.personalcare.budget.SpendRejectedException.Reason.DIRECT_PAYMENTS_STOPPED;
import static io.github.personalcare.budget.SpendRejectedException.Reason.EXCLUDED_CATEGORY;
import static io.github.personalcare.budget.SpendRejectedException.Reason.INSUFFICIENT_FUNDS;
import static io.github.personalcare.budget.SpendRejectedException.Reason.LINE_NOT_IN_PLAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** One or more tests for each rule R14–R27, each naming its rule. */
class BudgetRulesTest {
    private final BudgetWorld b = new BudgetWorld();

    // --- R14 ---

    @Test
    @DisplayName("R14 a budget combines lines held notionally, by a third party and as a direct payment")
    void r14LinesMayDifferInHowTheyAreHeld() {
        PersonalHealthBudget budget = b.funded();

        assertThat(budget.options()).containsExactlyInAnyOrder(ManagementOption.NOTIONAL,
                ManagementOption.THIRD_PARTY, ManagementOption.DIRECT_PAYMENT);
        assertThat(budget.line(EQUIP).orElseThrow().management())
                .isEqualTo(Management.thirdParty("Independent Living Trust", Optional.empty()));
    }

    @Test
    @DisplayName("R14 a line code appears once, so each funding line has exactly one management option")
    void r14ALineCannotBeHeldTwoWays() {
        CarePlanId plan = b.agreedPlanFunding(PHYSIO).value().id();
        List<BudgetLine> twice = List.of(
                new BudgetLine(PHYSIO, SpendCategory.THERAPY, Money.parse("100"), Management.notional()),
                new BudgetLine(PHYSIO, SpendCategory.THERAPY, Money.parse("100"),
                        Management.thirdParty("Independent Living Trust", Optional.empty())));

        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> b.budgets().propose(b.w.gp, b.proposal(plan, twice)))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R14"));
    }

    // --- R15 ---

    @Test
    @DisplayName("R15 a budget cannot be created without the patient's agreed care plan; nothing is stored")
    void r15NoAgreedPlanNoBudget() {
        BudgetProposal proposal = b.proposal(CarePlanId.random(), b.standardLines());

        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> b.budgets().propose(b.w.gp, proposal))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R15"));
        assertThat(b.budgets().budgetsOf(b.w.gp, b.patient())).isEmpty();
    }

    @Test
    @DisplayName("R15 a budget cannot be created against a plan other than the current agreed one")
    void r15OnlyTheCurrentAgreedPlan() {
        b.agreedPlanFunding(PA, PHYSIO, EQUIP);
        BudgetProposal proposal = b.proposal(CarePlanId.random(), b.standardLines());

        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> b.budgets().propose(b.w.gp, proposal))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R15"));
    }

    @Test
    @DisplayName("R15 a budget cannot become active when the agreed plan's support section does not reference a line")
    void r15EveryLineMustBeInThePlan() {
        CarePlanId plan = b.agreedPlanFunding(PA, PHYSIO).value().id();
        PersonalHealthBudget proposed = b.budgets().propose(b.w.gp, b.proposal(plan, b.standardLines())).value();

        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> b.budgets().activate(b.w.gp, proposed.id(), b.version(proposed.id())))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R15"))
                .satisfies(e -> assertThat(e.getMessage()).contains("EQUIP"));
    }

    @Test
    @DisplayName("R15 activation against the agreed plan referencing every line succeeds")
    void r15ActivationAgainstTheAgreedPlan() {
        PersonalHealthBudget active = b.active();

        assertThat(active.status()).isEqualTo(BudgetStatus.ACTIVE);
        assertThat(active.planReviewDue()).contains(b.today.plusMonths(2));
    }

    @Test
    @DisplayName("R15 a spend must reference a line of the budget in the agreed plan")
    void r15SpendOnALineOutsideThePlanIsRejected() {
        PersonalHealthBudget budget = b.funded();

        assertThatExceptionOfType(SpendRejectedException.class)
                .isThrownBy(() -> b.budgets().recordSpend(b.w.gp, budget.id(),
                        b.spend("s-1", BudgetLineCode.of("HOLIDAY"), "10.00", SpendCategory.ACTIVITIES)))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(LINE_NOT_IN_PLAN))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R15"));
    }

    // --- R16 ---

    @Test
    @DisplayName("R16 a spend on alcohol is rejected with its reason, audited, and nothing is stored")
    void r16SpendOnExcludedCategoryIsRejected() {
        PersonalHealthBudget budget = b.funded();
        int entries = b.storedEntries(budget.id()).size();

        assertThatExceptionOfType(SpendRejectedException.class)
                .isThrownBy(() -> b.budgets().recordSpend(b.w.gp, budget.id(),
                        b.spend("s-1", PA, "20.00", SpendCategory.ALCOHOL)))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(EXCLUDED_CATEGORY))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R16"));
        assertThat(b.storedEntries(budget.id())).hasSize(entries);
        AuditEvent last = b.audit().get(b.audit().size() - 1);
        assertThat(last.action()).isEqualTo("budget.spend");
        assertThat(last.outcome()).isEqualTo(AuditOutcome.REJECTED);
        assertThat(last.rule()).isEqualTo("R16");
    }

    @Test
    @DisplayName("R16 every category of the default list is excluded")
    void r16DefaultListIsExcluded() {
        assertThat(BudgetPolicy.defaults().excludedCategories()).containsExactlyInAnyOrder(SpendCategory.ALCOHOL,
                SpendCategory.TOBACCO, SpendCategory.GAMBLING, SpendCategory.DEBT_REPAYMENT, SpendCategory.ILLEGAL,
                SpendCategory.EMERGENCY_CARE, SpendCategory.PRIMARY_MEDICAL_SERVICES, SpendCategory.DENTAL_TREATMENT);
    }

    @Test
    @DisplayName("R16 configuration extends the excluded list")
    void r16ListIsExtendable() {
        PersonalHealthBudget budget = b.funded();
        BudgetService strict = b.budgetsUnder(BudgetPolicy.defaults().excluding(SpendCategory.of("PRIVATE_SURGERY")));

        assertThatExceptionOfType(SpendRejectedException.class)
                .isThrownBy(() -> strict.recordSpend(b.w.gp, budget.id(),
                        b.spend("s-1", PHYSIO, "20.00", SpendCategory.of("PRIVATE_SURGERY"))))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(EXCLUDED_CATEGORY));
    }

    @Test
    @DisplayName("R16 the default list cannot shrink without an audited override")
    void r16ListIsNotShrinkableWithoutOverride() {
        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> new BudgetPolicy(Set.of(SpendCategory.ALCOHOL), List.of(), false, false, 12))
                .satisfies(e -> assertThat(e.option()).isEqualTo("budgetPolicy.excludedCategories"));
    }

    @Test
    @DisplayName("R16 a spend let through by an override is recorded and the override's use audited")
    void r16OverrideUseIsAudited() {
        PersonalHealthBudget budget = b.funded();
        BudgetService lenient = b.budgetsUnder(BudgetPolicy.defaults().permitting(SpendCategory.DENTAL_TREATMENT,
                UserId.of("ICB-CD-1"), "Dental work agreed by panel as part of the plan"));

        lenient.recordSpend(b.w.gp, budget.id(), b.spend("s-1", PHYSIO, "20.00", SpendCategory.DENTAL_TREATMENT));

        assertThat(b.audit()).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("budget.spend.exclusionOverride");
            assertThat(e.rule()).isEqualTo("R16");
        });
    }

    // --- R17 ---

    @Test
    @DisplayName("R17 a spend beyond the line's balance is rejected and the balance is unchanged")
    void r17SpendBeyondBalanceIsRejected() {
        PersonalHealthBudget budget = b.funded();

        assertThatExceptionOfType(SpendRejectedException.class)
                .isThrownBy(() -> b.budgets().recordSpend(b.w.gp, budget.id(),
                        b.spend("s-1", PHYSIO, "1200.01", SpendCategory.THERAPY)))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(INSUFFICIENT_FUNDS));
        assertThat(b.budgets().balance(b.w.gp, budget.id(), PHYSIO)).isEqualTo(new Balance(120_000));
    }

    @Test
    @DisplayName("R17 a recovery cannot take a line below zero")
    void r17RecoveryBeyondBalanceIsRejected() {
        PersonalHealthBudget budget = b.funded();

        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> b.budgets().recover(b.w.gp, budget.id(), new LedgerCommand.Recovery("r-1", EQUIP,
                        Money.parse("800.01"), b.today, "Unused equipment money", Optional.empty())))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R17"));
    }

    @Test
    @DisplayName("R17 a notional line may go over only with a named approver where the policy allows it")
    void r17NotionalOverspendNeedsPolicyAndApprover() {
        PersonalHealthBudget budget = b.funded();
        BudgetService lenient = b.budgetsUnder(BudgetPolicy.defaults().allowingNotionalOverspend());
        LedgerCommand.Spend over = b.spend("s-1", PHYSIO, "1300.00", SpendCategory.THERAPY);

        assertThatExceptionOfType(SpendRejectedException.class)
                .isThrownBy(() -> lenient.recordSpend(b.w.gp, budget.id(), over))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(INSUFFICIENT_FUNDS));
        lenient.recordSpend(b.w.gp, budget.id(), over.approvedBy(UserId.of("ICB-MGR-1")));

        assertThat(b.budgets().balance(b.w.gp, budget.id(), PHYSIO)).isEqualTo(new Balance(-10_000));
        assertThat(b.audit()).anySatisfy(e -> assertThat(e.action()).isEqualTo("budget.spend.overspendApproved"));
    }

    @Test
    @DisplayName("R17 a direct-payment line never goes over, even with an approver and a lenient policy")
    void r17DirectPaymentCannotOverspend() {
        PersonalHealthBudget budget = b.funded();
        BudgetService lenient = b.budgetsUnder(BudgetPolicy.defaults().allowingNotionalOverspend());

        assertThatExceptionOfType(SpendRejectedException.class)
                .isThrownBy(() -> lenient.recordSpend(b.w.gp, budget.id(),
                        b.spend("s-1", PA, "3000.01", SpendCategory.PERSONAL_ASSISTANT).approvedBy(UserId.of("ICB-MGR-1"))))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(INSUFFICIENT_FUNDS));
    }

    // --- R18 ---

    @Test
    @DisplayName("R18 NHS Continuing Healthcare needs the person to be 18 or over at the eligibility date")
    void r18ContinuingHealthcareNeedsAnAdult() {
        BudgetWorld teen = new BudgetWorld(Set.of(), LocalDate.of(2009, 6, 1));
        CarePlanId plan = CarePlanId.random();
        BudgetProposal chc = teen.proposal(plan, List.of(
                new BudgetLine(PHYSIO, SpendCategory.THERAPY, Money.parse("100"), Management.notional())));

        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> teen.budgets().propose(teen.w.gp, chc))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R18"))
                .satisfies(e -> assertThat(e.field()).isEqualTo("eligibility.reason"));
    }

    @Test
    @DisplayName("R18 children's continuing care needs the person to be 17 or under at the eligibility date")
    void r18ChildrensContinuingCareNeedsAChild() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> new Eligibility(EligibilityReason.CHILDREN_CONTINUING_CARE, b.today).checkAge(18))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R18"));
        new Eligibility(EligibilityReason.CHILDREN_CONTINUING_CARE, b.today).checkAge(17);
        new Eligibility(EligibilityReason.CONTINUING_HEALTHCARE, b.today).checkAge(18);
    }

    // --- R19 ---

    @Test
    @DisplayName("R19 a patient lacking capacity cannot receive a direct payment themself")
    void r19PatientLackingCapacityNeedsARepresentative() {
        BudgetWorld lacking = new BudgetWorld(Set.of(PatientFlag.LACKS_CAPACITY), LocalDate.of(1950, 12, 10));
        CarePlanId plan = CarePlanId.random();

        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> lacking.budgets().propose(lacking.w.gp, lacking.proposal(plan, List.of(
                        new BudgetLine(PA, SpendCategory.PERSONAL_ASSISTANT, Money.parse("100"),
                                BudgetWorld.directPayment(lacking.today))))))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R19"));

        Patient person = lacking.w.care.patients().get(lacking.w.gp, lacking.patient()).value();
        PersonalHealthBudget viaRepresentative = PersonalHealthBudget.propose(BudgetId.random(), person, plan,
                new Eligibility(EligibilityReason.CONTINUING_HEALTHCARE, lacking.today), BudgetHolder.patient(), List.of(
                        new BudgetLine(PA, SpendCategory.PERSONAL_ASSISTANT, Money.parse("100"), Management.directPayment(
                                Recipient.representative(UserId.of("REP-1"), lacking.today),
                                new PaymentAccount(AccountKind.MANAGED_ACCOUNT, "MA-7", lacking.today)))),
                lacking.today, BudgetPolicy.defaults(), lacking.today);
        assertThat(viaRepresentative.status()).isEqualTo(BudgetStatus.PROPOSED);
    }

    @Test
    @DisplayName("R19 a child turning 16: payments to their representative stop until the young person (or a nominee) receives them")
    void r19AChildTurningSixteenReceivesTheDirectPaymentThemself() {
        LocalDate start = LocalDate.of(2026, 11, 23);
        LocalDate sixteenth = LocalDate.of(2026, 12, 1);
        Patient child = new Patient(io.github.personalcare.identity.PatientId.random(),
                io.github.personalcare.identity.NhsNumber.parse("9434765870"),
                io.github.personalcare.identity.NhsNumberVerification.VERIFIED,
                new io.github.personalcare.identity.PersonName("Sam", "Example"), sixteenth.minusYears(16), Set.of(),
                Optional.of(io.github.personalcare.identity.OdsCode.of("A81001")), Optional.empty());
        CarePlanId plan = CarePlanId.random();
        PersonalHealthBudget budget = PersonalHealthBudget.propose(BudgetId.random(), child, plan,
                new Eligibility(EligibilityReason.CHILDREN_CONTINUING_CARE, start), BudgetHolder.patient(), List.of(
                        new BudgetLine(PA, SpendCategory.PERSONAL_ASSISTANT, Money.parse("6000"), Management.directPayment(
                                Recipient.representative(UserId.of("PARENT-1"), start),
                                new PaymentAccount(AccountKind.DEDICATED_ACCOUNT, ACCOUNT, start)))),
                start, BudgetPolicy.defaults(), start)
                .activate(Optional.of(new AgreedPlan(plan, Set.of(PA), Optional.of(start.plusMonths(2)))), start);
        java.util.function.Function<LocalDate, LedgerEntry> payment = on -> LedgerCommand.Allocation.directPayment(
                        "pay-" + on, PA, Money.parse("500.00"), on, ACCOUNT)
                .toEntry(LedgerEntryId.random(), budget.id(), child.id(), "system:test", b.w.clock.instant());

        budget.checkEntry(payment.apply(sixteenth.minusDays(1)), Optional.of(ACCOUNT), child, sixteenth.minusDays(1));
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> budget.checkEntry(payment.apply(sixteenth), Optional.of(ACCOUNT), child, sixteenth))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R19"));
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> budget.changeRecipient(PA, Recipient.patient(sixteenth.minusDays(1)),
                        new PaymentAccount(AccountKind.DEDICATED_ACCOUNT, "DP-SAM-1", start), child,
                        sixteenth.minusDays(1)))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R19"));

        PaymentAccount sams = new PaymentAccount(AccountKind.DEDICATED_ACCOUNT, "DP-SAM-1", sixteenth);
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> budget.changeRecipient(PA, Recipient.patient(sixteenth),
                        new PaymentAccount(AccountKind.DEDICATED_ACCOUNT, ACCOUNT, start), child, sixteenth))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R21"));
        PersonalHealthBudget theirOwn = budget.changeRecipient(PA, Recipient.patient(sixteenth), sams, child, sixteenth);
        java.util.function.Function<LocalDate, LedgerEntry> intoTheirs = on -> LedgerCommand.Allocation.directPayment(
                        "pay-own-" + on, PA, Money.parse("500.00"), on, "DP-SAM-1")
                .toEntry(LedgerEntryId.random(), budget.id(), child.id(), "system:test", b.w.clock.instant());
        theirOwn.checkEntry(intoTheirs.apply(sixteenth), Optional.of("DP-SAM-1"), child, sixteenth);
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> theirOwn.checkEntry(payment.apply(sixteenth), Optional.of(ACCOUNT), child, sixteenth))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R21"));
        assertThat(theirOwn.line(PA).orElseThrow().management())
                .isInstanceOfSatisfying(Management.DirectPayment.class,
                        dp -> assertThat(dp.recipient().kind()).isEqualTo(RecipientKind.PATIENT));
    }

    @Test
    @DisplayName("R19 a representative receives a direct payment only for a child under 16 or a patient lacking capacity")
    void r19RepresentativeOnlyWhenNeeded() {
        CarePlanId plan = CarePlanId.random();

        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> b.budgets().propose(b.w.gp, b.proposal(plan, List.of(
                        new BudgetLine(PA, SpendCategory.PERSONAL_ASSISTANT, Money.parse("100"), Management.directPayment(
                                Recipient.representative(UserId.of("REP-1"), b.today),
                                new PaymentAccount(AccountKind.MANAGED_ACCOUNT, "MA-7", b.today)))))))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R19"));
    }

    @Test
    @DisplayName("R19 a nominee must be named and have agreed")
    void r19NomineeMustBeNamed() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> new Recipient(RecipientKind.NOMINEE, Optional.empty(), b.today))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R19"));
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> Recipient.nominee(UserId.of("NOM-1"), null))
                .satisfies(e -> assertThat(e.field()).isEqualTo("recipient.consentedOn"));
    }

    // --- R20 ---

    @Test
    @DisplayName("R20 a person excluded under the Schedule cannot have a direct-payment line without the configured override")
    void r20ScheduleExclusion() {
        BudgetWorld excluded = new BudgetWorld(Set.of(PatientFlag.DIRECT_PAYMENT_EXCLUDED), LocalDate.of(1970, 1, 1));
        CarePlanId plan = excluded.agreedPlanFunding(PA).value().id();
        AuditedOverride override = new AuditedOverride(UserId.of("ICB-CD-1"), "Panel decision after risk review");
        List<BudgetLine> withOverride = List.of(new BudgetLine(PA, SpendCategory.PERSONAL_ASSISTANT, Money.parse("100"),
                BudgetWorld.directPayment(excluded.today).withScheduleOverride(override)));

        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> excluded.budgets().propose(excluded.w.gp, excluded.proposal(plan, withOverride)))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R20"));

        PersonalHealthBudget allowed = excluded.budgetsUnder(BudgetPolicy.defaults().allowingScheduleOverride())
                .propose(excluded.w.gp, excluded.proposal(plan, withOverride)).value();
        assertThat(allowed.status()).isEqualTo(BudgetStatus.PROPOSED);
        assertThat(excluded.audit()).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("budget.scheduleOverride");
            assertThat(e.rule()).isEqualTo("R20");
        });
    }

    // --- R21 ---

    @Test
    @DisplayName("R21 a direct payment into an account other than the registered one is rejected and nothing stored")
    void r21PaymentIntoUnregisteredAccountIsRejected() {
        PersonalHealthBudget budget = b.active();

        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> b.budgets().allocate(b.w.gp, budget.id(), LedgerCommand.Allocation.directPayment(
                        "pay-1", PA, Money.parse("100.00"), b.today, "PERSONAL-CURRENT-ACC")))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R21"));
        assertThat(b.storedEntries(budget.id())).isEmpty();
    }

    @Test
    @DisplayName("R21 a direct-payment line cannot be opened on an account registered only in the future")
    void r21AccountMustBeRegistered() {
        CarePlanId plan = CarePlanId.random();
        List<BudgetLine> lines = List.of(new BudgetLine(PA, SpendCategory.PERSONAL_ASSISTANT, Money.parse("100"),
                Management.directPayment(Recipient.patient(b.today),
                        new PaymentAccount(AccountKind.DEDICATED_ACCOUNT, ACCOUNT, b.today.plusDays(1)))));

        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> b.budgets().propose(b.w.gp, b.proposal(plan, lines)))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R21"));
    }

    // --- R22 ---

    @Test
    @DisplayName("R22 the first direct-payment review is due 3 months after the first payment, then 12-monthly")
    void r22DirectPaymentReviewDates() {
        PersonalHealthBudget budget = b.funded();
        assertThat(budget.nextReviewDue()).contains(b.today.plusMonths(3));

        b.w.clock.advance(Duration.ofDays(60));
        LocalDate reviewed = b.w.today();
        PersonalHealthBudget after = b.budgets().completeReview(b.w.gp, budget.id(),
                new BudgetReview(reviewed, true, true, true, Optional.empty()), b.version(budget.id())).value();

        assertThat(after.nextReviewDue()).contains(reviewed.plusMonths(12));
    }

    @Test
    @DisplayName("R42 a planning worklist of budgets due for review leaves out patients with a national data opt-out")
    void r42PlanningWorklistLeavesOutOptedOutPatients() {
        PersonalHealthBudget budget = b.funded();
        LocalDate afterDue = b.today.plusMonths(3).plusDays(1);
        var planner = io.github.personalcare.access.AccessContext.of(io.github.personalcare.access.Actor.professional(
                io.github.personalcare.identity.UserId.of("ICB-1"),
                io.github.personalcare.access.ProfessionalRole.COMMISSIONER,
                io.github.personalcare.identity.OdsCode.of("QWE")), io.github.personalcare.access.Purpose.PLANNING);
        assertThat(b.budgets().dueForReview(planner, afterDue)).extracting(PersonalHealthBudget::id)
                .containsExactly(budget.id());

        var patient = b.w.care.patients().get(b.w.gp, b.patient());
        b.w.care.patients().updateFlags(b.w.gp, b.patient(), java.util.Set.of(
                io.github.personalcare.patient.PatientFlag.COMPLEX_NEEDS,
                io.github.personalcare.patient.PatientFlag.NATIONAL_DATA_OPT_OUT), patient.version());

        assertThat(b.budgets().dueForReview(planner, afterDue)).isEmpty();
        assertThat(b.budgets().dueForReview(b.w.gp, afterDue)).extracting(PersonalHealthBudget::id)
                .containsExactly(budget.id());
    }

    @Test
    @DisplayName("R22 a missed direct-payment review date surfaces as overdue and due for review")
    void r22MissedReviewIsOverdue() {
        PersonalHealthBudget budget = b.funded();
        LocalDate afterDue = b.today.plusMonths(3).plusDays(1);

        assertThat(budget.isReviewOverdueOn(afterDue)).isTrue();
        assertThat(budget.isReviewOverdueOn(b.today.plusMonths(3))).isFalse();
        assertThat(b.budgets().dueForReview(b.w.gp, afterDue)).extracting(PersonalHealthBudget::id)
                .containsExactly(budget.id());
        assertThat(b.budgets().dueForReview(b.w.gp, b.today.plusMonths(1))).isEmpty();
    }

    @Test
    @DisplayName("R22 a budget without direct payments follows its care plan's review date")
    void r22OtherBudgetsFollowThePlan() {
        CarePlanId plan = b.agreedPlanFunding(PHYSIO).value().id();
        PersonalHealthBudget notional = b.budgets().propose(b.w.gp, b.proposal(plan, List.of(
                new BudgetLine(PHYSIO, SpendCategory.THERAPY, Money.parse("100"), Management.notional())))).value();
        notional = b.budgets().activate(b.w.gp, notional.id(), b.version(notional.id())).value();

        assertThat(notional.nextReviewDue()).contains(b.today.plusMonths(2));
        assertThat(notional.dueForReview(b.today.plusMonths(2))).isTrue();
    }

    @Test
    @DisplayName("R22 a plan agreed again with a later review date carries it to the budget it funds")
    void r22ABudgetFollowsItsPlanWhenThePlanIsAgreedAgain() {
        var agreed = b.agreedPlanFunding(PHYSIO);
        CarePlanId plan = agreed.value().id();
        PersonalHealthBudget notional = b.budgets().propose(b.w.gp, b.proposal(plan, List.of(
                new BudgetLine(PHYSIO, SpendCategory.THERAPY, Money.parse("100"), Management.notional())))).value();
        notional = b.budgets().activate(b.w.gp, notional.id(), b.version(notional.id())).value();
        assertThat(notional.nextReviewDue()).contains(b.today.plusMonths(2));

        // The plan is reviewed and agreed again, due for review in six months this time.
        var plans = b.w.care.carePlans();
        var v = plans.startReview(b.w.gp, plan, agreed.version());
        v = plans.edit(b.w.gp, plan, v.value().content().withReview(
                io.github.personalcare.careplan.ReviewArrangements.on(b.today.plusMonths(6))), v.version());
        v = plans.propose(b.w.gp, plan, v.version());
        v = plans.agree(b.w.self, plan, v.version());
        plans.coSign(b.w.gp, plan, v.version());

        PersonalHealthBudget after = b.budgets().get(b.w.gp, notional.id()).value();
        assertThat(after.nextReviewDue()).contains(b.today.plusMonths(6));
        assertThat(after.dueForReview(b.today.plusMonths(3))).isFalse();
        assertThat(b.budgets().dueForReview(b.w.gp, b.today.plusMonths(3))).isEmpty();
        List<io.github.personalcare.spi.OutboxEntry> outbox = b.w.storage.inTransaction(tx -> tx.outbox().undelivered());
        assertThat(outbox).extracting(io.github.personalcare.spi.OutboxEntry::event)
                .filteredOn(BudgetEvent.PlanReviewDateFollowed.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((BudgetEvent.PlanReviewDateFollowed) e).planReviewDue())
                        .contains(b.today.plusMonths(6)));
    }

    @Test
    @DisplayName("R48 review notes labelled third party or serious harm are withheld from the patient; the care team reads them")
    void r48LabelledReviewNotesAreWithheldFromThePatient() {
        PersonalHealthBudget budget = b.funded();
        BudgetReview review = new BudgetReview(b.today, true, true, true,
                Optional.of("Daughter reports her own debts; keep the account separate")).labelled(
                io.github.personalcare.access.SensitivityLabel.THIRD_PARTY);

        var answer = b.budgets().completeReview(b.w.gp, budget.id(), review, b.version(budget.id()));

        assertThat(answer.value().reviews()).singleElement().satisfies(r -> assertThat(r.notes()).isPresent());
        assertThat(b.budgets().get(b.w.gp, budget.id()).value().reviews()).singleElement()
                .satisfies(r -> assertThat(r.notes()).contains("Daughter reports her own debts; keep the account separate"));
        assertThat(b.budgets().get(b.w.self, budget.id()).value().reviews()).singleElement().satisfies(r -> {
            assertThat(r.notes()).isEmpty();
            assertThat(r.needsMet()).isTrue();
        });
        assertThat(b.budgets().budgetsOf(b.w.self, b.patient())).singleElement()
                .satisfies(v -> assertThat(v.value().reviews().get(0).notes()).isEmpty());
        assertThat(b.stored(budget.id()).value().reviews().get(0).notes()).isPresent();
    }

    // --- R23 ---

    @Test
    @DisplayName("R23 a significant change in health raises a review task to consider")
    void r23HealthChangeRaisesAReviewTask() {
        PersonalHealthBudget budget = b.funded();

        ReviewTask task = BudgetWorld.lastTask(b.budgets().recordHealthChange(b.w.gp, budget.id(), b.today, b.version(budget.id())));

        assertThat(task.kind()).isEqualTo(ReviewTaskKind.HEALTH_CHANGED);
        assertThat(task.isMandatory()).isFalse();
        assertThat(b.stored(budget.id()).value().dueForReview(b.today)).isTrue();
        assertThat(b.budgets().dueForReview(b.w.gp, b.today)).extracting(PersonalHealthBudget::id)
                .as("the review queue finds it by its open task, before its review date")
                .containsExactly(budget.id());
    }

    @Test
    @DisplayName("R23 a shortfall against the plan raises a must-review task, closed by the next review")
    void r23ShortfallRaisesAMustReviewTask() {
        PersonalHealthBudget budget = b.funded();

        ReviewTask task = BudgetWorld.lastTask(b.budgets().recordShortfall(b.w.gp, budget.id(), Optional.of(PA), b.today, b.version(budget.id())));
        assertThat(task.isMandatory()).isTrue();
        PersonalHealthBudget reviewed = b.budgets().completeReview(b.w.gp, budget.id(),
                new BudgetReview(b.today, true, true, false, Optional.of("Hours increased after review")), b.version(budget.id())).value();

        assertThat(reviewed.reviewTasks()).singleElement().satisfies(t -> assertThat(t.isOpen()).isFalse());
    }

    // --- R24 ---

    @Test
    @DisplayName("R24 reducing a direct payment needs a written notice with reasons")
    void r24ReductionNeedsANotice() {
        PersonalHealthBudget budget = b.funded();

        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> b.budgets().changePlannedAmount(b.w.gp, budget.id(), PA, Money.parse("5000.00"),
                        Optional.empty(), b.version(budget.id())))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R24"));

        WrittenNotice notice = BudgetWorld.lastNotice(b.budgets().issueReductionNotice(b.w.gp, budget.id(), PA, Money.parse("5000.00"),
                "Fewer hours are needed since the adaptation to the bathroom", b.version(budget.id())));
        PersonalHealthBudget reduced = b.budgets().changePlannedAmount(b.w.gp, budget.id(), PA, Money.parse("5000.00"),
                Optional.of(notice.id()), b.version(budget.id())).value();
        assertThat(reduced.line(PA).orElseThrow().plannedPerPeriod()).isEqualTo(Money.parse("5000.00"));
    }

    @Test
    @DisplayName("R24 a repayment notice states amount, due date and who must repay; recovery waits for a pending reconsideration")
    void r24RepaymentNoticeAndReconsideration() {
        PersonalHealthBudget budget = b.funded();
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> b.budgets().recover(b.w.gp, budget.id(), new LedgerCommand.Recovery("r-1", PA,
                        Money.parse("500.00"), b.today, "Accumulated unused money", Optional.empty())))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R24"));

        WrittenNotice notice = BudgetWorld.lastNotice(b.budgets().issueRepaymentNotice(b.w.gp, budget.id(), PA, Money.parse("500.00"),
                b.today.plusDays(28), Repayer.PATIENT, "A substantial amount has accumulated unused", b.version(budget.id())));
        b.budgets().requestReconsideration(b.w.gp, budget.id(), notice.id(), b.version(budget.id()));
        LedgerCommand.Recovery recovery = new LedgerCommand.Recovery("r-1", PA, Money.parse("500.00"), b.today,
                "Accumulated unused money", Optional.of(notice.id()));
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> b.budgets().recover(b.w.gp, budget.id(), recovery))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R24"));

        PersonalHealthBudget decided = b.budgets().decideReconsideration(b.w.gp, budget.id(), notice.id(),
                ReconsiderationOutcome.UPHELD, "The money was not needed for the plan's services", b.version(budget.id())).value();
        assertThat(decided.notice(notice.id()).orElseThrow().reconsideration().orElseThrow().outcome())
                .contains(ReconsiderationOutcome.UPHELD);
        b.budgets().recover(b.w.gp, budget.id(), recovery);
        assertThat(b.budgets().balance(b.w.gp, budget.id(), PA)).isEqualTo(new Balance(250_000));
    }

    @Test
    @DisplayName("R24 a repayment notice without a due date or repayer is invalid")
    void r24RepaymentNoticeNeedsItsParticulars() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> new WrittenNotice(NoticeId.random(), NoticeKind.REPAYMENT, b.today, "reasons", PA,
                        Money.parse("10"), Optional.empty(), Optional.of(Repayer.PATIENT), 0, Optional.empty()))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R24"));
    }

    @Test
    @DisplayName("R24 nothing is recovered under a notice withdrawn on reconsideration")
    void r24WithdrawnNoticeAllowsNoRecovery() {
        PersonalHealthBudget budget = b.funded();
        WrittenNotice notice = BudgetWorld.lastNotice(b.budgets().issueRepaymentNotice(b.w.gp, budget.id(), PA, Money.parse("500.00"),
                b.today.plusDays(28), Repayer.PATIENT, "A substantial amount has accumulated unused", b.version(budget.id())));
        b.budgets().requestReconsideration(b.w.gp, budget.id(), notice.id(), b.version(budget.id()));
        b.budgets().decideReconsideration(b.w.gp, budget.id(), notice.id(), ReconsiderationOutcome.WITHDRAWN,
                "The money is committed to respite booked for the spring", b.version(budget.id()));

        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> b.budgets().recover(b.w.gp, budget.id(), new LedgerCommand.Recovery("r-1", PA,
                        Money.parse("500.00"), b.today, "Accumulated unused money", Optional.of(notice.id()))))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R24"));
    }

    // --- R25 ---

    @Test
    @DisplayName("R25 withdrawal of consent stops direct payments and spends at once; other lines carry on")
    void r25ConsentWithdrawalStopsDirectPayments() {
        PersonalHealthBudget budget = b.funded();

        b.budgets().withdrawDirectPaymentConsent(b.w.gp, budget.id(), b.today, b.version(budget.id()));

        assertThatExceptionOfType(SpendRejectedException.class)
                .isThrownBy(() -> b.budgets().recordSpend(b.w.gp, budget.id(),
                        b.spend("s-1", PA, "10.00", SpendCategory.PERSONAL_ASSISTANT)))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(DIRECT_PAYMENTS_STOPPED))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R25"));
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> b.budgets().allocate(b.w.gp, budget.id(), LedgerCommand.Allocation.directPayment(
                        "pay-2", PA, Money.parse("100.00"), b.today, ACCOUNT)))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R25"));
        b.budgets().recordSpend(b.w.gp, budget.id(), b.spend("s-2", PHYSIO, "10.00", SpendCategory.THERAPY));
    }

    // --- R26 ---

    @Test
    @DisplayName("R26 after the patient's death no payment is made and unspent money is demanded from the personal representatives")
    void r26DeathStopsPaymentsAndAllowsRepayment() {
        PersonalHealthBudget budget = b.funded();

        b.budgets().recordDeath(b.w.gp, budget.id(), b.today, b.version(budget.id()));

        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> b.budgets().allocate(b.w.gp, budget.id(), LedgerCommand.Allocation.directPayment(
                        "pay-2", PA, Money.parse("100.00"), b.today, ACCOUNT)))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R26"));
        assertThatExceptionOfType(SpendRejectedException.class)
                .isThrownBy(() -> b.budgets().recordSpend(b.w.gp, budget.id(),
                        b.spend("s-1", PA, "10.00", SpendCategory.PERSONAL_ASSISTANT)))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R26"));
        WrittenNotice notice = BudgetWorld.lastNotice(b.budgets().issueRepaymentNotice(b.w.gp, budget.id(), PA, Money.parse("3000.00"),
                b.today.plusDays(56), Repayer.PERSONAL_REPRESENTATIVES, "Unspent direct payment after death", b.version(budget.id())));
        b.budgets().recover(b.w.gp, budget.id(), new LedgerCommand.Recovery("r-1", PA, Money.parse("3000.00"), b.today,
                "Repaid by the estate", Optional.of(notice.id())));
        assertThat(b.budgets().balance(b.w.gp, budget.id(), PA)).isEqualTo(Balance.ZERO);
    }

    @Test
    @DisplayName("R26 a date of death before the date of birth, or in the future, is refused and nothing is stored")
    void r26ADateOfDeathBeforeBirthIsRefused() {
        PersonalHealthBudget budget = b.funded();
        long version = b.version(budget.id());

        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> b.budgets().recordDeath(b.w.gp, budget.id(), LocalDate.of(1950, 12, 9), version))
                .satisfies(e -> {
                    assertThat(e.rule()).isEqualTo("R26");
                    assertThat(e.field()).isEqualTo("dateOfDeath");
                });
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> b.budgets().recordDeath(b.w.gp, budget.id(), b.today.plusDays(1), version));
        assertThat(b.version(budget.id())).isEqualTo(version);
        assertThat(b.budgets().get(b.w.gp, budget.id()).value().directPaymentsStopped()).isFalse();
    }

    @Test
    @DisplayName("R23 a change in health dated in the future is refused and raises no task")
    void r23AHealthChangeInTheFutureIsRefused() {
        PersonalHealthBudget budget = b.funded();
        long version = b.version(budget.id());

        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> b.budgets().recordHealthChange(b.w.gp, budget.id(), b.today.plusYears(30), version))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R23"));
        assertThat(b.budgets().get(b.w.gp, budget.id()).value().reviewTasks()).isEmpty();
    }

    @Test
    @DisplayName("R26 no direct payment is dated on or after a date of death on the patient's record")
    void r26NoPaymentAfterRecordedDeath() {
        PersonalHealthBudget budget = b.funded();
        Patient deceased = b.w.care.patients().get(b.w.gp, b.patient()).value().withDateOfDeath(b.today);
        LedgerEntry payment = LedgerCommand.Allocation.directPayment("pay-2", PA, Money.parse("100.00"), b.today, ACCOUNT)
                .toEntry(LedgerEntryId.random(), budget.id(), b.patient(), "system:test", b.w.clock.instant());

        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> budget.checkEntry(payment, Optional.of(ACCOUNT), deceased, b.today))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R26"));
    }

    // --- R27 ---

    @Test
    @DisplayName("R27 accumulated unused money may be offset only up to the next scheduled payment")
    void r27OffsetLimitedToNextPayment() {
        PersonalHealthBudget budget = b.funded();
        LedgerCommand.Allocation next = LedgerCommand.Allocation.directPayment("pay-2", PA, Money.parse("500.00"),
                b.today, ACCOUNT);

        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> b.budgets().allocate(b.w.gp, budget.id(), next.withOffset(Money.parse("500.01"))))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R27"));

        b.budgets().allocate(b.w.gp, budget.id(), next.withOffset(Money.parse("500.00")));
        assertThat(b.budgets().balance(b.w.gp, budget.id(), PA)).isEqualTo(new Balance(300_000));
        assertThat(b.storedEntries(budget.id())).extracting(LedgerEntry::idempotencyKey)
                .contains("pay-2", "pay-2:offset");
    }
}
