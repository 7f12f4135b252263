package io.github.personalcare.careplan;

import io.github.personalcare.lang.IllegalTransitionException;
import io.github.personalcare.lang.RuleViolationException;
import io.github.personalcare.careteam.AuthorityKind;
import io.github.personalcare.identity.PatientId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The aggregate on its own: pure methods, no storage. */
class CarePlanTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Signature PATIENT = new Signature(SignatoryKind.PATIENT, "patient:x", Optional.empty(), NOW);
    private static final Signature LEAD = new Signature(SignatoryKind.LEAD_PROFESSIONAL, "professional:GP-1", Optional.empty(), NOW);

    private static CarePlan proposed(CarePlanContent content) {
        return CarePlan.draft(CarePlanId.random(), PatientId.random(), content, NOW, TODAY).propose(List.of(), TODAY);
    }

    private static CarePlan agreed(CarePlanContent content) {
        return proposed(content).agree(PATIENT, TODAY).coSign(LEAD, TODAY);
    }

    @Test
    void agreementAndCoSignatureMayComeInEitherOrder() {
        var content = CareWorld.complete(TODAY.plusMonths(6));

        assertThat(proposed(content).coSign(LEAD, TODAY).agree(PATIENT, TODAY).status()).isEqualTo(PlanStatus.AGREED);
        assertThat(proposed(content).agree(PATIENT, TODAY).coSign(LEAD, TODAY).status()).isEqualTo(PlanStatus.AGREED);
    }

    @Test
    @DisplayName("R8 a second agreement by the person is refused")
    void r8AgreementIsRecordedOnce() {
        var plan = proposed(CareWorld.complete(TODAY.plusMonths(6))).agree(PATIENT, TODAY);

        assertThatExceptionOfType(RuleViolationException.class).isThrownBy(() -> plan.agree(PATIENT, TODAY))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R8"));
    }

    @Test
    @DisplayName("R8 a representative's signature must carry the authority it relies on")
    void r8RepresentativeSignatureCarriesAuthority() {
        var rep = new Signature(SignatoryKind.REPRESENTATIVE, "carer:REP-1", Optional.of(AuthorityKind.COURT_DEPUTY), NOW);
        var plan = proposed(CareWorld.complete(TODAY.plusMonths(6))).agree(rep, TODAY).coSign(LEAD, TODAY);

        assertThat(plan.versions().get(0).personAgreement().authority()).contains(AuthorityKind.COURT_DEPUTY);
        assertThatExceptionOfType(io.github.personalcare.lang.InvalidInputException.class)
                .isThrownBy(() -> new Signature(SignatoryKind.REPRESENTATIVE, "carer:REP-1", Optional.empty(), NOW));
    }

    @Test
    @DisplayName("R7 each missing section blocks the proposal, naming the section")
    void r7EachMissingSectionIsNamed() {
        var full = CareWorld.complete(TODAY.plusMonths(6));
        var cases = List.of(
                new Object[] {full.withWhatMattersToMe(List.of()), "whatMattersToMe"},
                new Object[] {full.withActions(List.of()).withGoals(List.of()), "goals"},
                new Object[] {full.withActions(List.of()), "actions"},
                new Object[] {new CarePlanContent(full.aboutMe(), full.whatMattersToMe(), full.goals(), full.actions(),
                        full.supportAndServices(), Optional.empty(), full.information(), full.review(), List.of()),
                        "contingency"},
                new Object[] {new CarePlanContent(full.aboutMe(), full.whatMattersToMe(), full.goals(), full.actions(),
                        full.supportAndServices(), full.contingency(), full.information(), Optional.empty(), List.of()),
                        "review.nextReviewDue"});
        for (Object[] c : cases) {
            var draft = CarePlan.draft(CarePlanId.random(), PatientId.random(), (CarePlanContent) c[0], NOW, TODAY);
            assertThatExceptionOfType(io.github.personalcare.lang.InvalidInputException.class)
                    .isThrownBy(() -> draft.propose(List.of(), TODAY))
                    .satisfies(e -> {
                        assertThat(e.field()).isEqualTo(c[1]);
                        assertThat(e.rule()).isEqualTo("R7");
                    });
        }
    }

    @Test
    @DisplayName("R7 a review date that has passed while the plan awaited agreement blocks agreement")
    void r7ReviewDateMustStillBeInTheFutureWhenAgreed() {
        var plan = proposed(CareWorld.complete(TODAY.plusDays(1))).agree(PATIENT, TODAY);

        assertThatExceptionOfType(io.github.personalcare.lang.InvalidInputException.class)
                .isThrownBy(() -> plan.coSign(LEAD, TODAY.plusDays(1)))
                .satisfies(e -> assertThat(e.field()).isEqualTo("review.nextReviewDue"));
    }

    @Test
    @DisplayName("R22 a plan that first funds a personal health budget is reviewed within 3 months")
    void r22FirstBudgetFundingNeedsReviewWithinThreeMonths() {
        var funded = CareWorld.complete(TODAY.plusMonths(4))
                .withSupportAndServices(List.of(SupportItem.fundedBy("Personal assistant, 10 hours a week", "PA-1")));
        var plan = proposed(funded).agree(PATIENT, TODAY);

        assertThatExceptionOfType(RuleViolationException.class).isThrownBy(() -> plan.coSign(LEAD, TODAY))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R22"));
        var withinThreeMonths = funded.withReview(ReviewArrangements.on(TODAY.plusMonths(3)));
        assertThat(agreed(withinThreeMonths).status()).isEqualTo(PlanStatus.AGREED);
    }

    @Test
    @DisplayName("R10 review edits never touch agreed versions; changesSince lists the differences section by section")
    void r10ChangesSinceListsSectionChanges() {
        var v1Content = CareWorld.complete(TODAY.plusMonths(6));
        var plan = agreed(v1Content).startReview();
        Goal walk = v1Content.goals().get(0);
        Goal swim = Goal.of("Swim once a week", "Sessions a month", Optional.empty());
        var next = plan.content()
                .withGoals(List.of(walk.withStatus(GoalStatus.ACHIEVED), swim))
                .withReview(ReviewArrangements.on(TODAY.plusMonths(12)));

        var v2 = plan.edit(next, TODAY).propose(List.of(), TODAY).agree(PATIENT, TODAY).coSign(LEAD, TODAY);

        assertThat(v2.versions()).hasSize(2);
        assertThat(v2.version(1).content()).isEqualTo(v1Content.withCareTeam(List.of()));
        assertThat(v2.changesBetween(1, 2)).containsExactly(
                new SectionChange(PlanSection.GOALS, 1, 0, 1),
                new SectionChange(PlanSection.REVIEW_ARRANGEMENTS, 0, 0, 1));
        assertThat(v2.changesSince(2)).isEmpty();
        assertThat(new SectionChange(PlanSection.GOALS, 1, 0, 1).describe()).isEqualTo("GOALS: 1 added, 1 changed");
    }

    @Test
    void aVersionThatDoesNotExistIsNotFound() {
        var plan = agreed(CareWorld.complete(TODAY.plusMonths(6)));

        assertThatExceptionOfType(io.github.personalcare.lang.NotFoundException.class).isThrownBy(() -> plan.version(2));
        assertThatExceptionOfType(io.github.personalcare.lang.NotFoundException.class).isThrownBy(() -> plan.changesSince(0));
    }

    @Test
    void returningAProposalToDraftDiscardsSignatures() {
        var plan = proposed(CareWorld.complete(TODAY.plusMonths(6))).agree(PATIENT, TODAY).returnToDraft();

        assertThat(plan.status()).isEqualTo(PlanStatus.DRAFT);
        assertThat(plan.personAgreement()).isEmpty();
    }

    @Test
    void aPlanUnderReviewReturnsToUnderReviewNotDraft() {
        var plan = agreed(CareWorld.complete(TODAY.plusMonths(6))).startReview().propose(List.of(), TODAY).returnToDraft();

        assertThat(plan.status()).isEqualTo(PlanStatus.UNDER_REVIEW);
        assertThat(plan.currentAgreed()).isPresent();
    }

    @ParameterizedTest
    @EnumSource(PlanCommand.class)
    void anEnteredInErrorPlanTakesNoCommand(PlanCommand command) {
        assertThat(PlanStatus.ENTERED_IN_ERROR.allows(command)).isFalse();
    }

    @Test
    void theTransitionTableIsExactlyTheDocumentedOne() {
        var expected = java.util.Map.of(
                PlanStatus.DRAFT, EnumSet.of(PlanCommand.EDIT, PlanCommand.PROPOSE, PlanCommand.END, PlanCommand.ENTER_IN_ERROR),
                PlanStatus.UNDER_REVIEW, EnumSet.of(PlanCommand.EDIT, PlanCommand.PROPOSE, PlanCommand.END, PlanCommand.ENTER_IN_ERROR),
                PlanStatus.PROPOSED, EnumSet.of(PlanCommand.RETURN_TO_DRAFT, PlanCommand.AGREE, PlanCommand.CO_SIGN,
                        PlanCommand.END, PlanCommand.ENTER_IN_ERROR),
                PlanStatus.AGREED, EnumSet.of(PlanCommand.START_REVIEW, PlanCommand.END, PlanCommand.ENTER_IN_ERROR),
                PlanStatus.ENDED, EnumSet.of(PlanCommand.ENTER_IN_ERROR),
                PlanStatus.ENTERED_IN_ERROR, EnumSet.noneOf(PlanCommand.class));
        for (PlanStatus s : PlanStatus.values()) {
            Set<PlanCommand> allowed = EnumSet.noneOf(PlanCommand.class);
            for (PlanCommand c : PlanCommand.values()) {
                if (s.allows(c)) {
                    allowed.add(c);
                }
            }
            assertThat(allowed).as(s.name()).isEqualTo(expected.get(s));
        }
    }

    @Test
    void anIllegalTransitionNamesStateAndCommand() {
        var plan = CarePlan.draft(CarePlanId.random(), PatientId.random(), CarePlanContent.empty(), NOW, TODAY);

        assertThatExceptionOfType(IllegalTransitionException.class).isThrownBy(plan::startReview)
                .satisfies(e -> {
                    assertThat(e.state()).isEqualTo("DRAFT");
                    assertThat(e.command()).isEqualTo("START_REVIEW");
                    assertThat(e.getMessage()).contains("DRAFT").contains("START_REVIEW");
                });
    }


    @Test
    @DisplayName("R13 a plan entered in error has no version in force on any date")
    void r13EnteredInErrorIsNeverInForce() {
        var agreed = agreed(CareWorld.complete(TODAY.plusMonths(6)));

        assertThat(agreed.agreedOn(TODAY, ZoneOffset.UTC)).isPresent();
        assertThat(agreed.enterInError(NOW).agreedOn(TODAY, ZoneOffset.UTC)).isEmpty();
    }

    @Test
    @DisplayName("R11 overdue only when the date is after the review date")
    void r11OverdueIsStrictlyAfterTheReviewDate() {
        var agreed = agreed(CareWorld.complete(TODAY.plusDays(30)));

        assertThat(agreed.isOverdueOn(TODAY.plusDays(30))).isFalse();
        assertThat(agreed.isOverdueOn(TODAY.plusDays(31))).isTrue();
    }
}
