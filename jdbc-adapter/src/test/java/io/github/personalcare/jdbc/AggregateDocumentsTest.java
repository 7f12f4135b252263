package io.github.personalcare.jdbc;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.personalcare.budget.AccountKind;
import io.github.personalcare.budget.AgreedPlan;
import io.github.personalcare.budget.BudgetHolder;
import io.github.personalcare.budget.BudgetId;
import io.github.personalcare.budget.BudgetLine;
import io.github.personalcare.budget.BudgetLineCode;
import io.github.personalcare.budget.BudgetPolicy;
import io.github.personalcare.budget.BudgetReview;
import io.github.personalcare.budget.BudgetStores;
import io.github.personalcare.budget.DirectPaymentStop;
import io.github.personalcare.budget.Eligibility;
import io.github.personalcare.budget.EligibilityReason;
import io.github.personalcare.budget.HolderKind;
import io.github.personalcare.budget.LedgerCommand;
import io.github.personalcare.budget.LedgerEntryId;
import io.github.personalcare.budget.Management;
import io.github.personalcare.budget.Money;
import io.github.personalcare.budget.NoticeId;
import io.github.personalcare.budget.PaymentAccount;
import io.github.personalcare.budget.PaymentFrequency;
import io.github.personalcare.budget.PersonalHealthBudget;
import io.github.personalcare.budget.Recipient;
import io.github.personalcare.budget.ReconsiderationOutcome;
import io.github.personalcare.budget.Repayer;
import io.github.personalcare.budget.ReviewTask;
import io.github.personalcare.budget.ReviewTaskId;
import io.github.personalcare.budget.ReviewTaskKind;
import io.github.personalcare.budget.SpendCategory;
import io.github.personalcare.budget.StopReason;
import io.github.personalcare.budget.WrittenNotice;
import io.github.personalcare.careplan.CarePlan;
import io.github.personalcare.careplan.CarePlanStores;
import io.github.personalcare.careteam.CareTeam;
import io.github.personalcare.careteam.CareTeamStores;
import io.github.personalcare.careplan.CarePlanId;
import io.github.personalcare.consent.ConsentRecord;
import io.github.personalcare.consent.ConsentStores;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.referral.Referral;
import io.github.personalcare.referral.ReferralStores;
import io.github.personalcare.spi.AggregateType;
import io.github.personalcare.testkit.BudgetStorageContract;
import io.github.personalcare.testkit.CarePlans;
import io.github.personalcare.testkit.Consents;
import io.github.personalcare.testkit.Referrals;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every aggregate of the SDK, fully populated by the testkit's fixtures, survives the adapter's JSON
 * mapping unchanged: sealed interfaces (consent performers and provision actors, referral commands
 * and history, budget management options), Optionals, java.time values and enums. The storage
 * contracts ({@code H2*StorageContractTest}, {@code Postgres*StorageContractIT}) repeat this through
 * the database; this test names the mapping when it is the mapping that breaks.
 */
class AggregateDocumentsTest {
    private static final Instant AT = Instant.parse("2026-11-23T10:15:30.123456789Z");
    private static final LocalDate REVIEW = LocalDate.of(2027, 1, 15);
    private final JsonDocuments json = new JsonDocuments();
    private final PatientId patient = PatientId.random();

    private <A> A roundTrip(AggregateType<?, A> type, A value) {
        return json.read(type.type(), json.write(type.type(), value, type.name()), type.name());
    }

    /** Reaches the testkit's fully populated budget; abstract, so JUnit never runs the contract here. */
    abstract static class BudgetFixture extends BudgetStorageContract {
        static PersonalHealthBudget activeDirectPaymentBudget() {
            return activeBudget(CarePlans.patient(PatientId.random()), EligibilityReason.S117_AFTERCARE);
        }
    }

    @Test
    void anAgreedAndReviewedCarePlanComesBackEqualWithEveryVersion() {
        CarePlan plan = CarePlans.reviewed(CarePlans.agreed(patient, AT, REVIEW), AT.plusSeconds(86_400), REVIEW.plusMonths(1));

        assertThat(roundTrip(CarePlanStores.PLANS, plan)).isEqualTo(plan);
    }

    @Test
    void aCareTeamComesBackEqual() {
        CareTeam team = CarePlans.team(patient, AT);

        assertThat(roundTrip(CareTeamStores.TEAMS, team)).isEqualTo(team);
    }

    @Test
    void aBudgetWithDirectPaymentNotionalAndThirdPartyLinesComesBackEqual() {
        PersonalHealthBudget budget = BudgetFixture.activeDirectPaymentBudget();

        assertThat(roundTrip(BudgetStores.BUDGETS, budget)).isEqualTo(budget);
    }

    @Test
    void aReferralWithCommandsHistoryAndPausedClockComesBackEqual() {
        Referral referral = Referrals.fullyPopulated(patient, AT);

        assertThat(roundTrip(ReferralStores.REFERRALS, referral)).isEqualTo(referral);
    }

    @Test
    void aConsentUsingEveryPartOfTheModelComesBackEqual() {
        ConsentRecord consent = Consents.everyPart(patient);

        assertThat(roundTrip(ConsentStores.CONSENTS, consent)).isEqualTo(consent);
    }

    @Test
    void sealedTypesAreWrittenWithTheirSdkClassName() {
        String doc = json.write(ConsentRecord.class, Consents.everyPart(patient), "consent");

        assertThat(doc).contains("\"@type\":\"io.github.personalcare.consent.");
    }

    /**
     * A budget document as stored before the budget's notices, reviews and direct payments moved
     * into values of their own (written by commit d586766, pretty-printed): it reads back equal to
     * the same budget built today (a line stored before payment schedules existed is paid monthly),
     * and is written again in the same shape, so stored rows stay readable and nothing in them is
     * dropped on the next update.
     */
    @Test
    void aStoredBudgetWithNoticesReviewsAndStoppedDirectPaymentsReadsBackEqualAndKeepsItsShape() throws IOException {
        String stored = resource("documents/budget-with-notices-reviews-and-stopped-direct-payments.json");

        PersonalHealthBudget read = json.read(BudgetStores.BUDGETS.type(), stored, "budget");

        assertThat(read).isEqualTo(budgetWithNoticesReviewsAndStoppedDirectPayments());
        assertThat(read.firstDirectPayment()).contains(LocalDate.of(2026, 11, 23));
        assertThat(read.nextReviewDue()).contains(LocalDate.of(2027, 12, 3));
        assertThat(read.reviewTasks()).filteredOn(ReviewTask::isOpen).hasSize(1);
        assertThat(read.notices()).hasSize(2).allSatisfy(n -> assertThat(n.isInForce()).isTrue());
        assertThat(read.directPaymentsStopped()).isTrue();
        assertThat(read.lines()).allSatisfy(l -> assertThat(l.paymentFrequency()).isEqualTo(PaymentFrequency.MONTHLY));
        ObjectMapper trees = new ObjectMapper();
        // Written again in the same shape, plus the fields added since: each line's payment schedule and
        // the labels of review notes.
        var expected = trees.readTree(stored);
        expected.get("lines").forEach(line -> ((com.fasterxml.jackson.databind.node.ObjectNode) line)
                .put("paymentFrequency", "MONTHLY"));
        expected.get("reviews").forEach(review -> ((com.fasterxml.jackson.databind.node.ObjectNode) review)
                .putArray("labels")); // and the sensitivity labels of review notes (R48)
        assertThat(trees.readTree(json.write(BudgetStores.BUDGETS.type(), read, "budget"))).isEqualTo(expected);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = AggregateDocumentsTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * A budget whose direct payments, reviews and notices are all in use, built from fixed ids and
     * dates by the domain's own commands: a direct payment made (the R22 clock starts), a review
     * task raised and closed by a review and another left open, a reduction notice reconsidered
     * and upheld and the line reduced under it, a repayment notice partly recovered, and direct
     * payments stopped on withdrawal of consent (R25).
     */
    private static PersonalHealthBudget budgetWithNoticesReviewsAndStoppedDirectPayments() {
        LocalDate start = LocalDate.of(2026, 11, 23);
        Instant at = Instant.parse("2026-11-23T10:00:00Z");
        BudgetLineCode pa = BudgetLineCode.of("PA-HOURS");
        BudgetLineCode physio = BudgetLineCode.of("PHYSIO");
        Patient person = new Patient(new PatientId(UUID.fromString("7d2a1c1e-0b7e-4f0e-9a43-3f6c7d6a0001")),
                NhsNumber.parse("9434765870"), NhsNumberVerification.VERIFIED, new PersonName("Ada", "Quarrington"),
                LocalDate.of(1950, 12, 10), Set.of(), Optional.empty(), Optional.empty());
        CarePlanId plan = new CarePlanId(UUID.fromString("7d2a1c1e-0b7e-4f0e-9a43-3f6c7d6a0002"));
        BudgetId id = new BudgetId(UUID.fromString("7d2a1c1e-0b7e-4f0e-9a43-3f6c7d6a0003"));
        NoticeId reduction = new NoticeId(UUID.fromString("7d2a1c1e-0b7e-4f0e-9a43-3f6c7d6a0004"));
        NoticeId repayment = new NoticeId(UUID.fromString("7d2a1c1e-0b7e-4f0e-9a43-3f6c7d6a0005"));
        String by = "professional:GP-1@A81001/GENERAL_PRACTITIONER";
        List<BudgetLine> lines = List.of(
                new BudgetLine(pa, SpendCategory.PERSONAL_ASSISTANT, Money.parse("6000.00"), Management.directPayment(
                        Recipient.patient(start), new PaymentAccount(AccountKind.PREPAID_CARD, "CARD-9", start))),
                new BudgetLine(physio, SpendCategory.THERAPY, Money.parse("1200.00"), Management.notional()));
        PersonalHealthBudget b = PersonalHealthBudget.propose(id, person, plan,
                new Eligibility(EligibilityReason.S117_AFTERCARE, start),
                BudgetHolder.person(HolderKind.NOMINEE, UserId.of("NOM-1")), lines, start, BudgetPolicy.defaults(), start)
                .activate(Optional.of(new AgreedPlan(plan, Set.of(pa, physio), Optional.of(start.plusMonths(6)))), start);
        b = b.record(LedgerCommand.Allocation.directPayment("dp-1", pa, Money.parse("1500.00"), start, "CARD-9")
                .toEntry(new LedgerEntryId(UUID.fromString("7d2a1c1e-0b7e-4f0e-9a43-3f6c7d6a0006")), id, person.id(), by,
                        at), BudgetPolicy.defaults());
        b = b.raise(new ReviewTask(new ReviewTaskId(UUID.fromString("7d2a1c1e-0b7e-4f0e-9a43-3f6c7d6a0007")),
                ReviewTaskKind.HEALTH_CHANGED, start.plusDays(5), Optional.empty(), Optional.empty()));
        b = b.completeReview(new BudgetReview(start.plusDays(10), true, true, false, Optional.of("needs more hours")),
                Optional.of(start.plusMonths(7)));
        b = b.raise(new ReviewTask(new ReviewTaskId(UUID.fromString("7d2a1c1e-0b7e-4f0e-9a43-3f6c7d6a0008")),
                ReviewTaskKind.SHORTFALL, start.plusDays(20), Optional.of(pa), Optional.empty()));
        b = b.issue(WrittenNotice.reduction(reduction, start.plusDays(12), "fewer hours are needed", pa,
                Money.parse("5000.00")));
        b = b.requestReconsideration(reduction, start.plusDays(14));
        b = b.decideReconsideration(reduction, ReconsiderationOutcome.UPHELD, "the assessment stands", start.plusDays(18));
        b = b.changePlannedAmount(pa, Money.parse("5000.00"), Optional.of(reduction));
        b = b.issue(WrittenNotice.repayment(repayment, start.plusDays(15), "money not spent on the plan", pa,
                Money.parse("200.00"), start.plusDays(45), Repayer.PATIENT));
        b = b.record(new LedgerCommand.Recovery("recover-1", pa, Money.parse("50.00"), start.plusDays(16), "unused money",
                Optional.of(repayment)).toEntry(new LedgerEntryId(UUID.fromString("7d2a1c1e-0b7e-4f0e-9a43-3f6c7d6a0009")),
                id, person.id(), by, at), BudgetPolicy.defaults());
        return b.stopDirectPayments(new DirectPaymentStop(StopReason.CONSENT_WITHDRAWN, start.plusDays(25)));
    }
}
