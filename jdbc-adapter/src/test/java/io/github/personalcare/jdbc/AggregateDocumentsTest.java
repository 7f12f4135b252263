package io.github.personalcare.jdbc;

import io.github.personalcare.budget.BudgetStores;
import io.github.personalcare.budget.EligibilityReason;
import io.github.personalcare.budget.PersonalHealthBudget;
import io.github.personalcare.careplan.CarePlan;
import io.github.personalcare.careplan.CarePlanStores;
import io.github.personalcare.careteam.CareTeam;
import io.github.personalcare.careteam.CareTeamStores;
import io.github.personalcare.consent.ConsentRecord;
import io.github.personalcare.consent.ConsentStores;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.referral.Referral;
import io.github.personalcare.referral.ReferralStores;
import io.github.personalcare.spi.AggregateType;
import io.github.personalcare.testkit.BudgetStorageContract;
import io.github.personalcare.testkit.CarePlans;
import io.github.personalcare.testkit.Consents;
import io.github.personalcare.testkit.Referrals;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

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
}
