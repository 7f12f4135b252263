package io.github.personalcare.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.careplan.Goal;
import io.github.personalcare.careplan.GoalStatus;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GoalMapperTest {
    private final GoalMapper mapper = new GoalMapper();
    private final PlanGoal walk = new PlanGoal(CareFixtures.PLAN_ID, Fixtures.ADA_ID, Optional.empty(),
            new Goal(CareFixtures.WALK, "Walk to the shop", "times a week", Optional.empty(), GoalStatus.ACTIVE));

    @Test
    @DisplayName("§1.6 every GoalStatus maps to lifecycleStatus and back")
    void everyGoalStatusMapsBothWays() {
        for (GoalStatus status : GoalStatus.values()) {
            PlanGoal goal = new PlanGoal(walk.plan(), walk.patient(), Optional.of(3), walk.goal().withStatus(status));
            ObjectNode json = mapper.toFhir(goal);
            assertThat(json.get("lifecycleStatus").asText()).isEqualTo(CarePlanCodes.GOAL_LIFECYCLE.code(status));
            ImportContext context = ImportContext.root();
            assertThat(mapper.fromFhir(json, context)).contains(goal);
            assertThat(context.problems()).isEmpty();
        }
    }

    @Test
    void aFhirStatusTheSdkDoesNotKeepIsRefusedAndAContradictingAchievementIsIgnored() {
        ObjectNode json = mapper.toFhir(walk);
        ((ObjectNode) json.at("/achievementStatus/coding/0")).put("code", "worsening");
        ImportContext context = ImportContext.root();
        assertThat(mapper.fromFhir(json, context)).contains(walk);
        assertThat(context.ignoredPaths()).containsExactly("$.achievementStatus");
        json.put("lifecycleStatus", "planned");
        context = ImportContext.root();
        assertThat(mapper.fromFhir(json, context)).isEmpty();
        assertThat(context.problems()).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(tuple("$.lifecycleStatus", "GOAL_STATUS"));
    }

    @Test
    void anIdThatIsNotDerivedFromTheIdentifierIsRefused() {
        ObjectNode json = mapper.toFhir(walk);
        json.put("id", java.util.UUID.randomUUID().toString());
        ImportContext context = ImportContext.root();
        assertThat(mapper.fromFhir(json, context)).isEmpty();
        assertThat(context.problems()).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(tuple("$.id", "ID"));
    }

    @Test
    void aGoalKeyThatIsNotAPlanAndGoalIdIsAProblemNotAnException() {
        for (String key : new String[] {"Patient/x", "<bad>/1/<bad>", "a/b/c/d", "", "/"}) {
            ObjectNode json = mapper.toFhir(walk);
            ((ObjectNode) json.at("/identifier/0")).put("value", key);
            ImportContext context = ImportContext.root();

            assertThat(mapper.fromFhir(json, context)).as(key).isEmpty();
            assertThat(context.problems()).as(key).extracting(ImportProblem::jsonPath).contains("$.identifier");
        }
    }

    @Test
    void missingOutcomeMeasureAndSubjectAreEachNamed() {
        ObjectNode json = mapper.toFhir(walk);
        json.remove("description");
        json.remove("subject");
        ((ObjectNode) json.at("/target/0")).remove("measure");
        ImportContext context = ImportContext.root();
        assertThat(mapper.fromFhir(json, context)).isEmpty();
        assertThat(context.problems()).extracting(ImportProblem::jsonPath)
                .containsExactlyInAnyOrder("$.description", "$.subject", "$.target[0].measure");
    }
}
