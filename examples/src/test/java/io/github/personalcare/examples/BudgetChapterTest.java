package io.github.personalcare.examples;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.budget.Balance;
import io.github.personalcare.budget.BudgetStatus;
import io.github.personalcare.budget.PersonalHealthBudget;
import io.github.personalcare.careplan.Action;
import io.github.personalcare.careplan.ActionOwner;
import io.github.personalcare.careplan.CarePlan;
import io.github.personalcare.careplan.CarePlanContent;
import io.github.personalcare.careplan.ContingencyPlan;
import io.github.personalcare.careplan.Goal;
import io.github.personalcare.careplan.ReviewArrangements;
import io.github.personalcare.careplan.SupportItem;
import io.github.personalcare.careteam.CareTeam;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.patient.PatientFlag;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.lang.Versioned;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class BudgetChapterTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private final PersonalCare care = PersonalCare.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    private final AccessContext gp = AccessContext.of(Actor.professional(UserId.of("GP-1"),
            ProfessionalRole.GENERAL_PRACTITIONER, OdsCode.of("A81001")), Purpose.DIRECT_CARE);

    /** A patient with the GP as lead professional and an agreed plan funding two budget lines. */
    private PatientId patientWithAgreedPlan() {
        return patientWithAgreedPlan(List.of(
                SupportItem.fundedBy("A personal assistant, ten hours a week", "PA-HOURS"),
                SupportItem.fundedBy("Hydrotherapy sessions", "HYDRO")));
    }

    private PatientId patientWithAgreedPlan(List<SupportItem> support) {
        PatientId patient = care.patients().register(gp, NhsNumber.parse("943 476 5870"),
                NhsNumberVerification.VERIFIED, new PersonName("Ada", "Quarrington"), LocalDate.of(1950, 12, 10),
                Set.of(PatientFlag.COMPLEX_NEEDS), Optional.of(OdsCode.of("A81001"))).value().id();
        Versioned<CareTeam> team = care.careTeams().establish(gp, patient);
        team = care.careTeams().addProfessional(gp, team.value().id(), UserId.of("GP-1"),
                ProfessionalRole.GENERAL_PRACTITIONER, OdsCode.of("A81001"), team.version());
        care.careTeams().appointLead(gp, team.value().id(), team.value().professionals().get(0).id(), team.version());
        Goal walk = Goal.of("Walk to the shops on my own again", "Distance walked", Optional.of(TODAY.plusMonths(2)));
        CarePlanContent content = CarePlanContent.empty()
                .withAboutMe("I like to be called Ada.")
                .withWhatMattersToMe(List.of("Staying in my own home"))
                .withGoals(List.of(walk))
                .withActions(List.of(Action.of("Exercises each morning", ActionOwner.patient(), Optional.empty(),
                        List.of(walk.id()))))
                .withSupportAndServices(support)
                .withContingency(new ContingencyPlan("Breathless when resting", "Use the rescue pack",
                        List.of("NHS 111")))
                .withReview(ReviewArrangements.on(TODAY.plusMonths(2)));
        AccessContext self = AccessContext.patientSelf(patient);
        Versioned<CarePlan> plan = care.carePlans().draft(self, patient, content);
        plan = care.carePlans().propose(self, plan.value().id(), plan.version());
        plan = care.carePlans().agree(self, plan.value().id(), plan.version());
        care.carePlans().coSign(gp, plan.value().id(), plan.version());
        return patient;
    }

    @Test
    void theChapterSetsUpADirectPaymentBudgetRecordsSpendsRefusesAlcoholAndPrintsAStatement() {
        PatientId patient = patientWithAgreedPlan();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        PersonalHealthBudget budget = BudgetChapter.run(care, new PrintStream(bytes, true, StandardCharsets.UTF_8), gp,
                patient);

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(budget.status()).isEqualTo(BudgetStatus.ACTIVE);
        assertThat(budget.balance()).isEqualTo(new Balance(150_000 - 24_000 - 3_650));
        assertThat(out).contains("funds budget lines [PA-HOURS, HYDRO]");
        assertThat(out).contains("first review due by 2027-02-23 (R22)");
        assertThat(out).contains("Spend on ALCOHOL refused: EXCLUDED_CATEGORY (R16)");
        assertThat(out).contains("opening balance £0.00");
        assertThat(out).contains("closing balance £1223.50");
        assertThat(out).contains("line PA-HOURS     paid in £1500.00, spent £276.50, closing £1223.50");
        assertThat(out).doesNotContain("should never happen").doesNotContain("Quarrington").doesNotContain("9434765870");
    }

    @Test
    void aPlanFundingNoBudgetLineIsFirstReviewedToFundOne() {
        PatientId patient = patientWithAgreedPlan(List.of(SupportItem.of("Community physiotherapy, six sessions")));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        PersonalHealthBudget budget = BudgetChapter.run(care, new PrintStream(bytes, true, StandardCharsets.UTF_8), gp,
                patient);

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("a personal assistant is now funded from budget line PA-HOURS");
        assertThat(out).contains("Agreed care plan version 2 funds budget lines [PA-HOURS]");
        assertThat(budget.status()).isEqualTo(BudgetStatus.ACTIVE);
        assertThat(care.carePlans().currentAgreed(gp, patient).orElseThrow().number()).isEqualTo(2);
    }
}
