package io.github.personalcare.careplan;

import io.github.personalcare.access.SensitivityLabel;
import io.github.personalcare.lang.Versioned;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** R48: third-party and serious-harm entries of a care plan are withheld from the patient and proxies. */
class CarePlanRedactionTest {
    private final CareWorld w = new CareWorld();

    /** A complete plan with one goal about a third party and one action withheld for serious harm. */
    private Versioned<CarePlan> draftedByTheGp() {
        CarePlanContent base = CareWorld.complete(w.today().plusMonths(6));
        Goal aboutSon = Goal.of("Son's own support needs are assessed", "Assessment done", Optional.empty())
                .labelled(SensitivityLabel.THIRD_PARTY);
        Action harm = Action.of("Review medicines with the community psychiatric nurse first", ActionOwner.patient(),
                Optional.empty(), List.of(aboutSon.id())).labelled(SensitivityLabel.SERIOUS_HARM);
        List<Goal> goals = new ArrayList<>(base.goals());
        goals.add(aboutSon);
        List<Action> actions = new ArrayList<>(base.actions());
        actions.add(harm);
        return w.care.carePlans().draft(w.gp, w.patient, base.withGoals(goals).withActions(actions));
    }

    @Test
    @DisplayName("R48 labelled plan entries are never shown to the patient or a proxy; the care team sees them")
    void r48LabelledEntriesAreWithheldFromPatientAndProxy() {
        Versioned<CarePlan> drafted = draftedByTheGp();
        CarePlanId id = drafted.value().id();

        assertThat(drafted.value().content().goals()).hasSize(2);
        assertThat(w.care.carePlans().get(w.gp, id).value().content().actions()).hasSize(2);
        CarePlanContent seenByPatient = w.care.carePlans().get(w.self, id).value().content();
        assertThat(seenByPatient.goals()).singleElement().satisfies(g -> assertThat(g.labels()).isEmpty());
        assertThat(seenByPatient.actions()).singleElement().satisfies(a -> assertThat(a.labels()).isEmpty());
        assertThat(w.care.carePlans().get(w.carer, id).value().content().goals()).hasSize(1);
        assertThat(w.care.carePlans().plansOf(w.self, w.patient)).singleElement()
                .satisfies(v -> assertThat(v.value().content().goals()).hasSize(1));

        // Agreed by the patient: the patient's answer and history show only what they may see.
        Versioned<CarePlan> v = w.care.carePlans().propose(w.gp, id, drafted.version());
        v = w.care.carePlans().agree(w.self, id, v.version());
        assertThat(v.value().content().goals()).hasSize(1);
        v = w.care.carePlans().coSign(w.gp, id, v.version());
        assertThat(w.care.carePlans().history(w.self, id)).singleElement()
                .satisfies(version -> assertThat(version.content().actions()).hasSize(1));
        assertThat(w.care.carePlans().currentAgreed(w.self, w.patient).orElseThrow().content().goals()).hasSize(1);
        assertThat(w.care.carePlans().history(w.gp, id)).singleElement()
                .satisfies(version -> assertThat(version.content().actions()).hasSize(2));
    }

    @Test
    @DisplayName("R48 an edit by the patient keeps the entries they were never shown")
    void r48APatientsEditKeepsWhatTheyCannotSee() {
        Versioned<CarePlan> drafted = draftedByTheGp();
        CarePlanId id = drafted.value().id();
        CarePlanContent seen = w.care.carePlans().get(w.self, id).value().content();

        Versioned<CarePlan> edited = w.care.carePlans().edit(w.self, id,
                seen.withWhatMattersToMe(List.of("Staying in my own home")), drafted.version());

        assertThat(edited.value().content().goals()).hasSize(1);
        CarePlanContent stored = w.care.carePlans().get(w.gp, id).value().content();
        assertThat(stored.whatMattersToMe()).containsExactly("Staying in my own home");
        assertThat(stored.goals()).hasSize(2);
        assertThat(stored.actions()).hasSize(2)
                .anySatisfy(a -> assertThat(a.labels()).containsExactly(SensitivityLabel.SERIOUS_HARM));
    }

    @Test
    @DisplayName("R48 an edit by the patient keeps a visible action's links to hidden goals, and survives deleting a goal a hidden action used")
    void r48LinksToWhatThePatientCannotSeeSurviveTheirEdit() {
        CarePlanContent base = CareWorld.complete(w.today().plusMonths(6));
        Goal walk = base.goals().get(0);
        Goal aboutSon = Goal.of("Son's own support needs are assessed", "Assessment done", Optional.empty())
                .labelled(SensitivityLabel.THIRD_PARTY);
        Action shared = Action.of("Carers' assessment booked with the patient", ActionOwner.patient(), Optional.empty(),
                List.of(walk.id(), aboutSon.id()));
        Action hidden = Action.of("Safeguarding review first", ActionOwner.patient(), Optional.empty(),
                List.of(walk.id(), aboutSon.id())).labelled(SensitivityLabel.SERIOUS_HARM);
        Versioned<CarePlan> v = w.care.carePlans().draft(w.gp, w.patient, base.withGoals(List.of(walk, aboutSon))
                .withActions(List.of(base.actions().get(0), shared, hidden)));
        CarePlanId id = v.value().id();

        CarePlanContent seen = w.care.carePlans().get(w.self, id).value().content();
        assertThat(seen.actions()).filteredOn(a -> a.id().equals(shared.id())).singleElement()
                .satisfies(a -> assertThat(a.goals()).containsExactly(walk.id()));
        v = w.care.carePlans().edit(w.self, id, seen.withWhatMattersToMe(List.of("Staying at home")), v.version());
        CarePlanContent stored = w.care.carePlans().get(w.gp, id).value().content();
        assertThat(stored.actions()).filteredOn(a -> a.id().equals(shared.id())).singleElement()
                .satisfies(a -> assertThat(a.goals()).containsExactlyInAnyOrder(walk.id(), aboutSon.id()));

        // The patient deletes the walking goal and the actions they see: the hidden action stays, linked to what is left.
        CarePlanContent without = w.care.carePlans().get(w.self, id).value().content().withActions(List.of())
                .withGoals(List.of());
        w.care.carePlans().edit(w.self, id, without, v.version());
        CarePlanContent after = w.care.carePlans().get(w.gp, id).value().content();
        assertThat(after.goals()).extracting(Goal::id).containsExactly(aboutSon.id());
        assertThat(after.actions()).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo(hidden.id());
            assertThat(a.goals()).containsExactly(aboutSon.id());
        });
    }

    @Test
    @DisplayName("R48 an empty label is refused with a typed error naming the field")
    void anEmptyLabelIsRefused() {
        java.util.Set<SensitivityLabel> withEmpty = new java.util.HashSet<>();
        withEmpty.add(null);
        org.assertj.core.api.Assertions.assertThatExceptionOfType(io.github.personalcare.lang.InvalidInputException.class)
                .isThrownBy(() -> Goal.of("Walk", "Distance", Optional.empty()).labelled((SensitivityLabel) null))
                .satisfies(e -> assertThat(e.field()).isEqualTo("goal.labels"));
        org.assertj.core.api.Assertions.assertThatExceptionOfType(io.github.personalcare.lang.InvalidInputException.class)
                .isThrownBy(() -> new Action(ActionId.random(), "Walk daily", ActionOwner.patient(), Optional.empty(),
                        List.of(), withEmpty))
                .satisfies(e -> assertThat(e.field()).isEqualTo("action.labels"));
    }
}
