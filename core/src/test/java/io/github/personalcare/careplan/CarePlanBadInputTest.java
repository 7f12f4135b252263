package io.github.personalcare.careplan;

import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.careteam.MemberId;
import io.github.personalcare.lang.Versioned;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Bad input is refused with a typed error naming the field, and nothing is stored. */
class CarePlanBadInputTest {
    private final CareWorld w = new CareWorld();

    private Versioned<CarePlan> draftOf(CarePlanContent content) {
        return w.care.carePlans().draft(w.self, w.patient, content);
    }

    @Test
    @DisplayName("R7 agreeing needs a what-matters-to-me entry: the error names the field; nothing is stored")
    void blankWhatMattersToMeIsRefusedOnAgreement() {
        var content = CareWorld.complete(w.today().plusMonths(6)).withWhatMattersToMe(List.of());
        var draft = draftOf(content);
        int outbox = w.outboxSize();

        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> w.care.carePlans().propose(w.self, draft.value().id(), draft.version()))
                .satisfies(e -> {
                    assertThat(e.field()).isEqualTo("whatMattersToMe");
                    assertThat(e.rule()).isEqualTo("R7");
                });
        assertThat(w.stored(draft.value().id())).contains(draft);
        assertThat(w.outboxSize()).isEqualTo(outbox);
    }

    @Test
    void aBlankWhatMattersToMeEntryIsRefusedAndNothingIsStored() {
        var content = CareWorld.complete(w.today().plusMonths(6));

        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> draftOf(content.withWhatMattersToMe(List.of("Staying at home", "   "))))
                .satisfies(e -> assertThat(e.field()).isEqualTo("whatMattersToMe[1]"));
        assertThat(w.storedPlans()).isEmpty();
    }

    @Test
    void aGoalWithoutAnOutcomeIsRefused() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> new Goal(GoalId.random(), " ", "Steps a day", Optional.empty(), GoalStatus.ACTIVE))
                .satisfies(e -> assertThat(e.field()).isEqualTo("goal.outcome"));
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> Goal.of(null, "Steps a day", Optional.empty()))
                .satisfies(e -> assertThat(e.field()).isEqualTo("goal.outcome"));
    }

    @Test
    void anActionWithNoOwnerIsRefused() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> Action.of("Book the physio", null, Optional.empty(), List.of()))
                .satisfies(e -> assertThat(e.field()).isEqualTo("action.owner"));
    }

    @Test
    void anActionOwnedBySomeoneOffTheCareTeamIsRefusedAndNothingIsStored() {
        var content = CareWorld.complete(w.today().plusMonths(6)).withActions(List.of(
                Action.of("Book the physio", ActionOwner.member(MemberId.random()), Optional.empty(), List.of())));

        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> draftOf(content))
                .satisfies(e -> assertThat(e.field()).isEqualTo("actions[0].owner"));
        assertThat(w.storedPlans()).isEmpty();
    }

    @Test
    void anActionOwnedByACarerOnTheTeamIsAccepted() {
        var content = CareWorld.complete(w.today().plusMonths(6)).withActions(List.of(
                Action.of("Drive Mum to the day centre", ActionOwner.member(w.carerMember), Optional.empty(), List.of())));

        assertThat(draftOf(content).value().content().actions()).hasSize(1);
    }

    @Test
    @DisplayName("R7 a review date in the past is refused when drafting; nothing is stored")
    void aReviewDateInThePastIsRefusedOnDraft() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> draftOf(CareWorld.complete(w.today().minusDays(1))))
                .satisfies(e -> {
                    assertThat(e.field()).isEqualTo("review.nextReviewDue");
                    assertThat(e.rule()).isEqualTo("R7");
                });
        assertThat(w.storedPlans()).isEmpty();
    }

    @Test
    @DisplayName("R7 a review date of today is refused on agreement: it must be in the future")
    void aReviewDateOfTodayIsRefusedOnProposal() {
        var draft = draftOf(CareWorld.complete(w.today()));

        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> w.care.carePlans().propose(w.self, draft.value().id(), draft.version()))
                .satisfies(e -> assertThat(e.field()).isEqualTo("review.nextReviewDue"));
        assertThat(w.stored(draft.value().id())).contains(draft);
    }

    @Test
    void textOverTheDocumentedLimitIsRefusedAndNothingIsStored() {
        String tooLong = "a".repeat(Require.LONG_TEXT + 1);

        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> draftOf(CarePlanContent.empty().withAboutMe(tooLong)))
                .satisfies(e -> {
                    assertThat(e.field()).isEqualTo("aboutMe");
                    assertThat(e.rule()).isEqualTo("TEXT");
                    assertThat(e.getMessage()).doesNotContain(tooLong);
                });
        assertThat(w.storedPlans()).isEmpty();
    }

    @Test
    void textAtTheLimitIsAccepted() {
        var draft = draftOf(CarePlanContent.empty().withAboutMe("a".repeat(Require.LONG_TEXT)));

        assertThat(draft.value().content().aboutMe()).hasValueSatisfying(t -> assertThat(t).hasSize(Require.LONG_TEXT));
    }

    @Test
    void controlCharactersAreRefusedOnEditAndNothingIsStored() {
        var draft = draftOf(CarePlanContent.empty());

        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> w.care.carePlans().edit(w.self, draft.value().id(),
                        CarePlanContent.empty().withWhatMattersToMe(List.of("Going out\u0007")), draft.version()))
                .satisfies(e -> assertThat(e.field()).isEqualTo("whatMattersToMe[0]"));
        assertThat(w.stored(draft.value().id())).contains(draft);
    }

    @Test
    void lineBreaksInThePersonsOwnWordsAreKept() {
        var draft = draftOf(CarePlanContent.empty().withWhatMattersToMe(List.of("My garden.\nMy cat.")));

        assertThat(draft.value().content().whatMattersToMe()).containsExactly("My garden.\nMy cat.");
    }

    @Test
    void tooManyItemsInASectionAreRefused() {
        List<String> many = java.util.Collections.nCopies(CarePlanContent.MAX_ITEMS + 1, "x");

        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> CarePlanContent.empty().withWhatMattersToMe(many))
                .satisfies(e -> assertThat(e.field()).isEqualTo("whatMattersToMe"));
    }

    @Test
    void aBudgetLineMustBeUppercaseLettersDigitsAndHyphensUpTo40() {
        assertThat(SupportItem.fundedBy("Personal assistant", "PA-HOURS-2026").budgetLine()).contains("PA-HOURS-2026");
        for (String bad : List.of("", "pa-hours", "PA HOURS", "A".repeat(41), "PA_HOURS")) {
            assertThatExceptionOfType(InvalidInputException.class)
                    .isThrownBy(() -> SupportItem.fundedBy("Personal assistant", bad))
                    .satisfies(e -> assertThat(e.field()).isEqualTo("support.budgetLine"));
        }
    }

    @Test
    void anInformationLinkMustBeAnAbsoluteWebLink() {
        for (String bad : List.of("javascript:alert(1)", "/relative", "ftp://example.org/x", "not a link")) {
            assertThatExceptionOfType(InvalidInputException.class)
                    .isThrownBy(() -> new InformationPrescription("Leaflet", bad))
                    .satisfies(e -> assertThat(e.field()).isEqualTo("information.link"));
        }
    }

    @Test
    void anActionMayLinkOnlyToGoalsOfThePlan() {
        var content = CareWorld.complete(w.today().plusMonths(6));

        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> content.withActions(List.of(Action.of("Walk", ActionOwner.patient(), Optional.empty(),
                        List.of(GoalId.random())))))
                .satisfies(e -> assertThat(e.field()).isEqualTo("actions[0].goals"));
    }
}
